using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Training;

[GenerateSerializer]
public sealed class TrainingAssignmentsRecord
{
    [Id(0)] public List<TrainingAssignment> Assignments { get; set; } = [];
}

/// <summary>Keeps a training workspace's assignments; the rules are <see cref="TrainingAssignments"/>'.</summary>
public sealed class TrainingAssignmentsGrain(
    [PersistentState("training-assignments", GrainStorage.Name)] IPersistentState<TrainingAssignmentsRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ITrainingAssignmentsGrain
{
    public async Task<TrainingAssignment> AssignAsync(TrainingAssignmentRequest request, IReadOnlyList<TrainingScenario> scenarios, string assignedBy, IReadOnlyList<string> teams)
    {
        var (assignment, problem) = TrainingAssignments.Create(request, scenarios, TrainingKeys.IsValidName,
            TrainingAssignments.NextId(record.State.Assignments.Count), assignedBy, teams, time.GetUtcNow());
        if (assignment is null) throw new DomainException(problem!);
        record.State.Assignments.Add(assignment);
        await record.WriteStateAsync();
        return assignment;
    }

    public Task<IReadOnlyList<TrainingAssignment>> ListAsync() => Task.FromResult<IReadOnlyList<TrainingAssignment>>(record.State.Assignments.ToList());
}
