using Growth.Domain.Projection;

namespace Growth.Dashboard.Application.Projection;

/// <summary>A projection as asked over HTTP or from the What-if page.</summary>
/// <param name="Weeks">Horizon, 1..104 (default 26).</param>
/// <param name="Paths">Monte Carlo paths, 100..20000 (default 2000).</param>
/// <param name="Seed">Seed of every draw (default 1).</param>
/// <param name="Targets">Company, region and team targets over the horizon (default: the reps' quarterly targets pro-rated).</param>
/// <param name="Levers">One scenario's levers, compared as "scenario" (optional).</param>
/// <param name="Scenarios">Named scenarios to compare (with <paramref name="Levers"/> and <paramref name="Saved"/>, at most 4).</param>
/// <param name="Saved">Names of the workspace's saved scenarios to compare.</param>
/// <param name="Sensitivity">Also rank the levers by how much they move the odds of reaching the target (tornado).</param>
public sealed record ProjectionBody(
    int? Weeks = null, int? Paths = null, ulong? Seed = null, ProjectionTargets? Targets = null, ProjectionLevers? Levers = null,
    IReadOnlyList<Scenario>? Scenarios = null, IReadOnlyList<string>? Saved = null, bool Sensitivity = false);

/// <summary>The answer: what the projection started from, and the comparison.</summary>
/// <param name="Workspace">The workspace projected (it was only read).</param>
/// <param name="AsOf">The workspace's time the projection starts from.</param>
/// <param name="ExistingCustomers">Customers the workspace has now (the formula's existing customers).</param>
/// <param name="Comparison">The baseline, each scenario against it, and the sensitivity ranking.</param>
public sealed record ProjectionResponse(string Workspace, DateTimeOffset AsOf, int ExistingCustomers, ProjectionComparison Comparison);
