using Growth.Domain.Compensation;
using Growth.Domain.Progress;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Growth.Grains.Projection;
using Growth.Grains.Setup;

namespace Growth.Dashboard.Application.Projection;

/// <summary>A plan comparison as asked over HTTP or from the What-if page.</summary>
/// <param name="Weeks">Horizon, 1..104 (default 52).</param>
/// <param name="Paths">Monte Carlo paths, 100..20000 (default 2000).</param>
/// <param name="Seed">Seed of every draw (default 1).</param>
/// <param name="Plans">1..4 plans in the setup's plan shape, each compared with the current plans; a plan naming nobody in
/// <c>appliesTo</c> pays every rep, else only the reps, teams, regions or roles it names (the others keep their current plan).</param>
public sealed record PlanComparisonBody(int? Weeks = null, int? Paths = null, ulong? Seed = null, IReadOnlyList<CompensationPlanSetup>? Plans = null);

/// <summary>The answer: the workspace's time the comparison starts from, and the options side by side (the current plans first).</summary>
public sealed record PlanComparisonResponse(string Workspace, DateTimeOffset AsOf, PlanComparisonResult Comparison);

/// <summary>Who a compared plan may apply to: the workspace's roles, and its teams, regions and reps as (id, name).</summary>
public sealed record PlanScopeChoices(IReadOnlyList<string> Roles, IReadOnlyList<(string Id, string Name)> Teams,
    IReadOnlyList<(string Id, string Name)> Regions, IReadOnlyList<(string Id, string Name)> Reps);

/// <summary>
/// Compares pay plans for the HTTP API and the What-if page: the current plans are the setup's (each rep's plan in force
/// when the projection starts, today's flat 8 % where the setup has none); spiff products are the setup catalogue's (or the
/// calibrated price book's) with their share of deals. Only reads the workspace.
/// </summary>
/// <param name="funnels">Measured funnels kept between comparisons (none: measured every time; same answers either way).</param>
public sealed class PlanComparisonService(IGrainFactory grains, ProjectionService projections, ProjectionCores? cores = null, FunnelStore? funnels = null)
{
    /// <summary>Compares; progress counts the paths of the baseline and of each option, <paramref name="cancellationToken"/> stops the loops.</summary>
    public async Task<PlanComparisonResponse> CompareAsync(string workspace, PlanComparisonBody body, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var request = await projections.RequestAsync(workspace, new ProjectionBody(body.Weeks ?? 52, body.Paths, body.Seed));
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        var shares = ProductShares(setup, request);
        if (PlanComparison.Validate(body.Plans, shares.Keys.ToHashSet(StringComparer.Ordinal)) is { } invalid) throw new DomainException(invalid);
        if (ScopeProblem(body.Plans!, Choices(request.Organisation)) is { } unknown) throw new DomainException(unknown);
        if (request.Validate() is { } bad) throw new DomainException(bad);
        var calendar = new FiscalCalendar(setup.Company);
        var day = calendar.LocalDate(request.Start);
        var teams = request.Organisation.Teams.ToDictionary(t => t.Id);
        var current = request.Organisation.Reps.ToDictionary(r => r.Id,
            r => PlanBook.For(setup.Compensation, r.Id, r.TeamId, teams.GetValueOrDefault(r.TeamId)?.RegionId, r.Role, day));
        var options = new List<PlanOption> { new("current", current) };
        foreach (var plan in body.Plans!)
        {
            var named = plan with { Id = string.IsNullOrWhiteSpace(plan.Id) ? plan.Name : plan.Id };
            options.Add(new PlanOption(plan.Name, request.Organisation.Reps.ToDictionary(r => r.Id,
                r => Applies(named.AppliesTo, r.Id, r.TeamId, teams.GetValueOrDefault(r.TeamId)?.RegionId, r.Role) ? named : current[r.Id])));
        }
        var parallel = cores?.OptionsFor(cancellationToken) ?? new ParallelOptions { CancellationToken = cancellationToken };
        // The baseline runs at most PlanComparison.BaselinePaths paths (its means only), each option every path.
        var counter = new ProgressCounter(ProgressUnit.Paths, Math.Min(request.Paths, PlanComparison.BaselinePaths) + (long)request.Paths * options.Count, progress);
        counter.Begin();
        // CPU work off the request thread; the comparison is pure and seeded.
        var result = await Task.Run(() => PlanComparison.Compare(request, options, shares, parallel: parallel, chunkDone: n => counter.Add(n), store: funnels), cancellationToken);
        // A kept funnel runs no baseline paths: the count jumps to the end.
        counter.Add(Math.Max(0, counter.Total - counter.Done));
        return new PlanComparisonResponse(workspace, request.Start, result);
    }

    /// <summary>
    /// Measures the funnel a comparison over <paramref name="weeks"/> weeks needs, ahead of the ask (the What-if page calls it
    /// when it opens), so the first comparison, goal seek or allocation runs only its paths. Kept in the <see cref="FunnelStore"/>
    /// under what the funnel depends on (setup, roster, behaviour model, horizon, seed), so it stays valid as the workspace's
    /// time moves on and is measured anew when any of those change. Does nothing without a store or for a workspace that
    /// cannot be projected (the ask says why).
    /// </summary>
    public async Task WarmAsync(string workspace, int weeks = 52, ulong seed = 1, CancellationToken cancellationToken = default)
    {
        if (funnels is null) return;
        ProjectionRequest request;
        try
        {
            request = await projections.RequestAsync(workspace, new ProjectionBody(weeks, null, seed));
        }
        catch (DomainException)
        {
            return;
        }
        if (request.Validate() is not null || funnels.HoldsFunnel(request)) return;
        var parallel = cores?.OptionsFor(cancellationToken) ?? new ParallelOptions { CancellationToken = cancellationToken };
        // CPU work off the request thread (the dashboard, not a grain).
        await Task.Run(() => funnels.Warm(request, parallel), cancellationToken);
    }

    /// <summary>The product ids a spiff may name in the workspace.</summary>
    public async Task<IReadOnlyList<string>> ProductsAsync(string workspace)
    {
        var request = await projections.RequestAsync(workspace, new ProjectionBody());
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        return ProductShares(setup, request).Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Who a compared plan may apply to in the workspace (for the What-if page's editor).</summary>
    public async Task<PlanScopeChoices> ScopeAsync(string workspace) =>
        Choices((await projections.RequestAsync(workspace, new ProjectionBody())).Organisation);

    static PlanScopeChoices Choices(Growth.Domain.Organisations.Organisation org) => new(
        org.Reps.Select(r => r.Role).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        org.Teams.Select(t => (t.Id, t.Name)).ToList(), org.Regions.Select(r => (r.Id, r.Name)).ToList(), org.Reps.Select(r => (r.Id, r.Name)).ToList());

    /// <summary>A compared plan's <c>appliesTo</c> naming a role, team, region or rep the workspace does not have, with its path; or null.</summary>
    public static string? ScopeProblem(IReadOnlyList<CompensationPlanSetup> plans, PlanScopeChoices known)
    {
        for (var i = 0; i < plans.Count; i++)
        {
            if (plans[i].AppliesTo is not { } scope) continue;
            (string Field, string Kind, IReadOnlyList<string>? Ids, IReadOnlyList<string> Known)[] parts =
            [
                ("roles", "role", scope.Roles, known.Roles), ("teams", "team", scope.Teams, known.Teams.Select(t => t.Id).ToList()),
                ("regions", "region", scope.Regions, known.Regions.Select(r => r.Id).ToList()), ("reps", "rep", scope.Reps, known.Reps.Select(r => r.Id).ToList()),
            ];
            foreach (var (field, kind, ids, all) in parts)
                for (var j = 0; j < (ids?.Count ?? 0); j++)
                    if (!all.Contains(ids![j], StringComparer.Ordinal))
                        return $"plans[{i}].appliesTo.{field}[{j}]: unknown {kind} '{ids[j]}' (known: {(all.Count == 0 ? "none" : string.Join(", ", all.Take(20)))})";
        }
        return null;
    }

    static bool Applies(PlanScopeSetup? scope, string rep, string team, string? region, string? role) =>
        scope is null || scope.IsDefault() || scope.Reps.Contains(rep) || scope.Teams.Contains(team) || region is not null && scope.Regions.Contains(region)
        || role is not null && scope.Roles.Contains(role);

    /// <summary>Each product's share of won deals: the setup catalogue's mix, else the calibrated price book's.</summary>
    public static Dictionary<string, double> ProductShares(SetupDocument setup, ProjectionRequest request)
    {
        var products = setup.Catalogue.Products.Count > 0
            ? setup.Catalogue.Products.Select(p => (p.Id, p.Mix)).ToList()
            : request.Parameters.Prices?.Products.Select(p => (p.Id, p.Mix)).ToList() ?? [];
        var total = products.Sum(p => p.Mix);
        return products.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => total <= 0 ? 0 : g.Sum(p => p.Mix) / total, StringComparer.Ordinal);
    }
}
