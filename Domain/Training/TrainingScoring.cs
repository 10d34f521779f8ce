using Growth.Domain.Journeys;

namespace Growth.Domain.Training;

/// <summary>A step's score in one session: the mean of its turns, or null if the session never reached it.</summary>
public sealed record TrainingStepScore(ConversationStep Step, int? Score, int Turns);

/// <summary>The review of a finished session: scores per step, the replay with hidden state, and the lesson.</summary>
public sealed record TrainingReview
{
    public required int Score { get; init; }
    public required IReadOnlyList<TrainingStepScore> Steps { get; init; }
    public required TrainingPersona Persona { get; init; }
    public required IReadOnlyList<TrainingTurn> Replay { get; init; }
    /// <summary>The turn that cost the most against best practice, as one sentence; null if every choice was the best.</summary>
    public string? Lesson { get; init; }
}

/// <summary>One finished session as history and leaderboards keep it.</summary>
public sealed record TrainingResult
{
    public required string SessionId { get; init; }
    public required string Trainee { get; init; }
    public required string Cohort { get; init; }
    public required string ScenarioId { get; init; }
    public required TrainingDifficulty Difficulty { get; init; }
    public required ulong Seed { get; init; }
    public required TrainingOutcome Outcome { get; init; }
    public decimal OrderValue { get; init; }
    public ConversationStep? LostAt { get; init; }
    public string? Reason { get; init; }
    public required int Score { get; init; }
    public required IReadOnlyList<TrainingStepScore> Steps { get; init; }
    /// <summary>Mean quality (0..1) of the trainee's choices per step, indexed by <see cref="ConversationStep"/>; null if not reached.</summary>
    public required double?[] Quality { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
}

/// <summary>One trainee's line on a cohort's leaderboard.</summary>
public sealed record TrainingLeaderboardRow
{
    public required string Trainee { get; init; }
    public int Sessions { get; init; }
    public int Won { get; init; }
    public int Lost { get; init; }
    public int Stalled { get; init; }
    public int BestScore { get; init; }
    public int AverageScore { get; init; }
    public decimal WonValue { get; init; }
    /// <summary>Measured skill per step (0..1), indexed by <see cref="ConversationStep"/>; null where never reached.</summary>
    public required double?[] Skills { get; init; }
    /// <summary>The step with the lowest measured skill: what to coach next.</summary>
    public ConversationStep? Weakest { get; init; }
}

/// <summary>Scoring against best practice, the review, measured skills and leaderboards. Pure.</summary>
public static class TrainingScoring
{
    /// <summary>Sessions a trainee's measured skill is averaged over (the most recent), so progress shows.</summary>
    public const int SkillWindow = 10;

    /// <summary>Skill assumed for a step a trainee never reached when dropped into a simulation: untested counts as weak.</summary>
    public const double UntestedSkill = 0.3;

    /// <summary>0..100: the chosen option's quality relative to the best on offer.</summary>
    public static int TurnScore(TrainingOption chosen, TrainingOption best) =>
        best.Quality <= 0 ? 100 : (int)Math.Round(100 * Math.Clamp(chosen.Quality / best.Quality, 0, 1));

    /// <summary>Per step: the mean score of its turns.</summary>
    public static IReadOnlyList<TrainingStepScore> StepScores(TrainingState state) =>
        Enum.GetValues<ConversationStep>().Select(step =>
        {
            var turns = state.Turns.Where(t => t.Step == step).ToList();
            return new TrainingStepScore(step, turns.Count == 0 ? null : (int)Math.Round(turns.Average(t => t.Score)), turns.Count);
        }).ToList();

    /// <summary>
    /// The session's score: the mean over all six steps, a step never reached counting zero, because a perfect opening
    /// that loses the customer at rapport is not a good session.
    /// </summary>
    public static int SessionScore(IReadOnlyList<TrainingStepScore> steps) =>
        (int)Math.Round(steps.Sum(s => s.Score ?? 0) / (double)Enum.GetValues<ConversationStep>().Length);

    public static TrainingReview Review(TrainingState state)
    {
        var steps = StepScores(state);
        var worst = state.Turns.Where(t => t.Score < 100).OrderBy(t => t.Score).ThenBy(t => t.Index).FirstOrDefault();
        return new TrainingReview
        {
            Score = SessionScore(steps),
            Steps = steps,
            Persona = state.Persona,
            Replay = state.Turns,
            Lesson = worst is null ? null
                : state.Text.Format(state.Text.Lesson, state.Text.LessonStep(worst.Step),
                    worst.Objection is { } o ? state.Text.Format(state.Text.LessonObjection, state.Text.Label(o)) : "", worst.Best.Text, worst.Best.Why),
        };
    }

    public static TrainingResult Result(TrainingState state, string sessionId, string trainee, string cohort, DateTimeOffset finishedAt)
    {
        var steps = StepScores(state);
        return new TrainingResult
        {
            SessionId = sessionId, Trainee = trainee, Cohort = cohort, ScenarioId = state.ScenarioId, Difficulty = state.Difficulty, Seed = state.Seed,
            Outcome = state.Outcome, OrderValue = state.OrderValue, LostAt = state.LostAt, Reason = state.Reason,
            Score = SessionScore(steps), Steps = steps, FinishedAt = finishedAt,
            Quality = Enum.GetValues<ConversationStep>().Select(step =>
            {
                var turns = state.Turns.Where(t => t.Step == step).ToList();
                return turns.Count == 0 ? (double?)null : Math.Round(turns.Average(t => t.Chosen.Quality), 3);
            }).ToArray(),
        };
    }

    /// <summary>
    /// Measured skill per step: the mean quality of the trainee's choices at that step over the latest
    /// <see cref="SkillWindow"/> sessions that reached it; null where no session reached it.
    /// </summary>
    public static double?[] Skills(IEnumerable<TrainingResult> history)
    {
        var recent = history.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.SessionId, StringComparer.Ordinal).ToList();
        return Enum.GetValues<ConversationStep>().Select(step =>
        {
            var values = recent.Select(r => r.Quality[(int)step]).OfType<double>().Take(SkillWindow).ToList();
            return values.Count == 0 ? (double?)null : Math.Round(values.Average(), 2);
        }).ToArray();
    }

    /// <summary>Skills as a rep profile takes them: untested steps count as <see cref="UntestedSkill"/>.</summary>
    public static double[] RepSkills(double?[] skills) => skills.Select(s => s ?? UntestedSkill).ToArray();

    /// <summary>The identity of a trainee or cohort name: case and spacing do not make a different person.</summary>
    public static string TraineeKey(string name) => string.Join('-', name.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A cohort's leaderboard: best score first, then wins, then name (the name as last written).</summary>
    public static IReadOnlyList<TrainingLeaderboardRow> Leaderboard(IEnumerable<TrainingResult> results) =>
        results.OrderByDescending(r => r.FinishedAt).GroupBy(r => TraineeKey(r.Trainee), StringComparer.Ordinal).Select(g =>
        {
            var skills = Skills(g);
            var weakest = skills.Select((s, i) => (Skill: s, Step: (ConversationStep)i)).Where(x => x.Skill is not null).OrderBy(x => x.Skill).ThenBy(x => x.Step).Select(x => (ConversationStep?)x.Step).FirstOrDefault();
            return new TrainingLeaderboardRow
            {
                Trainee = g.First().Trainee,
                Sessions = g.Count(),
                Won = g.Count(r => r.Outcome == TrainingOutcome.Won),
                Lost = g.Count(r => r.Outcome == TrainingOutcome.Lost),
                Stalled = g.Count(r => r.Outcome == TrainingOutcome.Stalled),
                BestScore = g.Max(r => r.Score),
                AverageScore = (int)Math.Round(g.Average(r => r.Score)),
                WonValue = g.Sum(r => r.OrderValue),
                Skills = skills,
                Weakest = weakest,
            };
        })
        .OrderByDescending(r => r.BestScore).ThenByDescending(r => r.Won).ThenBy(r => r.Trainee, StringComparer.Ordinal)
        .ToList();
}
