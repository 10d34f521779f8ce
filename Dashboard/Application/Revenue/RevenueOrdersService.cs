using Growth.Domain.Access;
using Growth.Domain.Orders;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Revenue;

/// <summary>The orders behind a stretch of the revenue line, with the owners' names (rep id → name).</summary>
public sealed record RevenueOrderList(DateTimeOffset After, DateTimeOffset Until, IReadOnlyList<RevenueOrder> Orders, IReadOnlyDictionary<string, string> Owners)
{
    public decimal Total => Orders.Sum(o => o.Amount);
}

/// <summary>
/// The Overview revenue line's drill-down: asks every shard of the workspace for the orders its order book holds in
/// <c>(after, until]</c> (<see cref="IJourneyShardGrain.OrdersAsync"/>, in parallel, no journey called) and merges them in
/// time order. The line counts booked orders (<see cref="Domain.Figures.Money.Revenue"/>), so the orders listed between
/// two of its points sum exactly to its rise between them. Cut to the viewer's part.
/// </summary>
public sealed class RevenueOrdersService(IGrainFactory grains)
{
    public async Task<RevenueOrderList> ListAsync(string workspace, FigureScope scope, DateTimeOffset after, DateTimeOffset until)
    {
        var slices = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).OrdersAsync(after, until, scope)));
        var orders = RevenueOrder.Merge(slices);
        return new RevenueOrderList(after, until, orders, await OwnersAsync(workspace, orders));
    }

    async Task<IReadOnlyDictionary<string, string>> OwnersAsync(string workspace, IReadOnlyList<RevenueOrder> orders)
    {
        var wanted = orders.Select(o => o.RepId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Count == 0 || await grains.GetGrain<ISetupGrain>(workspace).GetAsync() is not { } setup) return names;
        foreach (var rep in setup.Document.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps))
            if (wanted.Contains(rep.Id)) names.TryAdd(rep.Id, rep.Name);
        return names;
    }
}
