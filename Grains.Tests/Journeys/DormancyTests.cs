using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// Journeys with nothing due within the dormancy horizon leave memory; their shard keeps an entry and wakes them when
/// due, when an event arrives, or when someone reads them. Figures and readers never lose them.
/// </summary>
[Collection(ClusterCollection.Name)]
public class DormancyTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    IJourneyShardGrain ShardOf(string ws, string id) => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, Keys.ShardOf(id)));

    async Task<List<JourneyState>> StatesAsync(string ws) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).StatesAsync()))).SelectMany(s => s)];

    Task AssertLeavesMemoryAsync(string ws, string id) => JourneyMemory.AssertLeavesMemoryAsync(fixture, ws, id);

    [Fact]
    public async Task Lost_journeys_leave_memory_and_still_count_in_the_figures_and_answer_their_page()
    {
        // The seeded 60-day run RecordReadModelTests reads too (run once per cluster).
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);
        var snapshot = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();

        var states = await StatesAsync(ws);
        var lost = states.Where(s => s.Status == JourneyStatus.Lost).ToList();
        Assert.NotEmpty(lost);
        // Every journey is still found and counted: the snapshot's totals are the sums over all of them.
        Assert.Equal(states.Count, snapshot!.Journeys);
        Assert.Equal(lost.Count, snapshot.Deals.Lost);
        var counts = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).CountAsync()));
        Assert.Equal(states.Count, counts.Sum(c => c.Journeys));
        Assert.True(counts.Sum(c => c.Dormant) >= lost.Count, $"{counts.Sum(c => c.Dormant)} dormant entries for {lost.Count} lost journeys");

        var one = lost[0].Id;
        var entry = await ShardOf(ws, one).EntryAsync(one);
        Assert.True(entry is { Dormant: true, NextDue: null }, $"lost journey {one}: entry {entry?.DueTicks} dormant {entry?.Dormant}");
        // Read above by the shard (StatesAsync), it went back to sleep; opened now (the customer page), it answers
        // from its stored state and leaves memory again.
        await AssertLeavesMemoryAsync(ws, one);
        var view = await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, one)).GetAsync();
        Assert.Equal(JourneyStatus.Lost, view!.State.Status);
        Assert.Equal(lost[0], view.State);
        Assert.NotEmpty(view.Recent);
        await AssertLeavesMemoryAsync(ws, one);
    }

    [Fact]
    public async Task A_dormant_customer_is_woken_when_due_and_the_tallies_stay_exact()
    {
        const string ws = "dormant-due";
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 8, Start = Start, Regions = 1, TeamsPerRegion = 1, RepsPerTeam = 4, Campaigns = 2, ExistingCustomers = 30 });
        await sim.RunForAsync(TimeSpan.FromDays(30));
        var snapshot = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();

        // A customer asleep with something due beyond the horizon (a repurchase, a renewal, an invoice).
        (string Id, DateTimeOffset Due)? sleeper = null;
        foreach (var s in (await StatesAsync(ws)).Where(s => s.IsCustomer).OrderBy(s => s.Id, StringComparer.Ordinal))
            if (await ShardOf(ws, s.Id).EntryAsync(s.Id) is { Dormant: true, NextDue: { } due } && due > snapshot!.AsOf)
            {
                sleeper = (s.Id, due);
                break;
            }
        Assert.NotNull(sleeper);
        var (id, wakeAt) = sleeper.Value;
        await AssertLeavesMemoryAsync(ws, id);
        var before = (await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetAsync())!.State;

        // Simulated time passes its due time: the shard wakes it, it acts, and is rescheduled past that time.
        await sim.RunForAsync(wakeAt - snapshot!.AsOf + TimeSpan.FromDays(1));
        var after = (await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetAsync())!.State;
        var entry = await ShardOf(ws, id).EntryAsync(id);
        Assert.True(entry!.Value.NextDue is null || entry.Value.NextDue > wakeAt, $"journey {id} still due at {entry.Value.NextDue} (was due {wakeAt})");
        Assert.True(after.EventCount > before.EventCount || after != before, $"journey {id} did not act when due at {wakeAt}");

        // The live figures, kept by summing changes while journeys slept and woke, equal a recount over every journey.
        var figures = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        var sum = new WorkspaceFigures();
        foreach (var s in await StatesAsync(ws)) sum.Apply(new TallyDelta(GroupKey.Of(s), Tally.Of(s)));
        Assert.Equal(SnapshotBuilder.Deals(sum.Total), figures!.Deals);
        Assert.Equal(RevenueFormula.From(sum.Total), figures.Revenue);
        Assert.Equal(sum.Total[Money.Collected], figures.Receivables.Collected);
        Assert.Equal(sum.Total[Money.Outstanding], figures.Receivables.Outstanding);
    }

    static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    static JourneyEvent E(string id, EventKind kind, double hours, decimal amount = 0) =>
        new() { Id = id, Kind = kind, At = T0 + TimeSpan.FromHours(hours), Amount = amount, TeamId = "t", RepId = "r", RegionId = "g" };

    [Fact]
    public async Task An_ingested_event_wakes_a_dormant_journey_with_its_state_and_the_figures_stay_exact()
    {
        const string ws = "dormant-ingest";
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);
        var first = new[] { E("l1", EventKind.LeadCreated, 0), E("l2", EventKind.Qualified, 1), E("l3", EventKind.OpportunityOpened, 2, 900), E("l4", EventKind.Lost, 48) };
        var taken = await ShardOf(ws, "deal-l").IngestAsync([new JourneyBatch("deal-l", first)]);
        Assert.All(taken[0], o => Assert.Equal(EventResult.Accepted, o.Result));
        Assert.True((await ShardOf(ws, "deal-l").EntryAsync("deal-l"))!.Value.Dormant);
        await AssertLeavesMemoryAsync(ws, "deal-l");
        var before = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();

        // A late follow-up (before the loss) and a resent event: the journey wakes with its stored window and settled
        // ids, places the late event in its past, recognises the duplicate, and goes back to sleep (still lost).
        var late = await ShardOf(ws, "deal-l").IngestAsync([new JourneyBatch("deal-l", [E("l5", EventKind.FollowedUp, 24), first[1]])]);
        Assert.Equal([EventResult.Accepted, EventResult.Duplicate], late[0].Select(o => o.Result));
        var view = await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, "deal-l")).GetAsync();
        Assert.Equal((JourneyStatus.Lost, 1, 5), (view!.State.Status, view.State.FollowUps, view.State.EventCount));
        Assert.True((await ShardOf(ws, "deal-l").EntryAsync("deal-l"))!.Value.Dormant);
        await AssertLeavesMemoryAsync(ws, "deal-l");

        var after = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        Assert.Equal((1L, 1L), (before!.Deals.Lost, after!.Deals.Lost));
        Assert.Equal(before.Journeys, after.Journeys);
        // The figures equal the woken journey's tally exactly (its only journey).
        var sum = new WorkspaceFigures();
        sum.Apply(new TallyDelta(GroupKey.Of(view.State), Tally.Of(view.State)));
        Assert.Equal(SnapshotBuilder.Deals(sum.Total), after.Deals);
        foreach (var stage in Enum.GetValues<FunnelStage>().Where(s => s != FunnelStage.CampaignTouch))
            Assert.Equal(sum.Total[Tally.Entered(stage)], after.Funnel[(int)stage].Entered);
    }
}
