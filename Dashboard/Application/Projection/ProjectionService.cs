using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Progress;
using Growth.Domain.Projection;
using Growth.Domain.Simulation;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Projection;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Projection;

/// <summary>
/// What-if planning for the HTTP API and the What-if page, so both give the same answer: builds projections from a
/// workspace's current state, runs their independent runs on projection workers, and keeps the saved scenarios.
/// Projections only read: nothing in a workspace changes.
/// </summary>
/// <param name="cores">The embedded silo's shared cores, for joining spread runs here (absent when this host is a cluster client).</param>
/// <param name="gate">A test host's hold on chunks (<see cref="RunGate"/>); none in production.</param>
public sealed class ProjectionService(IGrainFactory grains, ProjectionCores? cores = null, RunGate? gate = null)
{
    /// <summary>Runs with at least this many paths are spread over the cluster's silos.</summary>
    public const int SpreadPaths = 5000;
    /// <summary>Slots a large run is split over (each measures the funnel itself, so more slots cost more calibration).</summary>
    const int SpreadSlots = 4;
    /// <summary>Chunk calls of one run in flight at once (enough to keep every core of a small cluster busy).</summary>
    const int ChunksInFlight = 8;

    /// <summary>What a projection starts from: the workspace's figures now, its organisation and its behaviour model.</summary>
    sealed record Start(WorkspaceSnapshot Snapshot, Organisation Organisation, BehaviourParameters Parameters);

    /// <summary>Plans and runs, reporting paths done of paths in all; <paramref name="cancellationToken"/> stops the work on the silos too.</summary>
    public async Task<ProjectionResponse> ProjectAsync(string workspace, ProjectionBody body, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var (asOf, existing, plan) = await PlanAsync(workspace, body);
        return new ProjectionResponse(workspace, asOf, existing, await RunAsync(plan, progress, cancellationToken));
    }

    /// <summary>The plan for a body against a workspace, or a <see cref="DomainException"/> saying what is wrong.</summary>
    public async Task<(DateTimeOffset AsOf, int ExistingCustomers, ComparisonPlan Plan)> PlanAsync(string workspace, ProjectionBody body)
    {
        var start = await StartAsync(workspace);
        var scenarios = new List<Scenario>();
        if (body.Levers is { } levers) scenarios.Add(new Scenario("scenario", levers));
        scenarios.AddRange(body.Scenarios ?? []);
        if (body.Saved is { Count: > 0 } names)
        {
            var saved = await ScenariosAsync(workspace);
            foreach (var name in names)
                scenarios.Add(saved.FirstOrDefault(s => s.Name == name)
                    ?? throw new DomainException($"workspace {workspace} has no saved scenario {name}", DomainErrorKind.NotFound));
        }
        var request = Request(start, body);
        try
        {
            return (start.Snapshot.AsOf, request.ExistingCustomers, ScenarioComparison.Plan(request, scenarios, body.Sensitivity));
        }
        catch (ArgumentException e)
        {
            throw new DomainException(e.Message);
        }
    }

    /// <summary>The projection request of a body from where the workspace stands now (for the plan comparison).</summary>
    public async Task<ProjectionRequest> RequestAsync(string workspace, ProjectionBody body) => Request(await StartAsync(workspace), body);

    /// <summary>
    /// The workspace's state a projection starts from. The one place that looks it up: a calibrated simulation is
    /// projected on its own fitted parameters, not the defaults.
    /// </summary>
    async Task<Start> StartAsync(string workspace)
    {
        var space = grains.GetGrain<IWorkspaceGrain>(workspace);
        var unknown = new DomainException($"no workspace named {workspace}", DomainErrorKind.NotFound);
        if ((await space.GetAsync() ?? throw unknown).Kind != WorkspaceKind.Simulation)
            throw new DomainException($"workspace {workspace} has no organisation to project (start or calibrate a simulation for it)");
        var organisation = await space.GetOrganisationAsync() ?? throw unknown;
        var snapshot = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync() ?? throw unknown;
        var parameters = await grains.GetGrain<ISimulationGrain>(workspace).GetParametersAsync() ?? BehaviourParameters.Default;
        return new Start(snapshot, organisation, parameters);
    }

    /// <summary>The projection of a body from where the workspace stands.</summary>
    static ProjectionRequest Request(Start start, ProjectionBody body)
    {
        var snapshot = start.Snapshot;
        return new ProjectionRequest
        {
            Organisation = start.Organisation,
            Parameters = start.Parameters,
            ExistingCustomers = (int)Math.Max(0, snapshot.Revenue.Customers - snapshot.Lifecycle.Churned),
            OpenOpportunities = (int)snapshot.Deals.Open,
            OpenQualified = (int)(snapshot.Funnel[(int)FunnelStage.QualifiedIntent].Current + snapshot.Funnel[(int)FunnelStage.FollowUp].Current),
            Start = snapshot.AsOf,
            Weeks = body.Weeks ?? 26,
            Paths = body.Paths ?? 2000,
            Seed = body.Seed ?? 1,
            Targets = body.Targets ?? new ProjectionTargets(),
        };
    }

    /// <summary>
    /// Runs a plan's runs side by side: each is prepared once on a projection worker, then its chunks of
    /// <see cref="ProjectionEngine.ChunkPaths"/> paths run as separate grain calls (over the silos for large runs), so
    /// progress counts the paths of every chunk finished. Cancelling stops the chunks in flight and sends no more.
    /// </summary>
    public async Task<ProjectionComparison> RunAsync(ComparisonPlan plan, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var counter = new ProgressCounter(ProgressUnit.Paths, plan.Runs.Sum(r => (long)r.Paths), progress);
        counter.Begin();
        var runs = await Task.WhenAll(plan.Runs.Select(run => RunChunkedAsync(run, counter, cancellationToken)));
        return ScenarioComparison.Assemble(plan, runs);
    }

    /// <summary>One run: prepared once, its chunks run apart (at most <see cref="ChunksInFlight"/> at once) and joined in path order.</summary>
    async Task<ProjectionResult> RunChunkedAsync(ProjectionRequest run, ProgressCounter counter, CancellationToken cancellationToken)
    {
        if (run.Validate() is { } error) throw new DomainException(error);
        var prepared = await grains.GetGrain<IProjectionWorkerGrain>(0).PrepareAsync(run, cancellationToken);
        var blocks = new PathBlock[prepared.Chunks];
        using var slots = new SemaphoreSlim(ChunksInFlight);
        var spread = run.Paths >= SpreadPaths;
        await Task.WhenAll(Enumerable.Range(0, prepared.Chunks).Select(async chunk =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                if (gate is not null) await gate.PassAsync(cancellationToken);
                var part = spread
                    ? await grains.GetGrain<IProjectionChunkGrain>(Random.Shared.Next()).RunPreparedAsync(prepared, chunk, chunk + 1, cancellationToken)
                    : await grains.GetGrain<IProjectionWorkerGrain>(0).RunChunksAsync(prepared, chunk, chunk + 1, cancellationToken);
                blocks[chunk] = part.ToBlock();
                counter.Add(part.Count);
            }
            finally { slots.Release(); }
        }));
        var options = cores?.OptionsFor(cancellationToken) ?? new ParallelOptions { CancellationToken = cancellationToken };
        return ProjectionSummary.Summarise(prepared, blocks, options);
    }

    /// <summary>
    /// Splits one run's chunks over randomly placed chunk grains (so over the silos), then joins the parts. Chunks own
    /// their seeds, so the result equals the same run on one machine.
    /// </summary>
    public async Task<ProjectionResult> SpreadAsync(ProjectionRequest run)
    {
        var chunks = (run.Paths + ProjectionEngine.ChunkPaths - 1) / ProjectionEngine.ChunkPaths;
        var slots = Math.Min(SpreadSlots, chunks);
        var parts = await Task.WhenAll(Enumerable.Range(0, slots).Select(i =>
            grains.GetGrain<IProjectionChunkGrain>(Random.Shared.Next()).RunAsync(run, chunks * i / slots, chunks * (i + 1) / slots)));
        return ProjectionSummary.Summarise(parts[0].Prepared, parts.Select(p => p.ToBlock()).ToList(), cores?.Options ?? new ParallelOptions());
    }

    /// <summary>The workspace's saved scenarios, by name.</summary>
    public Task<IReadOnlyList<Scenario>> ScenariosAsync(string workspace) => grains.GetGrain<IScenarioGrain>(workspace).ListAsync();

    /// <summary>Saves (or replaces) a scenario by name; returns the saved scenarios.</summary>
    public Task<IReadOnlyList<Scenario>> SaveScenarioAsync(string workspace, Scenario scenario) => grains.GetGrain<IScenarioGrain>(workspace).SaveAsync(scenario);

    /// <summary>Deletes a scenario by name; returns the saved scenarios.</summary>
    public Task<IReadOnlyList<Scenario>> DeleteScenarioAsync(string workspace, string name) => grains.GetGrain<IScenarioGrain>(workspace).DeleteAsync(name);
}
