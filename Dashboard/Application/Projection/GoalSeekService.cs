using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Projection;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Projection;

/// <summary>
/// Goal seek for the API and the What-if page (<see cref="GoalSeek"/>): the highest target for the fiscal quarter the
/// workspace is in that is reached with a chosen chance, and the campaign budget change that reaches a given target
/// with it. Starts from the workspace as it stands (as a projection does) and counts what the quarter has booked.
/// </summary>
/// <param name="cores">The embedded silo's shared cores (absent when this host is a cluster client: then the thread pool).</param>
public sealed class GoalSeekService(IGrainFactory grains, ProjectionCores? cores = null)
{
    /// <summary>Paths per projection unless asked: goal seek runs a dozen projections for a budget answer.</summary>
    public const int DefaultPaths = 1000;

    /// <summary>
    /// Goal seek for <paramref name="period"/> (null: the fiscal quarter the workspace is in; a name must be that
    /// quarter's) with <paramref name="probability"/> (strictly between 0 and 1), and, with a <paramref name="target"/>,
    /// the budget answer.
    /// </summary>
    public async Task<Outcome<GoalSeekResult>> SeekAsync(string workspace, double probability, decimal? target = null, string? period = null,
        int? paths = null, ulong? seed = null)
    {
        var space = await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync();
        if (space is null) return Refusal.UnknownWorkspace(workspace);
        if (space.Kind != WorkspaceKind.Simulation)
            return new Refusal(RefusalKind.Invalid, "Nothing to project", $"workspace {workspace} has no organisation to project (start or calibrate a simulation for it)");
        var organisation = await grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync();
        var snapshot = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync();
        if (organisation is null || snapshot is null) return Refusal.UnknownWorkspace(workspace);
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        var calendar = new FiscalCalendar(setup.Company);
        var quarter = calendar.QuarterOf(snapshot.AsOf);
        if (!string.IsNullOrWhiteSpace(period) && period.Trim() != quarter.Name)
            return new Refusal(RefusalKind.Invalid, "Unknown period", calendar.Find(period.Trim()) is null
                ? $"period: unknown fiscal period '{period}' (goal seek covers the quarter the workspace is in: {quarter.Name})"
                : $"period: goal seek covers the quarter the workspace is in ({quarter.Name}), not {period}");
        if (paths is < 100 or > 20_000) return new Refusal(RefusalKind.Invalid, "Invalid paths", $"paths must be between 100 and 20000 (was {paths})");

        var parameters = await grains.GetGrain<ISimulationGrain>(workspace).GetParametersAsync() ?? BehaviourParameters.Default;
        var request = new GoalSeekRequest
        {
            Base = new ProjectionRequest
            {
                Organisation = organisation,
                Parameters = parameters,
                ExistingCustomers = (int)Math.Max(0, snapshot.Revenue.Customers - snapshot.Lifecycle.Churned),
                OpenOpportunities = (int)snapshot.Deals.Open,
                OpenQualified = (int)(snapshot.Funnel[(int)FunnelStage.QualifiedIntent].Current + snapshot.Funnel[(int)FunnelStage.FollowUp].Current),
                Start = snapshot.AsOf,
                Paths = paths ?? DefaultPaths,
                Seed = seed ?? 1,
            },
            Period = quarter.Name,
            End = quarter.End,
            Booked = Math.Max(0, snapshot.Period?.Revenue ?? 0),
            Probability = probability,
            Target = target,
        };
        if (request.Validate() is { } error) return new Refusal(RefusalKind.Invalid, "Invalid goal seek", error);
        try
        {
            var options = cores?.Options ?? new ParallelOptions();
            return await Task.Run(() => GoalSeek.Run(request, options));
        }
        catch (ArgumentException e) { return new Refusal(RefusalKind.Invalid, "Invalid goal seek", e.Message); }
    }
}
