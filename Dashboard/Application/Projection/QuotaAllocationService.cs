using Growth.Dashboard.Application.Quotas;
using Growth.Domain.Compensation;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Growth.Grains.Projection;
using Growth.Grains.Setup;

namespace Growth.Dashboard.Application.Projection;

/// <summary>The quota allocation what-if: each basis's quotas for the current quarter and the spread of attainment they leave.</summary>
/// <param name="Period">The fiscal quarter the quotas are for (the one the workspace is in).</param>
/// <param name="HistoryPeriod">The quarter the history split looks back at; null when the workspace's history does not cover one (then no history row).</param>
public sealed record QuotaAllocationResponse(string Workspace, string Period, string? HistoryPeriod, int Weeks, int Paths, ulong Seed,
    IReadOnlyList<AllocationOutcome> Allocations);

/// <summary>
/// Quota allocation for the API and the What-if page (<see cref="QuotaAllocation"/>): the company total (the setup's
/// quotas summed) split top-down by capacity, territory potential and history, against each rep's own capacity figure
/// (bottom-up) and the setup's quotas as they are; each runs one quarter of per-rep paths under the current plans on
/// the same funnel and seed. Only reads the workspace.
/// </summary>
public sealed class QuotaAllocationService(IGrainFactory grains, ProjectionService projections, TargetsService targets, ProjectionCores? cores = null,
    FunnelStore? funnels = null)
{
    public async Task<Outcome<QuotaAllocationResponse>> CompareAsync(string workspace, int? paths = null, ulong? seed = null, CancellationToken cancellationToken = default)
    {
        if (paths is < 100 or > 20_000) return new Refusal(RefusalKind.Invalid, "Invalid paths", $"paths must be between 100 and 20000 (was {paths})");
        var suggested = await targets.SuggestAsync(workspace, null);
        if (suggested.Refusal is { } refused) return refused;
        var quarter = suggested.Value!;
        ProjectionRequest request;
        try { request = await projections.RequestAsync(workspace, new ProjectionBody(13, paths ?? 1000, seed ?? 1)); }
        catch (DomainException e)
        {
            return e.Kind == DomainErrorKind.NotFound ? Refusal.UnknownWorkspace(workspace) : new Refusal(RefusalKind.Invalid, "Nothing to project", e.Message);
        }
        if (request.Validate() is { } bad) return new Refusal(RefusalKind.Invalid, "Invalid allocation", bad);
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        var org = request.Organisation;
        var teams = org.Teams.ToDictionary(t => t.Id);
        var day = new FiscalCalendar(setup.Company).LocalDate(request.Start);
        var plans = new PlanOption("current", org.Reps.ToDictionary(r => r.Id,
            r => PlanBook.For(setup.Compensation, r.Id, r.TeamId, teams.GetValueOrDefault(r.TeamId)?.RegionId, r.Role, day)));
        var shares = PlanComparisonService.ProductShares(setup, request);

        var reps = org.Reps.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var capacity = quarter.Reps.Where(r => reps.Contains(r.Id)).ToDictionary(r => r.Id, r => r.FromCapacity, StringComparer.Ordinal);
        var total = org.Reps.Sum(r => r.Target);
        var allocations = new Dictionary<AllocationBasis, IReadOnlyDictionary<string, decimal>>
        {
            [AllocationBasis.Setup] = org.Reps.ToDictionary(r => r.Id, r => r.Target),
            [AllocationBasis.BottomUp] = capacity,
            [AllocationBasis.Capacity] = QuotaAllocation.TopDown(total, capacity.ToDictionary(c => c.Key, c => (double)c.Value)),
            [AllocationBasis.Potential] = QuotaAllocation.TopDown(total, QuotaAllocation.Potential(org)),
        };
        if (quarter.HistoryPeriod is not null && quarter.Reps.Any(r => r.LastPeriod > 0))
            allocations[AllocationBasis.History] = QuotaAllocation.TopDown(total,
                quarter.Reps.Where(r => reps.Contains(r.Id)).ToDictionary(r => r.Id, r => (double)(r.LastPeriod ?? 0)));
        var parallel = cores?.OptionsFor(cancellationToken) ?? new ParallelOptions { CancellationToken = cancellationToken };
        // CPU work off the request thread; pure and seeded.
        var outcomes = await Task.Run(() =>
        {
            var (shared, repurchase) = PlanComparison.Share((funnels ?? new FunnelStore(1)).Get(request, parallel), request.Parameters.PlanResponse);
            return QuotaAllocation.Compare(shared, repurchase, plans, allocations, shares, parallel);
        }, cancellationToken);
        return new QuotaAllocationResponse(workspace, quarter.Period.Name, quarter.HistoryPeriod, request.Weeks, request.Paths, request.Seed, outcomes);
    }
}
