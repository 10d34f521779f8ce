namespace Growth.Domain.Training;

/// <summary>Where a trainee stands on an assignment.</summary>
public enum AssignmentStatus
{
    /// <summary>Assigned; no finished attempt yet, and not yet due.</summary>
    Assigned,
    /// <summary>At least one finished attempt, none at the pass mark yet, not yet due.</summary>
    Attempted,
    /// <summary>An attempt reached the pass mark: the certificate is there.</summary>
    Passed,
    /// <summary>Due and not passed.</summary>
    Overdue,
}

/// <summary>A manager's assignment: play this scenario at this difficulty (or harder) and reach the pass mark by the due date.</summary>
public sealed record TrainingAssignment
{
    /// <summary>"a1", "a2", ... in the order assigned within the training workspace.</summary>
    public required string Id { get; init; }
    public required string ScenarioId { get; init; }
    public required string ScenarioTitle { get; init; }
    /// <summary>The least difficulty an attempt must be played at to count.</summary>
    public required TrainingDifficulty Difficulty { get; init; }
    /// <summary>Trainees named one by one (as typed; matched case- and spacing-insensitively).</summary>
    public IReadOnlyList<string> Trainees { get; init; } = [];
    /// <summary>A cohort whose members are assigned too (its members when the board is read), or null.</summary>
    public string? Cohort { get; init; }
    /// <summary>Score (0..100) an attempt must reach.</summary>
    public required int PassMark { get; init; }
    public required DateTimeOffset Due { get; init; }
    public required DateTimeOffset AssignedAt { get; init; }
    public required string AssignedBy { get; init; }
    /// <summary>The assigning manager's teams or regions (their grants' scopes); empty when leadership or an administrator assigned it.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];
}

/// <summary>What a manager asks for; checked by <see cref="TrainingAssignments.Create"/>.</summary>
public sealed record TrainingAssignmentRequest(
    string? ScenarioId, string? Difficulty, IReadOnlyList<string>? Trainees, string? Cohort, DateTimeOffset? Due, int? PassMark);

/// <summary>One trainee's line on an assignment's progress board.</summary>
public sealed record AssignmentProgress
{
    public required string AssignmentId { get; init; }
    public required string Trainee { get; init; }
    /// <summary>Finished sessions of the scenario, at the difficulty or harder, since the assignment was made.</summary>
    public int Attempts { get; init; }
    public int? BestScore { get; init; }
    public required AssignmentStatus Status { get; init; }
    /// <summary>When the first attempt at the pass mark finished (null: not passed).</summary>
    public DateTimeOffset? PassedAt { get; init; }
    public int? PassedScore { get; init; }
    public string? PassedSessionId { get; init; }
    /// <summary>Passed, but after the due date.</summary>
    public bool Late { get; init; }
}

/// <summary>What a passed assignment earns: the printable certificate's content.</summary>
public sealed record TrainingCertificate(
    string Trainee, string AssignmentId, string ScenarioId, string ScenarioTitle, TrainingDifficulty Difficulty,
    int Score, int PassMark, DateTimeOffset PassedAt, string SessionId, string AssignedBy);

/// <summary>Assignments, their progress and certificates. Pure: the grain keeps the list, the caller passes histories and the time.</summary>
public static class TrainingAssignments
{
    /// <summary>Pass mark when the manager gives none (assumed: a "good" session, 70 of 100 against best practice).</summary>
    public const int DefaultPassMark = 70;
    /// <summary>Most trainees one assignment may name (a cohort covers larger groups).</summary>
    public const int MaxTrainees = 100;

    /// <summary>
    /// The assignment a request asks for, or the first problem with it naming the field (scenarioId, difficulty,
    /// trainees[i], cohort, due, passMark). <paramref name="isName"/> says whether a trainee or cohort name is valid.
    /// </summary>
    public static (TrainingAssignment? Assignment, string? Problem) Create(
        TrainingAssignmentRequest request, IReadOnlyList<TrainingScenario> scenarios, Func<string?, bool> isName,
        string id, string assignedBy, IReadOnlyList<string> teams, DateTimeOffset now)
    {
        var scenario = scenarios.FirstOrDefault(s => s.Id == request.ScenarioId);
        if (scenario is null)
            return (null, $"scenarioId: '{request.ScenarioId}' is not a scenario (known: {string.Join(", ", scenarios.Select(s => s.Id))})");
        var difficulty = TrainingDifficulty.Normal;
        if (request.Difficulty is { } d && (!Enum.TryParse(d, ignoreCase: true, out difficulty) || !Enum.IsDefined(difficulty) || int.TryParse(d, out _)))
            return (null, $"difficulty: '{d}' is not one of {string.Join(", ", Enum.GetNames<TrainingDifficulty>())}");
        var trainees = (request.Trainees ?? []).Select(t => t?.Trim() ?? "").ToList();
        for (var i = 0; i < trainees.Count; i++)
            if (!isName(trainees[i])) return (null, $"trainees[{i}]: '{trainees[i]}' is not a trainee name (1-40 letters, digits, spaces, dots, dashes)");
        if (trainees.Count > MaxTrainees) return (null, $"trainees: {trainees.Count} named; at most {MaxTrainees} (assign a cohort instead)");
        var cohort = string.IsNullOrWhiteSpace(request.Cohort) ? null : request.Cohort.Trim();
        if (cohort is not null && !isName(cohort)) return (null, $"cohort: '{cohort}' is not a cohort name (1-40 letters, digits, spaces, dots, dashes)");
        if (trainees.Count == 0 && cohort is null) return (null, "trainees: name at least one trainee, or give a cohort");
        if (request.Due is not { } due) return (null, "due: is required (the date the pass mark must be reached by)");
        if (due <= now) return (null, $"due: {due:yyyy-MM-dd HH:mm} is not after now ({now:yyyy-MM-dd HH:mm} UTC)");
        var passMark = request.PassMark ?? DefaultPassMark;
        if (passMark is < 1 or > 100) return (null, $"passMark: must be between 1 and 100 (was {passMark})");
        return (new TrainingAssignment
        {
            Id = id, ScenarioId = scenario.Id, ScenarioTitle = scenario.Title, Difficulty = difficulty,
            Trainees = trainees.DistinctBy(TrainingScoring.TraineeKey).ToList(), Cohort = cohort, PassMark = passMark,
            Due = due, AssignedAt = now, AssignedBy = assignedBy, Teams = teams,
        }, null);
    }

    /// <summary>The id of the next assignment after <paramref name="count"/> earlier ones.</summary>
    public static string NextId(int count) => $"a{count + 1}";

    /// <summary>Everyone the assignment covers: the named trainees, then the cohort's members, each once (by trainee key).</summary>
    public static IReadOnlyList<string> Members(TrainingAssignment assignment, IEnumerable<string> cohortMembers) =>
        assignment.Trainees.Concat(assignment.Cohort is null ? [] : cohortMembers).DistinctBy(TrainingScoring.TraineeKey).ToList();

    /// <summary>Whether a finished session counts for the assignment: same scenario, at its difficulty or harder, finished after it was assigned.</summary>
    public static bool Counts(TrainingAssignment assignment, TrainingResult result) =>
        result.ScenarioId == assignment.ScenarioId && result.Difficulty >= assignment.Difficulty && result.FinishedAt >= assignment.AssignedAt;

    /// <summary>One trainee's progress on an assignment, from their history, at <paramref name="now"/>.</summary>
    public static AssignmentProgress Progress(TrainingAssignment assignment, string trainee, IEnumerable<TrainingResult> history, DateTimeOffset now)
    {
        var attempts = history.Where(r => Counts(assignment, r)).OrderBy(r => r.FinishedAt).ToList();
        var pass = attempts.FirstOrDefault(r => r.Score >= assignment.PassMark);
        var status = pass is not null ? AssignmentStatus.Passed
            : now > assignment.Due ? AssignmentStatus.Overdue
            : attempts.Count > 0 ? AssignmentStatus.Attempted
            : AssignmentStatus.Assigned;
        return new AssignmentProgress
        {
            AssignmentId = assignment.Id, Trainee = trainee, Attempts = attempts.Count,
            BestScore = attempts.Count == 0 ? null : attempts.Max(r => r.Score), Status = status,
            PassedAt = pass?.FinishedAt, PassedScore = pass?.Score, PassedSessionId = pass?.SessionId,
            Late = pass is not null && pass.FinishedAt > assignment.Due,
        };
    }

    /// <summary>The certificate a trainee has earned on an assignment; null until an attempt reached the pass mark.</summary>
    public static TrainingCertificate? Certificate(TrainingAssignment assignment, AssignmentProgress progress) =>
        progress is { Status: AssignmentStatus.Passed, PassedAt: { } at, PassedScore: { } score, PassedSessionId: { } session }
            ? new TrainingCertificate(progress.Trainee, assignment.Id, assignment.ScenarioId, assignment.ScenarioTitle, assignment.Difficulty,
                score, assignment.PassMark, at, session, assignment.AssignedBy)
            : null;
}
