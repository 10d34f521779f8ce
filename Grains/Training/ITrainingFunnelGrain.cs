using Growth.Domain.Training;

namespace Growth.Grains.Training;

/// <summary>Drops a trainee's measured skills into a simulated team and runs it with and without them.</summary>
/// <param name="Trainee">Whose skills (the name shown).</param>
/// <param name="Skills">Skill per conversation step, 0..1 (untested steps already filled in).</param>
/// <param name="Seed">Seed of the simulated organisation, so both runs see the same leads.</param>
/// <param name="Days">Simulated days each run covers.</param>
[GenerateSerializer, Immutable]
public sealed record TrainingFunnelRequest(
    [property: Id(0)] string Trainee,
    [property: Id(1)] double[] Skills,
    [property: Id(2)] ulong Seed = 42,
    [property: Id(3)] int Days = 90);

/// <summary>
/// Runs a trainee's skills on a simulated funnel: two simulation workspaces with the same seed and span, one with a
/// rep's skills replaced. Key: "{training workspace}/{trainee key}". The caller drives the runs a chunk at a time
/// (<see cref="AdvanceAsync"/>), so no call runs long and a page can show progress. Same request, same workspaces:
/// a repeated request finds its finished runs.
/// </summary>
public interface ITrainingFunnelGrain : IGrainWithStringKey
{
    /// <summary>Sets up both simulations (or finds them) and returns how far they have run.</summary>
    Task<TrainingFunnelStatus> StartAsync(TrainingFunnelRequest request);

    /// <summary>Runs both simulations one more chunk of simulated days; the effect is filled in once both reach the span.</summary>
    Task<TrainingFunnelStatus> AdvanceAsync();

    Task<TrainingFunnelStatus?> GetAsync();
}

/// <summary>How far a funnel projection has run; <see cref="Effect"/> once it is done.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingFunnelStatus(
    [property: Id(0)] TrainingFunnelRequest Request,
    [property: Id(1)] int DaysRun,
    [property: Id(2)] TrainingFunnelEffect? Effect)
{
    public bool Done => Effect is not null;
}
