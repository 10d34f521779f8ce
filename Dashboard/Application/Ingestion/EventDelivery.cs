using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Ingestion;

/// <summary>
/// Delivers journeys' events to their shards: the one path for the ingestion API and the CSV import. Each shard
/// gets one call with all of its journeys (shards in parallel); a journey's events keep their order.
/// </summary>
public sealed class EventDelivery(IGrainFactory grains)
{
    /// <summary>Offers every batch to its journey; one outcome list per batch, in the order of <paramref name="batches"/>.</summary>
    public async Task<IReadOnlyList<EventOutcome>[]> SendAsync(string workspace, IReadOnlyList<JourneyBatch> batches)
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
}
