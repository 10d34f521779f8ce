using Growth.Domain.Training;

namespace Growth.Grains.Training;

/// <summary>A cohort of trainees: every finished session and the leaderboard. Key: "{training workspace}/{cohort key}".</summary>
public interface ICohortGrain : IGrainWithStringKey
{
    Task RecordAsync(TrainingResult result);
    Task<IReadOnlyList<TrainingLeaderboardRow>> GetLeaderboardAsync();

    /// <summary>Finished sessions, newest first.</summary>
    Task<IReadOnlyList<TrainingResult>> GetResultsAsync();
}
