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
