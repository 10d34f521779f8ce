using Growth.Domain.Training;

namespace Growth.Grains.Training;

/// <summary>A trainee's finished sessions and measured skill per step. Key: "{training workspace}/{trainee key}".</summary>
public interface ITrainingTraineeGrain : IGrainWithStringKey
{
    Task RecordAsync(TrainingResult result);

    /// <summary>Finished sessions, newest first.</summary>
    Task<IReadOnlyList<TrainingResult>> GetHistoryAsync();

    /// <summary>Measured skill per conversation step (null where no session reached the step).</summary>
    Task<double?[]> GetSkillsAsync();
}
