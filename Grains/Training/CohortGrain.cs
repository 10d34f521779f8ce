using Growth.Domain.Training;
using Growth.Grains.Runtime;

namespace Growth.Grains.Training;

/// <summary>A cohort: every finished session of its trainees, and the leaderboard a manager compares them on.</summary>
public sealed class CohortGrain(
    [PersistentState("training-cohort", GrainStorage.Name)] IPersistentState<TrainingResultsRecord> record) : Grain, ICohortGrain
{
    public async Task RecordAsync(TrainingResult result)
    {
        if (record.State.Add(result)) await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<TrainingLeaderboardRow>> GetLeaderboardAsync() => Task.FromResult(TrainingScoring.Leaderboard(record.State.Results));

    public Task<IReadOnlyList<TrainingResult>> GetResultsAsync() => Task.FromResult<IReadOnlyList<TrainingResult>>(record.State.Results.ToList());
}
