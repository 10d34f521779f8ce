using Growth.Domain.Training;

namespace Growth.Grains.Training;

/// <summary>
/// A training workspace's assignments (managers' "play this scenario, reach this mark by then"). Key: the training
/// workspace. Holds the list only; progress is read from the trainees' histories (<see cref="TrainingAssignments"/>).
/// </summary>
public interface ITrainingAssignmentsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks the request (<see cref="TrainingAssignments.Create"/>) and stores it under the next id; a bad request is
    /// refused naming the field, and nothing is stored.
    /// </summary>
    Task<TrainingAssignment> AssignAsync(TrainingAssignmentRequest request, IReadOnlyList<TrainingScenario> scenarios, string assignedBy, IReadOnlyList<string> teams);

    /// <summary>Every assignment, oldest first.</summary>
    Task<IReadOnlyList<TrainingAssignment>> ListAsync();
}
