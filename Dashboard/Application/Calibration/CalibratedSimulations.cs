using Growth.Domain.Calibration;
using Growth.Domain.Journeys;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Calibration;

/// <summary>Optional settings of the calibrated simulation; the history decides the rest.</summary>
/// <param name="Seed">Random seed (42 if omitted).</param>
/// <param name="Speed">Simulated days per real second (2 if omitted).</param>
/// <param name="Start">Simulated start; the first day of the history if omitted, so the run covers the same span.</param>
/// <param name="ExistingCustomers">Customers the simulation starts with (none if omitted: the history's deals are all new business).</param>
public sealed record CalibratedRequest(ulong? Seed = null, double? Speed = null, DateTimeOffset? Start = null, int? ExistingCustomers = null);

/// <summary>The calibrated simulation and what was fitted.</summary>
public sealed record CalibratedSimulation(SimulationStatus Simulation, string From, CalibrationResult Calibration);

/// <summary>
/// Fits the behaviour model on the history of one workspace (an import, or any workspace with closed deals) and
/// creates and starts a new simulation workspace with the history's organisation, a fitted lead flow per region and
/// the fitted parameters. Who may read the history is checked by the caller.
/// </summary>
public sealed class CalibratedSimulations(IGrainFactory grains)
{
    /// <summary>Creates and starts simulation <paramref name="workspace"/> calibrated on the history of <paramref name="from"/>.</summary>
    public async Task<Outcome<CalibratedSimulation>> CreateAsync(string workspace, string from, CalibratedRequest? request)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(from).GetOrganisationAsync() is not { } organisation)
            return Refusal.UnknownWorkspace(from);
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is not null)
            return new Refusal(RefusalKind.Conflict, "The workspace exists",
                $"workspace {workspace} already exists; a calibrated simulation is created in a new workspace");

        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(from, i)).StatesAsync()))).SelectMany(s => s).ToList();
        // A live workspace's organisation is only what its events named: the groups its figures show.
        if (!organisation.Reps.Any() && await grains.GetGrain<IWorkspaceStatisticsGrain>(from).GetSnapshotAsync() is { } snapshot)
            organisation = HistoryOrganisation.Of(snapshot);
        if (!states.Any(s => s.Won || s.Status == JourneyStatus.Lost))
            return new Refusal(RefusalKind.Invalid, "Nothing to calibrate on", $"workspace {from} has no won or lost deal");

        var fit = HistoryCalibration.Fit(states, organisation);
        var settings = new SimulationSettings
        {
            Seed = request?.Seed ?? 42,
            Speed = request?.Speed ?? 2,
            Start = request?.Start ?? new DateTimeOffset(fit.From.UtcDateTime.Date, TimeSpan.Zero),
            ExistingCustomers = request?.ExistingCustomers ?? 0,
            Organisation = fit.Organisation,
            Parameters = fit.Parameters,
        };
        var status = await grains.GetGrain<ISimulationGrain>(workspace).StartAsync(settings);
        return new CalibratedSimulation(status, from, fit);
    }
}
