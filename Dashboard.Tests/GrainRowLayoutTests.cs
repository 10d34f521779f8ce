using Azure.Data.Tables;
using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Growth.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The grain storage's rows on a real Azurite table (<see cref="RowPerGrainStorage"/>): every grain's state has a
/// RowKey of its own; a store written in Orleans' layout before (RowKey = the state name) reads whole, a grain's first
/// write moves its row, a clear leaves nothing of either layout to come back, and a silo started while the last one is
/// left as it died finds every journey of the mixed store.
/// </summary>
public class GrainRowLayoutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    const string Workspace = "rows";
    static readonly string[] Ids = [.. Enumerable.Range(0, 40).Select(i => $"cust-{i:D3}")];

    async Task<DashboardHost> StartAsync(string service)
    {
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
            "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Orleans:ServiceId={service}", "--Demo:Enabled=false");
        await host.InitializeAsync();
        return host;
    }

    TableClient Table => new TableServiceClient(azurite.ConnectionString).GetTableClient("OrleansGrainState");

    async Task<List<TableEntity>> RowsAsync(string service)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>())
            if (row.PartitionKey.StartsWith(service + "_", StringComparison.Ordinal) && row.PartitionKey != StorageLayoutCheck.Marker(service).PartitionKey) rows.Add(row);
        return rows;
    }

    static JourneyEvent Event(string id, EventKind kind, int day) => new()
    {
        Id = id, Kind = kind, At = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddDays(day), CampaignId = "cmp",
    };

    static async Task IngestAsync(IGrainFactory grains, IEnumerable<string> ids)
    {
        foreach (var shard in ids.GroupBy(Keys.ShardOf))
        {
            var outcomes = await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, shard.Key))
                .IngestAsync([.. shard.Select(id => new JourneyBatch(id, [Event("created", EventKind.LeadCreated, 0)]))]);
            Assert.All(outcomes.SelectMany(o => o), o => Assert.Equal(EventResult.Accepted, o.Result));
        }
    }

    static async Task<List<string>> JourneyIdsAsync(IGrainFactory grains) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, i)).JourneyIdsAsync())))
            .SelectMany(l => l).Order(StringComparer.Ordinal)];

    async Task<bool> MarkedAsync(string service)
    {
        var (partition, row) = StorageLayoutCheck.Marker(service);
        return (await Table.GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue;
    }

    /// <summary>
    /// Moves every row of the service to Orleans' layout before: the same PartitionKey and data, the state name as RowKey;
    /// and removes the marker that says no such row is left, which builds before it did not write.
    /// </summary>
    async Task<int> MoveToLayoutBeforeAsync(string service)
    {
        var (markerPartition, markerRow) = StorageLayoutCheck.Marker(service);
        await Table.DeleteEntityAsync(markerPartition, markerRow);
        var rows = await RowsAsync(service);
        foreach (var row in rows)
        {
            var stateName = row.RowKey[..row.RowKey.IndexOf('~', StringComparison.Ordinal)];
            var old = new TableEntity(row.PartitionKey, stateName);
            foreach (var (key, value) in row)
                if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")) old[key] = value;
            await Table.AddEntityAsync(old);
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag);
        }
        return rows.Count;
    }

    [Fact]
    public async Task A_store_in_the_layout_before_reads_whole_moves_row_by_row_and_a_clear_leaves_nothing_to_come_back()
    {
        var service = $"rows-{Guid.NewGuid():N}"[..20];
        var first = await StartAsync(service);
        try
        {
            await first.Grains.GetGrain<IWorkspaceGrain>(Workspace).EnsureAsync(WorkspaceKind.Live);
            await IngestAsync(first.Grains, Ids);
            Assert.True((await first.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, Ids[0])).ApplyAsync([Event("c", EventKind.Contacted, 1)])).Result.Accepted);
        }
        finally { await first.DisposeAsync(); }

        // A new store is marked as holding no row of the layout before (each grain is read once).
        Assert.True(await MarkedAsync(service));
        // This build's rows: a RowKey of each grain's own ("{state}~{grain id}"), so no two rows share one.
        var rows = await RowsAsync(service);
        Assert.Equal(rows.Count, rows.Select(r => r.RowKey).Distinct().Count());
        var journeyRows = rows.Where(r => r.RowKey.StartsWith("journey~", StringComparison.Ordinal)).ToList();
        Assert.Equal(Ids.Length, journeyRows.Count);
        Assert.All(journeyRows, r => Assert.EndsWith(r.PartitionKey[(service.Length + 1)..], r.RowKey, StringComparison.Ordinal));

        // The store as builds before this one left it: every row keyed by its state name alone.
        var moved = await MoveToLayoutBeforeAsync(service);
        Assert.Equal(rows.Count, (await RowsAsync(service)).Count(r => !r.RowKey.Contains('~', StringComparison.Ordinal)));

        var second = await StartAsync(service);
        DashboardHost? third = null;
        try
        {
            Assert.Equal(Ids.Order(StringComparer.Ordinal), await JourneyIdsAsync(second.Grains));
            var qualified = second.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, Ids[0]));
            Assert.Equal(2, (await qualified.GetAsync())!.State.EventCount);
            Assert.Equal(1, (await second.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, Ids[1])).GetAsync())!.State.EventCount);
            // Reading moves nothing, and while old rows are left the store is not marked.
            Assert.Equal(moved, (await RowsAsync(service)).Count(r => !r.RowKey.Contains('~', StringComparison.Ordinal)));
            Assert.False(await MarkedAsync(service));

            // A write moves the grain's row: its own row holds the new state, the old one is gone.
            Assert.True((await qualified.ApplyAsync([Event("q", EventKind.Qualified, 2)])).Result.Accepted);
            var journeyZero = (await RowsAsync(service)).Where(r => r.PartitionKey.EndsWith("_" + Ids[0], StringComparison.Ordinal) && r.RowKey.StartsWith("journey", StringComparison.Ordinal)).ToList();
            Assert.Equal("journey~", Assert.Single(journeyZero).RowKey[..8]);
            // A new lead joins its shard's last page, which moves too.
            await IngestAsync(second.Grains, ["cust-new"]);

            // A clear of a state still in the layout before removes that row: nothing comes back on the next read.
            var storage = second.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
            var cleared = second.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, Ids[2])).GetGrainId();
            var state = new GrainState<JourneyRecord>(new JourneyRecord());
            await storage.ReadStateAsync("journey", cleared, state);
            Assert.True(state.RecordExists);
            Assert.Equal(RowPerGrainStorage.LayoutBeforeETag, state.ETag);
            await storage.ClearStateAsync("journey", cleared, state);
            var (partition, row) = RowPerGrainStorage.LayoutBefore(service, "journey", cleared);
            Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue);
            var again = new GrainState<JourneyRecord>(new JourneyRecord());
            await storage.ReadStateAsync("journey", cleared, again);
            Assert.False(again.RecordExists);

            // The second silo dies here, its store half in each layout; a third of the same service finds every journey.
            third = await StartAsync(service);
            Assert.Equal([.. Ids, "cust-new"], await JourneyIdsAsync(third.Grains));
            Assert.Equal(3, (await third.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, Ids[0])).GetAsync())!.State.EventCount);
            Assert.Equal(1, (await third.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, Ids[^1])).GetAsync())!.State.EventCount);
        }
        finally
        {
            if (third is not null) await third.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}
