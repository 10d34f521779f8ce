using Growth.Domain.Training;
using Growth.Grains.Runtime;

namespace Growth.Grains.Training;

[GenerateSerializer]
public sealed class TrainingResultsRecord
{
    [Id(0)] public List<TrainingResult> Results { get; set; } = [];

    /// <summary>Adds a finished session, newest first; false if it is already here (a session reports once; a retried report must not count twice).</summary>
    public bool Add(TrainingResult result)
    {
        if (Results.Any(r => r.SessionId == result.SessionId)) return false;
        Results.Insert(0, result);
        return true;
    }
}

/// <summary>A trainee's history: every finished session, newest first, and the skill per step measured on it.</summary>
public sealed class TrainingTraineeGrain(
    [PersistentState("training-trainee", GrainStorage.Name)] IPersistentState<TrainingResultsRecord> record) : Grain, ITrainingTraineeGrain
{
    public async Task RecordAsync(TrainingResult result)
    {
        if (record.State.Add(result)) await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<TrainingResult>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<TrainingResult>>(record.State.Results.ToList());

    public Task<double?[]> GetSkillsAsync() => Task.FromResult(TrainingScoring.Skills(record.State.Results));
}
