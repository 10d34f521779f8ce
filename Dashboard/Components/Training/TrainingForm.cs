using Growth.Domain.Training;

namespace Growth.Dashboard.Components.Training;

/// <summary>What the trainee has entered on the training page: who, for which cohort, and the next session's customer.</summary>
public sealed class TrainingForm
{
    public string? Trainee { get; set; }
    public string Cohort { get; set; } = "cohort-1";
    public string? ScenarioId { get; set; }
    public TrainingDifficulty Difficulty { get; set; } = TrainingDifficulty.Normal;
    /// <summary>Id of a product of the workspace's setup the scenario sells instead of its own; null or empty sells its own.</summary>
    public string? ProductId { get; set; }
    /// <summary>The customer seed; null uses the scenario's own.</summary>
    public long? Seed { get; set; }
}

/// <summary>Whose deals to coach from: a workspace and a rep id in it.</summary>
public sealed class CoachingRequest
{
    public string Workspace { get; set; } = "demo";
    public string? RepId { get; set; }
}

/// <summary>What a manager enters to assign a scenario.</summary>
public sealed class AssignmentForm
{
    public string? ScenarioId { get; set; }
    public TrainingDifficulty Difficulty { get; set; } = TrainingDifficulty.Normal;
    /// <summary>Trainee names, separated by commas.</summary>
    public string? Trainees { get; set; }
    public string? Cohort { get; set; }
    public DateTime? Due { get; set; }
    public int PassMark { get; set; } = TrainingAssignments.DefaultPassMark;

    /// <summary>The request it makes (the due date at the end of that day, UTC).</summary>
    public TrainingAssignmentRequest Request() => new(ScenarioId, Difficulty.ToString(),
        (Trainees ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Cohort,
        Due is { } d ? new DateTimeOffset(d.Date.AddDays(1).AddSeconds(-1), TimeSpan.Zero) : null, PassMark);
}
