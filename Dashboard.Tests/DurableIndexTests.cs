using Azure.Data.Tables;
using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Serialization;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A shard's journey list on a real Azurite table, past what one table row holds: every journey acknowledged is found
/// by a silo started after the first one died. (The 500,000-journey run is the benchmark's durable-index scenario.)
/// </summary>
public class DurableIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>What Orleans' table storage keeps in one row: 15 properties of 64 KiB.</summary>
    const int RowLimit = 15 * 64 * 1024;
    const string Workspace = "index";
    const int Shard = 3;

    async Task<DashboardHost> StartAsync(string service)
    {
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
            "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Orleans:ServiceId={service}", "--Demo:Enabled=false");
        await host.InitializeAsync();
        return host;
    }

    /// <summary>Ids of the longest length allowed (100 characters), all on one shard: the fewest journeys that overflow a row.</summary>
    static List<string> LongIds(int count) =>
        [.. Enumerable.Range(0, int.MaxValue).Select(i => $"{i:D8}".PadLeft(100, 'x')).Where(id => Keys.ShardOf(id) == Shard).Take(count)];

    static JourneyBatch Lead(string id, int i) => new(id, [new JourneyEvent
    {
        Id = "created", Kind = EventKind.LeadCreated, At = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(i), CampaignId = "cmp",
    }]);

    [Fact]
    public async Task A_shard_with_more_journeys_than_one_row_holds_finds_every_one_after_its_silo_dies()
    {
        var service = $"index-{Guid.NewGuid():N}"[..20];
        // 9,500 entries of 100-character ids: about 1.03 MB as one record, past the row limit (checked below; 9,000
        // came to 972,018 bytes, just within it).
        var ids = LongIds(9_500);
        var first = await StartAsync(service);
        DashboardHost? second = null;
        try
        {
            await first.Grains.GetGrain<IWorkspaceGrain>(Workspace).EnsureAsync(WorkspaceKind.Live);
            var shard = first.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, Shard));
            // As the ingestion endpoint sends them: every journey acknowledged only once its shard's list is durable.
            foreach (var chunk in ids.Select(Lead).Chunk(200))
                Assert.All((await shard.IngestAsync(chunk)).SelectMany(o => o), o => Assert.Equal(EventResult.Accepted, o.Result));
            var sample = ids.Where((_, i) => i % 997 == 0).ToList();
            var entries = await Task.WhenAll(sample.Select(shard.EntryAsync));

            // The first silo dies here: it neither deactivates nor writes again. A silo of the same service started
            // now reads the storage exactly as the dead one left it.
            second = await StartAsync(service);
            var found = await second.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, Shard)).JourneyIdsAsync();
            Assert.Equal(ids.Count, found.Count);
            Assert.Equal(ids.Order(StringComparer.Ordinal), found);
            var again = await Task.WhenAll(sample.Select(second.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, Shard)).EntryAsync));
            Assert.Equal(entries.Select(e => (e!.Value.DueTicks, e.Value.Dormant)), again.Select(e => (e!.Value.DueTicks, e.Value.Dormant)));
            var last = (await second.Grains.GetGrain<IJourneyGrain>(Keys.Of(Workspace, ids[^1])).GetAsync())!;
            Assert.Equal(1, last.State.EventCount);

            // The same list kept as one record, as shards kept it before pages, would not fit in a row.
            var serializer = new VersionedGrainStorageSerializer(second.App.Services.GetRequiredService<Serializer>());
            var oneRecord = serializer.Serialize(new ShardRecord { Entries = ids.ToDictionary(id => id, _ => ShardEntry.Of(null, dormant: true)) });
            Assert.True(oneRecord.ToMemory().Length > RowLimit, $"{ids.Count} entries are {oneRecord.ToMemory().Length} bytes as one record, within a row's {RowLimit}");
            // Ten page rows of the shard are in the table (nine full, one half), each far under the limit.
            var pages = await PageRowsAsync(service);
            Assert.Equal((ids.Count + ShardPages.PageSize - 1) / ShardPages.PageSize, pages.Count);
            Assert.All(pages, size => Assert.InRange(size, 1, RowLimit / 4));
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    /// <summary>Bytes of data in each page row of the service's shard (the grain storage's table).</summary>
    async Task<List<int>> PageRowsAsync(string service)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("OrleansGrainState");
        var sizes = new List<int>();
        await foreach (var row in table.QueryAsync<TableEntity>())
            if (row.PartitionKey.Contains(service, StringComparison.Ordinal) && row.PartitionKey.Contains("shardpage", StringComparison.Ordinal))
                sizes.Add(row.Where(p => p.Key.StartsWith("Data", StringComparison.Ordinal) && p.Value is byte[]).Sum(p => ((byte[])p.Value).Length));
        return sizes;
    }
}
