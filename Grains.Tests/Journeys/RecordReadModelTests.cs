using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// The record lists' read model: each shard's rows follow its journeys' changes as they report them, and a list is
/// answered from those rows without waking a dormant journey.
/// </summary>
[Collection(ClusterCollection.Name)]
public class RecordReadModelTests(ClusterFixture fixture)
{
    IGrainFactory Grains => fixture.Grains;

    IJourneyShardGrain ShardOf(string ws, string id) => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, Keys.ShardOf(id)));

    async Task<List<CustomerRecord>> RowsAsync(string ws, RecordQuery query) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))
            .RecordsAsync(query, FigureScope.Full, int.MaxValue)))).SelectMany(s => s.Rows)];

    Task<bool> ActivatedAsync(string ws, string id) => JourneyMemory.ActivatedAsync(Grains, ws, id);

    Task AssertLeavesMemoryAsync(string ws, string id) => JourneyMemory.AssertLeavesMemoryAsync(fixture, ws, id);

    [Fact]
    public async Task A_lost_deal_asleep_is_found_by_its_customers_name_without_waking_and_every_row_matches_its_journey()
    {
        // The seeded 60-day run DormancyTests reads too (run once per cluster).
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);

        var lost = await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals, Status = JourneyStatus.Lost, Sort = "name" });
        Assert.NotEmpty(lost);
        var one = lost[0];
        Assert.False(string.IsNullOrWhiteSpace(one.Name), $"lost deal {one.JourneyId} has no name");
        Assert.True(await ShardOf(ws, one.JourneyId).EntryAsync(one.JourneyId) is { Dormant: true });
        await AssertLeavesMemoryAsync(ws, one.JourneyId);

        var found = await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals, Search = one.Name.ToUpperInvariant() });
        Assert.Contains(found, r => r.JourneyId == one.JourneyId);
        // Answered from the shards' rows: the sleeping journey was not woken to be listed.
        Assert.False(await ActivatedAsync(ws, one.JourneyId), $"listing woke dormant journey {one.JourneyId}");

        // Every journey has exactly one row, and each row says what its journey's state says (read last: this wakes them).
        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).StatesAsync()))).SelectMany(s => s).ToDictionary(s => s.Id);
        var rows = (await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Leads }))
            .Concat(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals }))
            .Concat(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Customers })).DistinctBy(r => r.JourneyId).ToList();
        foreach (var row in rows)
        {
            var s = states[row.JourneyId];
            Assert.Equal((s.Status, s.Stage, s.LastStep, s.RepId, s.OpportunityAt, s.LastEventAt), (row.Status, row.Stage, row.Step, row.RepId, row.OpportunityAt, row.LastActivityAt));
        }
        // Journeys in none of the three lists: existing customers never seen yet as such, none other.
        Assert.All(states.Values.Where(s => !rows.Any(r => r.JourneyId == s.Id)), s => Assert.False(s.Status is JourneyStatus.Prospect or JourneyStatus.Customer, $"{s.Id} ({s.Status}) has no row"));
    }

    static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    static JourneyEvent E(string id, EventKind kind, double hours, decimal amount = 0) =>
        new() { Id = id, Kind = kind, At = T0 + TimeSpan.FromHours(hours), Amount = amount, TeamId = "t", RepId = "r", RegionId = "g" };

    [Fact]
    public async Task The_row_follows_each_ingested_change_from_lead_to_lost_deal_and_erasure_blanks_it()
    {
        const string ws = "records-ingest";
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);
        var shard = ShardOf(ws, "deal-r");
        await shard.IngestAsync([new JourneyBatch("deal-r", [E("r1", EventKind.LeadCreated, 0), E("r2", EventKind.Qualified, 1)])]);
        Assert.Equal(["deal-r"], (await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Leads })).Select(r => r.JourneyId));
        Assert.Empty(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals }));

        await shard.IngestAsync([new JourneyBatch("deal-r", [E("r3", EventKind.OpportunityOpened, 2, 900)])]);
        var open = Assert.Single(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals }));
        Assert.Equal((JourneyStatus.Prospect, 900m, "r"), (open.Status, open.Value, open.RepId));
        Assert.Empty(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Leads }));
        // An ingested journey whose events name nobody: the list shows the journey id (never an invented name).
        Assert.Equal("deal-r", open.Display);

        await shard.IngestAsync([new JourneyBatch("deal-r", [E("r4", EventKind.Lost, 48)])]);
        await AssertLeavesMemoryAsync(ws, "deal-r");
        var lost = Assert.Single(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals, Status = JourneyStatus.Lost }));
        Assert.Equal((T0.AddHours(48), "deal-r"), (lost.ClosedAt!.Value, lost.JourneyId));
        Assert.False(await ActivatedAsync(ws, "deal-r"));

        Assert.True(await shard.EraseRecordAsync("deal-r"));
        Assert.True(Assert.Single(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals })).Erased);
        Assert.False(await shard.EraseRecordAsync("no-such-journey"));
    }
}
