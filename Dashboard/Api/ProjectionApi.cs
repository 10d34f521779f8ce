using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Domain.Simulation;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Projection;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

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

/// <summary>
/// Builds projections from a workspace's current state and runs their independent runs on projection workers.
/// Shared by the HTTP API and the What-if page so both give the same answer. Reads only: nothing in a workspace changes.
/// </summary>
public static class ProjectionRunner
{
    /// <summary>The plan for a body against a workspace, or a <see cref="DomainException"/> saying what is wrong.</summary>
    public static async Task<(DateTimeOffset AsOf, int ExistingCustomers, ComparisonPlan Plan)> PlanAsync(IGrainFactory grains, string workspace, ProjectionBody body)
    {
        var space = grains.GetGrain<IWorkspaceGrain>(workspace);
        var unknown = new DomainException($"no workspace named {workspace}", DomainErrorKind.NotFound);
        if ((await space.GetAsync() ?? throw unknown).Kind != WorkspaceKind.Simulation)
            throw new DomainException($"workspace {workspace} has no organisation to project (start or calibrate a simulation for it)");
        var organisation = await space.GetOrganisationAsync() ?? throw unknown;
        var snapshot = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync() ?? throw unknown;
        // A calibrated simulation is projected on its own fitted parameters, not the defaults.
        var parameters = await grains.GetGrain<ISimulationGrain>(workspace).GetParametersAsync() ?? BehaviourParameters.Default;
        var existing = (int)Math.Max(0, snapshot.Revenue.Customers - snapshot.Lifecycle.Churned);
        var scenarios = new List<Scenario>();
        if (body.Levers is { } levers) scenarios.Add(new Scenario("scenario", levers));
        scenarios.AddRange(body.Scenarios ?? []);
        if (body.Saved is { Count: > 0 } names)
        {
            var saved = await grains.GetGrain<IScenarioGrain>(workspace).ListAsync();
            foreach (var name in names)
                scenarios.Add(saved.FirstOrDefault(s => s.Name == name)
                    ?? throw new DomainException($"workspace {workspace} has no saved scenario {name}", DomainErrorKind.NotFound));
        }
        var request = new ProjectionRequest
        {
            Organisation = organisation,
            Parameters = parameters,
            ExistingCustomers = existing,
            OpenOpportunities = (int)snapshot.Deals.Open,
            OpenQualified = (int)(snapshot.Funnel[(int)FunnelStage.QualifiedIntent].Current + snapshot.Funnel[(int)FunnelStage.FollowUp].Current),
            Start = snapshot.AsOf,
            Weeks = body.Weeks ?? 26,
            Paths = body.Paths ?? 2000,
            Seed = body.Seed ?? 1,
            Targets = body.Targets ?? new ProjectionTargets(),
        };
        try
        {
            var plan = ScenarioComparison.Plan(request, scenarios, body.Sensitivity);
            return (snapshot.AsOf, existing, plan);
        }
        catch (ArgumentException e)
        {
            throw new DomainException(e.Message);
        }
    }

    /// <summary>Runs a plan's runs side by side on projection workers, reporting the share done as each finishes.</summary>
    public static async Task<ProjectionComparison> RunAsync(IGrainFactory grains, ComparisonPlan plan, IProgress<double>? progress = null)
    {
        var done = 0;
        var runs = plan.Runs.Select(async (run, i) =>
        {
            var result = run.Paths >= SpreadPaths
                ? await SpreadAsync(grains, run)
                : await grains.GetGrain<IProjectionWorkerGrain>(0).RunAsync(run);
            progress?.Report((double)Interlocked.Increment(ref done) / plan.Runs.Count);
            return result;
        });
        return ScenarioComparison.Assemble(plan, await Task.WhenAll(runs));
    }

    /// <summary>Runs with at least this many paths are spread over the cluster's silos.</summary>
    public const int SpreadPaths = 5000;
    /// <summary>Slots a large run is split over (each measures the funnel itself, so more slots cost more calibration).</summary>
    const int SpreadSlots = 4;

    /// <summary>
    /// Splits one run's chunks over randomly placed chunk grains (so over the silos), then joins the parts. Chunks own
    /// their seeds, so the result equals the same run on one machine.
    /// </summary>
    public static async Task<ProjectionResult> SpreadAsync(IGrainFactory grains, ProjectionRequest run)
    {
        var chunks = (run.Paths + ProjectionEngine.ChunkPaths - 1) / ProjectionEngine.ChunkPaths;
        var slots = Math.Min(SpreadSlots, chunks);
        var parts = await Task.WhenAll(Enumerable.Range(0, slots).Select(i =>
            grains.GetGrain<IProjectionChunkGrain>(Random.Shared.Next()).RunAsync(run, chunks * i / slots, chunks * (i + 1) / slots)));
        return ProjectionEngine.Summarise(parts[0].Prepared, parts.Select(p => p.ToBlock()).ToList());
    }

    /// <summary>Plans and runs.</summary>
    public static async Task<ProjectionResponse> ProjectAsync(IGrainFactory grains, string workspace, ProjectionBody body, IProgress<double>? progress = null)
    {
        var (asOf, existing, plan) = await PlanAsync(grains, workspace, body);
        return new ProjectionResponse(workspace, asOf, existing, await RunAsync(grains, plan, progress));
    }
}

/// <summary>The HTTP API for what-if planning: projections and saved scenarios.</summary>
public static class ProjectionApi
{
    public static void MapProjectionApi(this IEndpointRouteBuilder app)
    {
        // Reading projections and scenarios: Leadership and Admin; saving and deleting scenarios: the same, signed in.
        var ws = app.MapGroup("").RequireAuthorization(AreaPolicies.Name(Area.WhatIf));

        // ?format=csv returns the comparison as CSV instead of JSON.
        ws.MapPost("/projections", async Task<IResult> (string workspace, ProjectionBody? body, string? format, IGrainFactory grains) =>
        {
            var response = await ProjectionRunner.ProjectAsync(grains, workspace, body ?? new ProjectionBody());
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.Text(ScenarioComparison.ToCsv(response.Comparison), "text/csv")
                : TypedResults.Ok(response);
        });

        var scenarios = ws.MapGroup("/scenarios");
        scenarios.MapGet("", (string workspace, IGrainFactory grains) => grains.GetGrain<IScenarioGrain>(workspace).ListAsync());
        scenarios.MapPut("/{name}", async Task<Results<Ok<IReadOnlyList<Scenario>>, ProblemHttpResult>> (string workspace, string name, ProjectionLevers levers, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IScenarioGrain>(workspace).SaveAsync(new Scenario(name, levers))))
            .RequireAuthorization(AreaPolicies.Name(Area.Scenarios));
        scenarios.MapDelete("/{name}", (string workspace, string name, IGrainFactory grains) => grains.GetGrain<IScenarioGrain>(workspace).DeleteAsync(name))
            .RequireAuthorization(AreaPolicies.Name(Area.Scenarios));
    }
}
