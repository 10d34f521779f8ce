using Growth.Domain.Organisations;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;

namespace Growth.Grains.Training;

/// <summary>
/// "How would this trainee do on our funnel?": runs the two simulations <see cref="TrainingFunnel"/> sets up (the team
/// as it is and with the trainee) over the same simulated span and compares them. The caller advances the runs chunk by chunk.
/// </summary>
public sealed class TrainingFunnelGrain : Grain, ITrainingFunnelGrain
{
    /// <summary>Simulated days per advance: a few seconds of work, far from the call timeout.</summary>
    const int ChunkDays = 10;

    TrainingFunnelRequest? request;
    Organisation? baseOrg;
    string baseName = "", traineeName = "";
    TrainingFunnelStatus? status;

    public async Task<TrainingFunnelStatus> StartAsync(TrainingFunnelRequest r)
    {
        if (TrainingFunnel.Problem(r.Skills, r.Days) is { } problem) throw new DomainException(problem);
        if (!TrainingKeys.IsValidName(r.Trainee)) throw new DomainException($"'{r.Trainee}' is not a trainee name");

        request = r with { Skills = TrainingFunnel.Rounded(r.Skills) };
        baseOrg = TrainingFunnel.Team(r.Seed);
        (baseName, traineeName) = TrainingFunnel.RunNames(r.Seed, r.Days, request.Skills, r.Trainee);
        var settings = new SimulationSettings { Seed = r.Seed, Start = TrainingFunnel.Start, ExistingCustomers = 0 };
        var created = await Task.WhenAll(
            Simulation(baseName).CreateAsync(settings with { Organisation = baseOrg }),
            Simulation(traineeName).CreateAsync(settings with { Organisation = TrainingFunnel.WithTrainee(baseOrg, r.Trainee, request.Skills) }));
        status = new TrainingFunnelStatus(request, created.Min(DaysRun), null);
        return await FinishIfDoneAsync();
    }

    public async Task<TrainingFunnelStatus> AdvanceAsync()
    {
        if (status is null || request is null) throw new DomainException("no funnel projection has been started", DomainErrorKind.NotFound);
        if (status.Done) return status;
        var chunk = Math.Min(ChunkDays, request.Days - status.DaysRun);
        // Both runs advance to the same simulated day; one that is already there (a repeated request) is left alone.
        var statuses = await Task.WhenAll(new[] { baseName, traineeName }.Select(async name =>
        {
            var sim = Simulation(name);
            var s = await sim.GetStatusAsync();
            var behind = status.DaysRun + chunk - DaysRun(s);
            return behind > 0 ? await sim.RunForAsync(TimeSpan.FromDays(behind)) : s;
        }));
        status = status with { DaysRun = statuses.Min(DaysRun) };
        return await FinishIfDoneAsync();
    }

    public Task<TrainingFunnelStatus?> GetAsync() => Task.FromResult(status);

    async Task<TrainingFunnelStatus> FinishIfDoneAsync()
    {
        if (status!.DaysRun < request!.Days) return status;
        var snapshots = await Task.WhenAll(new[] { baseName, traineeName }.Select(async name =>
            await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(name).RefreshAsync()
            ?? throw new DomainException($"workspace {name} has no figures", DomainErrorKind.NotFound)));
        status = status with
        {
            Effect = TrainingFunnel.Effect(baseOrg!, request.Trainee, request.Skills, request.Days, request.Seed, snapshots[0], snapshots[1]),
        };
        return status;
    }

    static int DaysRun(SimulationStatus s) =>
        s.SimulatedNow is { } now && s.Start is { } start ? (int)Math.Floor((now - start).TotalDays + 1e-9) : 0;

    ISimulationGrain Simulation(string name) => GrainFactory.GetGrain<ISimulationGrain>(name);
}
