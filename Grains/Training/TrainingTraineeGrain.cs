using Growth.Domain.Training;
using Growth.Grains.Runtime;

namespace Growth.Grains.Training;

[GenerateSerializer]
public sealed class TrainingResultsRecord
{
    [Id(0)] public List<TrainingResult> Results { get; set; } = [];
}

/// <summary>A trainee's history: every finished session, newest first, and the skill per step measured on it.</summary>
public sealed class TrainingTraineeGrain(
    [PersistentState("training-trainee", GrainStorage.Name)] IPersistentState<TrainingResultsRecord> record) : Grain, ITrainingTraineeGrain
{
    public async Task RecordAsync(TrainingResult result)
    {
        // A session reports once; a retried report must not count twice.
        if (record.State.Results.Any(r => r.SessionId == result.SessionId)) return;
        record.State.Results.Insert(0, result);
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<TrainingResult>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<TrainingResult>>(record.State.Results.ToList());

    public Task<double?[]> GetSkillsAsync() => Task.FromResult(TrainingScoring.Skills(record.State.Results));
}
