using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Orders;

namespace Growth.Grains.Journeys;

/// <summary>
/// The shard's order book (<see cref="OrderBook"/>): every order its journeys booked, replaced whole each time a journey
/// books one, so the revenue line's drill-down is answered from memory without waking a journey. In memory only, like
/// the record rows: a shard reactivated with journeys rebuilds it once, at the first order list asked of it (asking its
/// customers, the only journeys that can have orders).
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
        return orderBook.Between(after, until, scope, rows.Get);
    }

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
