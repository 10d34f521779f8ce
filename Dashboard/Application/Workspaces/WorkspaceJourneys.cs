using Growth.Domain.Journeys;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Workspaces;

/// <summary>
/// The journeys' final states of a whole workspace, read from its shards in parallel, for the readers that recompute
/// from journeys (coaching, calibration, payout statements, quotas from history), and how many the retention rule archived.
/// </summary>
public static class WorkspaceJourneys
{
    /// <summary>Journeys of the workspace archived by the retention rule (rules.archiveClosedAfterDays): in no list or state read.</summary>
    public static async Task<int> ArchivedCountAsync(IGrainFactory grains, string workspace) =>
        (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).ArchivedCountAsync()))).Sum();

    /// <summary>Every kept journey's state (journeys the retention rule archived are not among them).</summary>
    public static async Task<List<JourneyState>> StatesAsync(IGrainFactory grains, string workspace) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).StatesAsync()))).SelectMany(s => s)];

    /// <summary>
    /// Every kept journey's state and the won journeys the retention rule archived, as payout statements read them: a
    /// closed period's statements and wins do not change when its journeys are archived.
    /// </summary>
    public static async Task<List<JourneyState>> WithArchivedWinsAsync(IGrainFactory grains, string workspace) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(async i =>
        {
            var shard = grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i));
            return (await shard.StatesAsync()).Concat(await shard.ArchivedWonAsync());
        }))).SelectMany(s => s)];
}
