using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Setup;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// Names in the record rows: an ingested journey is listed by the name its events carry, a Chinese workspace's simulated
/// customers by seeded Chinese names; and the deals the forecast reads come from the rows, waking no journey.
/// </summary>
[Collection(ClusterCollection.Name)]
public class RecordNamesGrainTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    async Task<List<CustomerRecord>> RowsAsync(string ws, RecordQuery query) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))
            .RecordsAsync(query, FigureScope.Full, int.MaxValue)))).SelectMany(s => s.Rows)];

    async Task<bool> ActivatedAsync(string ws, string id)
    {
        var grainId = Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetGrainId();
        return (await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(grainId.Type)).Contains(grainId);
    }

    static JourneyEvent E(string id, EventKind kind, double hours, decimal amount = 0) =>
        new() { Id = id, Kind = kind, At = T0 + TimeSpan.FromHours(hours), Amount = amount, TeamId = "t", RepId = "r", RegionId = "g" };

    [Fact]
    public async Task An_ingested_deal_is_listed_by_its_crm_name_and_read_as_a_deal_without_waking_it()
    {
        const string ws = "records-names";
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);
        var shard = Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, Keys.ShardOf("crm-1")));
        await shard.IngestAsync([new JourneyBatch("crm-1",
        [
            E("n1", EventKind.LeadCreated, 0) with { ContactName = "Wang Fang", CompanyName = "Harbour Tools" },
            E("n2", EventKind.Qualified, 1), E("n3", EventKind.OpportunityOpened, 2, 1200), E("n4", EventKind.Lost, 48),
        ])]);
        var row = Assert.Single(await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Deals, Search = "harbour" }));
        Assert.Equal(("crm-1", "Wang Fang", "Harbour Tools"), (row.JourneyId, row.Name, row.Company));

        for (var i = 0; i < 600 && await ActivatedAsync(ws, "crm-1"); i++) await Task.Delay(50);
        Assert.False(await ActivatedAsync(ws, "crm-1"), "the lost deal did not leave memory");
        var deal = Assert.Single(await shard.DealStatesAsync());
        Assert.Equal(("crm-1", JourneyStatus.Lost, 1200m, T0.AddHours(48)), (deal.Id, deal.Status, deal.OpportunityValue, deal.ClosedAt!.Value));
        Assert.False(await ActivatedAsync(ws, "crm-1"), "reading the deals woke the journey");
    }

    [Fact]
    public async Task A_chinese_workspaces_simulated_customers_have_the_same_chinese_names_every_run()
    {
        var template = SetupTemplates.Load().All.Single(t => t.Id == "consumer-education").Document;
        Assert.StartsWith("zh", template.Company.Currency.Culture);
        async Task<List<CustomerRecord>> RunAsync(string ws)
        {
            await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(template, "leader", "template");
            var sim = Grains.GetGrain<ISimulationGrain>(ws);
            await sim.CreateAsync(new SimulationSettings { Seed = 9, Start = T0, ExistingCustomers = 0 });
            await sim.RunForAsync(TimeSpan.FromDays(3));
            return [.. (await RowsAsync(ws, new RecordQuery { Kind = RecordKind.Leads })).OrderBy(r => r.JourneyId, StringComparer.Ordinal)];
        }
        var first = await RunAsync("records-zh-a");
        Assert.NotEmpty(first);
        Assert.All(first, r => Assert.True(r.Name.Length > 0 && r.Name.All(c => c is >= '\u4e00' and <= '\u9fff'), $"{r.JourneyId}: '{r.Name}'"));
        Assert.All(first, r => Assert.EndsWith("有限公司", r.Company));
        var second = await RunAsync("records-zh-b");
        Assert.Equal(first.Select(r => (r.JourneyId, r.Name, r.Company)), second.Select(r => (r.JourneyId, r.Name, r.Company)));
    }
}
