using System.Diagnostics;
using Growth.Domain.Access;
using Growth.Domain.Pool;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Pool;

/// <summary>The lead pool as served: the pool itself, as of when, against which deadline, the teams' names and what it cost.</summary>
/// <param name="AsOf">The simulated now (or the host's clock when nothing is simulated) the deadline is measured at.</param>
/// <param name="DeadlineHours">The first-contact deadline the setup's rules give.</param>
/// <param name="ElapsedMs">Milliseconds from asking the shards to the merged pool.</param>
public sealed record LeadPoolAnswer(string Workspace, DateTimeOffset AsOf, double DeadlineHours, PoolSlice Pool,
    IReadOnlyDictionary<string, string> Teams, double ElapsedMs)
{
    /// <summary>Campaign names by id (the by-tag table names a campaign tag's campaign).</summary>
    public IReadOnlyDictionary<string, string> Campaigns { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The lead pool view: asks every shard for its cut of the rows it keeps (<see cref="IJourneyShardGrain.PoolAsync"/>,
/// one call per shard, in parallel, no journey called) and merges them (<see cref="LeadPoolView"/>). Cut to the
/// viewer's part: a rep sees their own leads, a manager their team or region.
/// </summary>
public sealed class LeadPoolService(IGrainFactory grains, IServiceProvider services)
{
    /// <summary>Leads each list of the view holds at most (the oldest first); the counts are whole.</summary>
    public const int ListLimit = 50;

    readonly TimeProvider clock = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    /// <summary>The pool, each list holding its oldest <paramref name="limit"/> leads (the CSV asks for every one).</summary>
    public async Task<Outcome<LeadPoolAnswer>> PoolAsync(string workspace, FigureScope scope, int limit = ListLimit)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var simulation = grains.GetGrain<ISimulationGrain>(workspace);
        var now = (await simulation.GetStatusAsync()).SimulatedNow ?? clock.GetUtcNow();
        var setup = await grains.GetGrain<ISetupGrain>(workspace).GetAsync();
        var deadline = (await simulation.GetParametersAsync())?.Rules.FirstContactDeadlineHours
            ?? setup?.Document.Rules.FirstContactDeadlineHours ?? 24;
        var watch = Stopwatch.StartNew();
        var slices = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).PoolAsync(scope, now, deadline, limit)));
        var pool = LeadPoolView.Merge(slices, limit);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var team in setup?.Document.Organisation.Regions.SelectMany(r => r.Teams) ?? [])
            names.TryAdd(team.Id, string.IsNullOrWhiteSpace(team.Name) ? team.Id : team.Name);
        var campaigns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in (await grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync())?.Campaigns ?? [])
            campaigns.TryAdd(c.Id, string.IsNullOrWhiteSpace(c.Name) ? c.Id : c.Name);
        foreach (var c in setup?.Document.Channels.Campaigns ?? [])
            campaigns.TryAdd(c.Id, string.IsNullOrWhiteSpace(c.Name) ? c.Id : c.Name);
        return new LeadPoolAnswer(workspace, now, deadline, pool, names, elapsed) { Campaigns = campaigns };
    }
}
