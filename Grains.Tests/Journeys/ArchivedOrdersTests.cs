using Growth.Domain.Access;
using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Orders;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// What archived journeys leave behind for the readers that list or recompute from journeys: with a short retention
/// (5 days) the revenue line's drill-down still lists, for every day, orders summing exactly to the line's rise (archived
/// churned customers' orders included, named as before), before and after every shard leaves memory, and again after
/// journeys are archived by a shard whose order book was not yet rebuilt; payout statements read the same activity as
/// the run without the rule.
/// </summary>
[Collection(ClusterCollection.Name)]
public class ArchivedOrdersTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    static SimulationSettings Settings(int archiveDays) => new()
    {
        Seed = 23, Start = Start, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 40,
        Parameters = BehaviourParameters.Default with { Rules = BehaviourParameters.Default.Rules with { ArchiveClosedAfterDays = archiveDays } },
    };

    IJourneyShardGrain Shard(string ws, int i) => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i));

    async Task<IReadOnlyList<RevenueOrder>> OrdersAsync(string ws, DateTimeOffset after, DateTimeOffset until, FigureScope scope) =>
        RevenueOrder.Merge(await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(ws, i).OrdersAsync(after, until, scope))));

    async Task DeactivateAllAsync(string ws)
    {
        for (var i = 0; i < Keys.ShardCount; i++) await fixture.Cluster.DeactivateAsync(Shard(ws, i));
    }

    /// <summary>Checks every day of the line; returns the orders of archived journeys listed.</summary>
    async Task<int> EveryDaySumsToItsRiseAsync(string ws, IReadOnlySet<string> archived)
    {
        var history = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).GetHistoryAsync();
        Assert.True(history.Count > 50, $"a point a day (has {history.Count})");
        for (var i = 1; i < history.Count; i++)
        {
            var (a, b) = (history[i - 1], history[i]);
            var listed = await OrdersAsync(ws, a.AsOf, b.AsOf, FigureScope.Full);
            Assert.True(b.Revenue.Total - a.Revenue.Total == listed.Sum(o => o.Amount),
                $"{b.AsOf:yyyy-MM-dd}: the line rises {b.Revenue.Total - a.Revenue.Total}, its orders sum to {listed.Sum(o => o.Amount)}");
            Assert.Equal(b.Revenue.Orders - a.Revenue.Orders, listed.Count);
        }
        var all = await OrdersAsync(ws, history[0].AsOf, history[^1].AsOf, FigureScope.Full);
        Assert.Equal(history[^1].Revenue.Total - history[0].Revenue.Total, all.Sum(o => o.Amount));
        var gone = all.Where(o => archived.Contains(o.JourneyId)).ToList();
        Assert.All(gone, o => Assert.False(string.IsNullOrEmpty(o.Name), $"archived {o.JourneyId}'s order {o.EventId} names its customer"));
        // A rep's cut lists the rep's archived customers' orders too.
        if (gone.FirstOrDefault(o => o.RepId is not null) is { RepId: { } rep })
        {
            var mine = await OrdersAsync(ws, history[0].AsOf, history[^1].AsOf, new FigureScope(false, [rep]));
            Assert.Equal(all.Where(o => o.RepId == rep).Select(o => o.JourneyId + "/" + o.EventId), mine.Select(o => o.JourneyId + "/" + o.EventId));
        }
        return gone.Count;
    }

    async Task<HashSet<string>> ArchivedIdsAsync(string ws, IEnumerable<string> candidates)
    {
        var ids = candidates.ToList();
        var at = await Task.WhenAll(ids.Select(id => Shard(ws, Keys.ShardOf(id)).ArchivedAtAsync(id)));
        return [.. ids.Where((_, i) => at[i] is not null)];
    }

    async Task<PayoutActivity> PayActivityAsync(string ws) =>
        PayoutSources.From((await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(async i =>
            (await Shard(ws, i).StatesAsync()).Concat(await Shard(ws, i).ArchivedWonAsync())))).SelectMany(s => s), null, new CatalogueSetup());

    static string Lines<T>(IEnumerable<T> items) => string.Join("\n", items.Select(i => i!.ToString()).Order(StringComparer.Ordinal));

    [Fact]
    public async Task The_revenue_drill_and_pay_statements_stay_exact_when_journeys_are_archived_and_shards_reactivate()
    {
        const string off = "archived-orders-off", on = "archived-orders-on";
        foreach (var (ws, days) in new[] { (off, 0), (on, 5) })
        {
            var sim = Grains.GetGrain<ISimulationGrain>(ws);
            await sim.CreateAsync(Settings(days));
            await sim.RunForAsync(TimeSpan.FromDays(90));
            await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        }
        var everyJourney = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(off, i).JourneyIdsAsync()))).SelectMany(s => s).ToList();
        var archived = await ArchivedIdsAsync(on, everyJourney);
        var payOff = await PayActivityAsync(off);

        var listed = await EveryDaySumsToItsRiseAsync(on, archived);
        output.WriteLine($"{archived.Count} journeys archived; {listed} of their orders listed while their shards kept them in memory");
        Assert.True(listed > 0, "the run archives customers who booked orders (else this test proves nothing)");

        // Every shard leaves memory: the archived orders come back from the archive, not from the journeys (gone).
        await DeactivateAllAsync(on);
        Assert.Equal(listed, await EveryDaySumsToItsRiseAsync(on, archived));
        var archivedWon = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(on, i).ArchivedWonAsync()))).Sum(s => s.Count);
        Assert.True(archivedWon > 0, "won journeys are archived (churned customers)");
        var payOn = await PayActivityAsync(on);
        Assert.Equal(Lines(payOff.Wins), Lines(payOn.Wins));
        Assert.Equal(Lines(payOff.Payments), Lines(payOn.Payments));
        Assert.Equal(Lines(payOff.Reversals), Lines(payOn.Reversals));

        // Reactivated shards archive more before any list rebuilds their order books; then they leave memory again.
        foreach (var ws in new[] { off, on })
        {
            await Grains.GetGrain<ISimulationGrain>(ws).RunForAsync(TimeSpan.FromDays(20));
            await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        }
        var more = await ArchivedIdsAsync(on, everyJourney.Concat((await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(off, i).JourneyIdsAsync()))).SelectMany(s => s)).Distinct());
        Assert.True(more.Count > archived.Count, $"{more.Count - archived.Count} more archived");
        await DeactivateAllAsync(on);
        var later = await EveryDaySumsToItsRiseAsync(on, more);
        Assert.True(later > listed, $"orders of journeys archived by a reactivated shard are listed too ({later} against {listed})");
        await DeactivateAllAsync(off);
        Assert.Equal(Lines(await OrdersAsync(off, Start, Start.AddDays(200), FigureScope.Full)), Lines(await OrdersAsync(on, Start, Start.AddDays(200), FigureScope.Full)));
        payOff = await PayActivityAsync(off);
        payOn = await PayActivityAsync(on);
        Assert.Equal(Lines(payOff.Wins), Lines(payOn.Wins));
        Assert.Equal(Lines(payOff.Reversals), Lines(payOn.Reversals));
    }
}
