using Growth.Grains.Contracts;
using Growth.Grains.Hosting;
using Growth.Grains.Model;

namespace Growth.Grains.Actors;

[GenerateSerializer]
public sealed class TrainingResultsRecord
{
    [Id(0)] public List<TrainingResult> Results { get; set; } = [];
}

/// <summary>A trainee's history: every finished session, newest first, and the skill per step measured on it.</summary>
public sealed class TrainingTraineeGrain(
    [PersistentState("training-trainee", GrowthSilo.StorageName)] IPersistentState<TrainingResultsRecord> record) : Grain, ITrainingTraineeGrain
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

/// <summary>A cohort: every finished session of its trainees, and the leaderboard a manager compares them on.</summary>
public sealed class CohortGrain(
    [PersistentState("training-cohort", GrowthSilo.StorageName)] IPersistentState<TrainingResultsRecord> record) : Grain, ICohortGrain
{
    public async Task RecordAsync(TrainingResult result)
    {
        if (record.State.Results.Any(r => r.SessionId == result.SessionId)) return;
        record.State.Results.Insert(0, result);
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<TrainingLeaderboardRow>> GetLeaderboardAsync() => Task.FromResult(TrainingScoring.Leaderboard(record.State.Results));

    public Task<IReadOnlyList<TrainingResult>> GetResultsAsync() => Task.FromResult<IReadOnlyList<TrainingResult>>(record.State.Results.ToList());
}
