using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Orders;

namespace Growth.Grains.Journeys;

/// <summary>
/// The shard's order book (<see cref="OrderBook"/>): every order its journeys booked, replaced whole each time a journey
/// books one, so the revenue line's drill-down is answered from memory without waking a journey. In memory only, like
/// the record rows: a shard reactivated with journeys rebuilds it once, at the first order list asked of it (asking its
/// customers, the only journeys that can have orders). Archived journeys' orders are kept in the shard's archive
/// (<see cref="ArchivedJourney"/>) and come back into the book when the shard activates.
/// </summary>
public sealed partial class JourneyShardGrain
{
    readonly OrderBook orderBook = new();
    // Journeys known to the shard whose orders died with an earlier activation.
    bool ordersIncomplete;

    public async Task<IReadOnlyList<RevenueOrder>> OrdersAsync(DateTimeOffset after, DateTimeOffset until, FigureScope scope)
    {
        await ReadyRowsAsync();
        if (ordersIncomplete) await RebuildOrdersAsync();
        return orderBook.Between(after, until, scope, RowOf);
    }

    /// <summary>The customer an order is listed under: its row, or for an archived journey what its archive keeps (name drawn as a row's).</summary>
    Domain.Records.CustomerRecord? RowOf(string journeyId) =>
        rows.Get(journeyId) ?? (archive.Journey(journeyId) is { } archived ? rows.Face(archived.Face(journeyId)) : null);

    async Task RebuildOrdersAsync()
    {
        var customers = rows.Unnamed().Where(r => r.Status is JourneyStatus.Customer or JourneyStatus.Churned && !orderBook.Contains(r.JourneyId))
            .Select(r => r.JourneyId).ToList();
        var found = await Task.WhenAll(customers.Select(id => Journey(id).OrdersAsync()));
        for (var i = 0; i < customers.Count; i++)
            if (!orderBook.Contains(customers[i])) orderBook.Keep(SharedId(customers[i]), found[i]);
        ordersIncomplete = false;
    }
}
