using Growth.Domain.Organisations;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Api;

/// <summary>
/// Delivers journeys' events to their shards: the one path for the ingestion API and the CSV import. Each shard
/// gets one call with all of its journeys (shards in parallel); a journey's events keep their order.
/// </summary>
public static class EventIngestion
{
    /// <summary>Workspace kind of one fed by the ingestion API.</summary>
    public const string LiveKind = "live";
    /// <summary>Workspace kind of one filled by a CSV import.</summary>
    public const string ImportKind = "import";

    /// <summary>Offers every batch to its journey; one outcome list per batch, in the order of <paramref name="batches"/>.</summary>
    public static async Task<IReadOnlyList<EventOutcome>[]> SendAsync(IGrainFactory grains, string workspace, IReadOnlyList<JourneyBatch> batches)
    {
        var results = new IReadOnlyList<EventOutcome>[batches.Count];
        var byShard = Enumerable.Range(0, batches.Count).GroupBy(i => Keys.ShardOf(batches[i].JourneyId));
        await Task.WhenAll(byShard.Select(async shard =>
        {
            var indexes = shard.ToList();
            var outcomes = await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, shard.Key))
                .IngestAsync(indexes.Select(i => batches[i]).ToList());
            for (var k = 0; k < indexes.Count; k++) results[indexes[k]] = outcomes[k];
        }));
        return results;
    }

    /// <summary>
    /// Makes sure the workspace exists for its figures and in the directory. A workspace nobody has created yet
    /// becomes one of <paramref name="kind"/> with an empty organisation (groups named in events still get rows);
    /// an existing one (a simulation, an import) keeps its kind and organisation.
    /// </summary>
    public static async Task EnsureWorkspaceAsync(IGrainFactory grains, string workspace, string kind)
    {
        var statistics = grains.GetGrain<IWorkspaceStatisticsGrain>(workspace);
        if (await statistics.GetSnapshotAsync() is not null) return;
        await statistics.SetOrganisationAsync(new Organisation());
        await grains.GetGrain<IWorkspaceDirectoryGrain>(0).RegisterAsync(workspace, kind);
    }

    /// <summary>The workspace's kind in the directory, or null if it is not listed.</summary>
    public static async Task<string?> KindOfAsync(IGrainFactory grains, string workspace) =>
        (await grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync()).FirstOrDefault(w => w.Name == workspace)?.Kind;
}
