using Azure.Data.Tables;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Grains.Journeys;
using Growth.Grains.Serialization;
using Growth.Grains.Workspaces;
using Growth.Hosting;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Stored data of earlier builds on a real Azurite table: a journey row written by the first table-storage build
/// (version 1, the fault in issue 21) reads with its figures and is written back in the current version; a row of
/// an unknown newer version is refused with what to do and left as it was; ledger rows from before the
/// schema-version column still read.
/// </summary>
public class StoredVersionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    const string GrainTable = "OrleansGrainState";

    static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "StoredRecords", name));

    async Task<DashboardHost> StartAsync(string service)
    {
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
            "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Orleans:ServiceId={service}", "--Demo:Enabled=false");
        await host.InitializeAsync();
        return host;
    }

    static JourneyEvent Lead(string id) => new()
    {
        Id = $"{id}-created", Kind = EventKind.LeadCreated, At = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), CampaignId = "cmp-spring",
    };

    async Task<TableEntity> JourneyRowAsync(string service, string journeyId)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(GrainTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
            if (row.PartitionKey.Contains(service, StringComparison.Ordinal) && row.PartitionKey.Contains(journeyId, StringComparison.Ordinal)) rows.Add(row);
        return Assert.Single(rows);
    }

    static Task ReplaceDataAsync(TableClient table, TableEntity row, byte[] data)
    {
        row["Data"] = data;
        return table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }

    [Fact]
    public async Task A_version_1_journey_row_reads_with_its_figures_and_a_newer_row_is_refused_and_left_as_it_was()
    {
        var service = $"stored-{Guid.NewGuid():N}"[..20];
        const string workspace = "versions";
        var first = await StartAsync(service);
        try
        {
            // Real rows, written by this build's storage provider; their data is then swapped for older or newer bytes.
            Assert.True((await first.Grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, "legacy-1")).ApplyAsync([Lead("legacy-1")])).Result.Accepted);
            Assert.True((await first.Grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, "future-1")).ApplyAsync([Lead("future-1")])).Result.Accepted);
        }
        finally { await first.DisposeAsync(); }

        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(GrainTable);
        var legacyRow = await JourneyRowAsync(service, "legacy-1");
        Assert.Equal(StoredFormat.Current, StoredFormat.VersionOf(legacyRow.GetBinary("Data")));
        await ReplaceDataAsync(table, legacyRow, Fixture("v1-journey.bin"));
        var futureRow = await JourneyRowAsync(service, "future-1");
        var newer = futureRow.GetBinary("Data");
        newer[StoredFormat.Marker.Length] = StoredFormat.Current + 1;
        await ReplaceDataAsync(table, futureRow, newer);
        futureRow = await JourneyRowAsync(service, "future-1");

        var second = await StartAsync(service);
        try
        {
            var legacy = second.Grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, "legacy-1"));
            var view = (await legacy.GetAsync())!;
            Assert.Equal((JourneyStatus.Customer, 12500m, 12500m, 6250m, 6250m, 11), (view.State.Status, view.State.WonValue, view.State.OrderValue, view.State.Billed, view.State.Collected, view.State.EventCount));
            Assert.Equal(Enumerable.Range(1, 11).Select(i => $"e{i}"), view.Recent.Select(e => e.Id));

            // The next write stores the migrated record in the current version.
            var repurchase = new JourneyEvent { Id = "e12", Kind = EventKind.Repurchased, At = view.State.LastEventAt!.Value.AddDays(30), Amount = 3000m };
            Assert.True((await legacy.ApplyAsync([repurchase])).Result.Accepted);
            var migrated = await JourneyRowAsync(service, "legacy-1");
            Assert.Equal(StoredFormat.Current, StoredFormat.VersionOf(migrated.GetBinary("Data")));
            Assert.Equal(12, (await legacy.GetAsync())!.State.EventCount);

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => second.Grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, "future-1")).GetAsync());
            var said = string.Join(" | ", Messages(refused));
            Assert.Contains($"Stored JourneyRecord record is schema version {StoredFormat.Current + 1}, written by a newer Growth build", said, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed in storage", said, StringComparison.Ordinal);
            Assert.Contains("future-1", said, StringComparison.Ordinal);
            var after = await JourneyRowAsync(service, "future-1");
            Assert.Equal(futureRow.ETag, after.ETag);
            Assert.Equal(newer, after.GetBinary("Data"));
        }
        finally { await second.DisposeAsync(); }
    }

    [Fact]
    public async Task Ledger_rows_without_a_schema_version_read_as_version_1_and_a_newer_row_is_refused_by_name()
    {
        var service = $"ledgerv-{Guid.NewGuid():N}"[..20];
        var ledger = new TableMoneyLedger(new GrowthHostingOptions
        {
            Storage = StorageKind.AzureTable, StorageConnectionString = azurite.ConnectionString, ServiceId = service,
        });
        var at = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);
        await ledger.AppendAsync("books", "j1", [new("j1", "order-1", MoneyKind.Order, 100.10m, at, "north", "team-a", "rep-7", "cmp-spring")]);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableMoneyLedger.TableName);
        var partition = $"{service}~books~{Keys.ShardOf("j1")}";
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>(partition, "j1~order-1")).Value.GetInt32("SchemaVersion"));
        // A row as the ledger wrote it from 71abb70 until this change: the same columns, no SchemaVersion.
        await table.AddEntityAsync(new TableEntity(partition, "j1~pay-1")
        {
            ["JourneyId"] = "j1", ["EventId"] = "pay-1", ["Kind"] = "Payment", ["Amount"] = "40.05", ["At"] = at.AddDays(3),
            ["RegionId"] = "north", ["TeamId"] = "team-a", ["RepId"] = "rep-7", ["CampaignId"] = "cmp-spring",
        });

        var read = await ledger.ReadAsync("books").ToListAsync();
        Assert.Equal(new[] { (MoneyKind.Order, 100.10m), (MoneyKind.Payment, 40.05m) }, read.OrderBy(e => e.At).Select(e => (e.Kind, e.Amount)));

        await table.AddEntityAsync(new TableEntity(partition, "j1~refund-1")
        {
            ["JourneyId"] = "j1", ["EventId"] = "refund-1", ["Kind"] = "Refund", ["Amount"] = "5", ["At"] = at.AddDays(4), ["SchemaVersion"] = 2,
        });
        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await ledger.ReadAsync("books").ToListAsync());
        Assert.Contains($"ledger row {partition}/j1~refund-1 is schema version 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("reads ledger rows up to version 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_ring_rows_without_a_schema_version_still_read_and_a_newer_row_is_refused_by_name()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var ring = new Growth.Dashboard.Hosting.TableKeyRing(tables);
        ring.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "new")), "key-new");
        var table = tables.GetTableClient(Growth.Dashboard.Hosting.TableKeyRing.TableName);
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("keys", "key-new")).Value.GetInt32("SchemaVersion"));
        // A row as the key ring wrote it before this change: the key's XML only.
        await table.AddEntityAsync(new TableEntity("keys", "key-old") { ["Xml"] = "<key id=\"old\" />" });

        // (The class's other tests start hosts on the same Azurite, which add keys of their own.)
        var ids = ring.GetAllElements().Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Contains("new", ids);
        Assert.Contains("old", ids);

        await table.AddEntityAsync(new TableEntity("keys", "key-next") { ["Xml"] = "<key id=\"next\" />", ["SchemaVersion"] = 2 });
        var e = Assert.Throws<InvalidDataException>(() => ring.GetAllElements());
        Assert.Contains("key ring row growthdataprotection/keys/key-next is schema version 2", e.Message, StringComparison.Ordinal);
    }
}
