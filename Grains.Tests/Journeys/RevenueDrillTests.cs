using Growth.Domain.Access;
using Growth.Domain.Orders;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// The Overview's revenue line drills down to its orders: on the seeded 60-day simulation <see cref="RecordDrillTests"/>
/// reads, the orders the shards' order books list between any two neighbouring points of the history sum exactly to the
/// line's rise between them (and are as many as the orders it counts), first orders, repurchases and existing
/// customers' orders alike; a rep's cut lists only the rep's customers.
/// </summary>
[Collection(ClusterCollection.Name)]
public class RevenueDrillTests(ClusterFixture fixture, ITestOutputHelper output)
{
    IGrainFactory Grains => fixture.Grains;

    async Task<IReadOnlyList<RevenueOrder>> OrdersAsync(string ws, DateTimeOffset after, DateTimeOffset until, FigureScope scope) =>
        RevenueOrder.Merge(await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).OrdersAsync(after, until, scope))));

    [Fact]
    public async Task Every_day_of_the_revenue_line_lists_orders_that_sum_to_its_rise()
    {
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);
        var stats = Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);
        await stats.RefreshAsync();
        var history = await stats.GetHistoryAsync();
        Assert.True(history.Count > 50, $"the 60-day run keeps a point a day (has {history.Count})");

        var kinds = new Dictionary<OrderKind, int>();
        var days = 0;
        for (var i = 1; i < history.Count; i++)
        {
            var (a, b) = (history[i - 1], history[i]);
            var listed = await OrdersAsync(ws, a.AsOf, b.AsOf, FigureScope.Full);
            var rise = b.Revenue.Total - a.Revenue.Total;
            Assert.True(rise == listed.Sum(o => o.Amount), $"{b.AsOf:yyyy-MM-dd HH:mm}: the line rises {rise}, its orders sum to {listed.Sum(o => o.Amount)}");
            Assert.Equal(b.Revenue.Orders - a.Revenue.Orders, listed.Count);
            Assert.All(listed, o => Assert.True(o.At > a.AsOf && o.At <= b.AsOf && o.Amount > 0));
            foreach (var o in listed) kinds[o.Kind] = kinds.GetValueOrDefault(o.Kind) + 1;
            if (listed.Count > 0) days++;
        }
        var all = await OrdersAsync(ws, history[0].AsOf, history[^1].AsOf, FigureScope.Full);
        Assert.Equal(history[^1].Revenue.Total - history[0].Revenue.Total, all.Sum(o => o.Amount));
        output.WriteLine($"{history.Count} points, {days} days with orders, {all.Count} orders worth {all.Sum(o => o.Amount):N2}: "
            + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
        Assert.True(days > 10, $"the seeded run books orders on many days (on {days})");
        Assert.True(kinds.GetValueOrDefault(OrderKind.FirstOrder) > 0, "first orders are listed");
        Assert.True(kinds.GetValueOrDefault(OrderKind.Repurchase) + kinds.GetValueOrDefault(OrderKind.ExistingCustomer) > 0,
            "orders beyond a first order (repurchases, existing customers' orders) are listed too");
        Assert.All(all, o => Assert.False(string.IsNullOrEmpty(o.Name), $"order {o.EventId} of {o.JourneyId} names its customer"));

        // A rep's cut: only the rep's customers' orders, and every one of them.
        var rep = all.Select(o => o.RepId).OfType<string>().First();
        var mine = await OrdersAsync(ws, history[0].AsOf, history[^1].AsOf, new FigureScope(false, [rep]));
        Assert.NotEmpty(mine);
        Assert.Equal(all.Where(o => o.RepId == rep).Select(o => o.EventId + o.JourneyId), mine.Select(o => o.EventId + o.JourneyId));
    }

    [Fact]
    public async Task Ingested_orders_are_listed_once_whatever_is_sent_again_and_a_reactivated_shard_finds_them_again()
    {
        const string ws = "revenue-rebuild";
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(Domain.Workspaces.WorkspaceKind.Live);
        var t0 = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        Domain.Journeys.JourneyEvent E(string id, Domain.Journeys.EventKind kind, int day, decimal amount = 0) =>
            new() { Id = id, Kind = kind, At = t0.AddDays(day), Amount = amount, RegionId = "north", TeamId = "t1", RepId = "r1" };
        Domain.Journeys.JourneyEvent[] events =
            [E("on", Domain.Journeys.EventKind.CustomerOnboarded, 0), E("o1", Domain.Journeys.EventKind.Repurchased, 1, 500), E("o2", Domain.Journeys.EventKind.Repurchased, 2, 250.25m)];
        var shard = Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, Keys.ShardOf("cust-1")));
        await shard.IngestAsync([new JourneyBatch("cust-1", events)]);
        // The same batch again (a sender's retry): duplicates, nothing listed twice.
        await shard.IngestAsync([new JourneyBatch("cust-1", events)]);
        var listed = await OrdersAsync(ws, t0, t0.AddDays(3), FigureScope.Full);
        Assert.Equal([("o1", 500m, OrderKind.ExistingCustomer), ("o2", 250.25m, OrderKind.ExistingCustomer)], listed.Select(o => (o.EventId, o.Amount, o.Kind)));
        Assert.Equal(["o2"], (await OrdersAsync(ws, t0.AddDays(1), t0.AddDays(2), FigureScope.Full)).Select(o => o.EventId));

        // The book lives with the shard's activation: a new activation rebuilds it from its customers.
        await fixture.Cluster.DeactivateAsync(shard);
        Assert.Equal(listed.Select(o => (o.EventId, o.Amount, o.At)), (await OrdersAsync(ws, t0, t0.AddDays(3), FigureScope.Full)).Select(o => (o.EventId, o.Amount, o.At)));
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_refused_naming_both_ends()
    {
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);
        var now = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, 0)).OrdersAsync(now, now.AddDays(-1), FigureScope.Full));
        Assert.Contains("before it starts", e.Message);
    }
}
