using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Backup;
using Growth.Grains.Journeys;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Growth.Grains.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// A shard keeps its journey list in pages of <see cref="ShardPages.PageSize"/> (in-memory storage here; table storage
/// in Dashboard.Tests' DurableIndexTests): a shard that leaves memory finds every journey and its schedule again, and a
/// list stored in one record before pages (or written so by a restore) is read and moved into pages.
/// </summary>
[Collection(ClusterCollection.Name)]
public class ShardPagesTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    static List<string> IdsOnShard(string prefix, int count, int shard) =>
        [.. Enumerable.Range(0, int.MaxValue).Select(i => $"{prefix}-{i:D6}").Where(id => Keys.ShardOf(id) == shard).Take(count)];

    static JourneyBatch Lead(string id, int i) => new(id, [new JourneyEvent
    {
        Id = $"{id}-created", Kind = EventKind.LeadCreated, At = T0 + TimeSpan.FromMinutes(i), CampaignId = "c", TeamId = "t", RepId = "r", RegionId = "g",
    }]);

    /// <summary>Deactivates the shard (it writes its pages, as a shard leaving memory does) and waits until it has.</summary>
    Task LeaveMemoryAsync(IJourneyShardGrain shard) => fixture.Cluster.DeactivateAsync(shard);

    Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    async Task<ShardRecord> StoredRecordAsync(string ws, int shard) => (ShardRecord)BackupParts.Shard.Decode(Serializer,
        Assert.Single(await Grains.GetGrain<IBackupStoreGrain>(0).ReadAsync(BackupParts.Shard.Name, ws, [$"shard-{shard}"])).Data);

    /// <summary>The entries the storage holds in the shard's pages, read as a new activation reads them.</summary>
    async Task<Dictionary<string, ShardEntry>> StoredPagesAsync(string ws, int shard)
    {
        var stored = await StoredRecordAsync(ws, shard);
        var storage = fixture.Cluster.GetSiloServiceProvider(null).GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        return await new ShardPages(storage, Keys.Shard(ws, shard)).ReadAsync(stored.Pages, stored.Generation);
    }

    [Fact]
    public async Task A_shard_of_several_pages_that_leaves_memory_finds_every_journey_and_its_schedule_again()
    {
        const string ws = "pages-memory";
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);
        // Two and a half pages: full pages, and a last one partly filled that new journeys join after the reactivation.
        var ids = IdsOnShard("pm", ShardPages.PageSize * 5 / 2, 2);
        var shard = Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, 2));
        foreach (var chunk in ids.Select(Lead).Chunk(500))
            Assert.All((await shard.IngestAsync(chunk)).SelectMany(o => o), o => Assert.Equal(EventResult.Accepted, o.Result));
        var before = await Task.WhenAll(ids.Select(shard.EntryAsync));
        var counts = await shard.CountAsync();

        await LeaveMemoryAsync(shard);
        // Three page rows, written as it left memory (in-memory storage is not written before), hold every journey.
        Assert.Equal(3, (await StoredRecordAsync(ws, 2)).Pages);
        var pages = await StoredPagesAsync(ws, 2);
        Assert.Equal(ids.Order(StringComparer.Ordinal), pages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([ShardPages.PageSize, ShardPages.PageSize, ShardPages.PageSize / 2], pages.Values.GroupBy(e => e.Page).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(ids.Order(StringComparer.Ordinal), await shard.JourneyIdsAsync());
        var after = await Task.WhenAll(ids.Select(shard.EntryAsync));
        Assert.Equal(before.Select(e => (e!.Value.DueTicks, e.Value.Dormant)), after.Select(e => (e!.Value.DueTicks, e.Value.Dormant)));
        Assert.Equal(counts, await shard.CountAsync());

        // And it carries on: more journeys join, and all are found after it leaves memory again.
        var more = IdsOnShard("pm2", 700, 2);
        Assert.All((await shard.IngestAsync(more.Select(Lead).ToList())).SelectMany(o => o), o => Assert.Equal(EventResult.Accepted, o.Result));
        await LeaveMemoryAsync(shard);
        Assert.Equal(4, (await StoredRecordAsync(ws, 2)).Pages);
        Assert.Equal(ids.Concat(more).Order(StringComparer.Ordinal), await shard.JourneyIdsAsync());
    }

    [Fact]
    public async Task A_list_kept_in_the_shards_own_record_before_pages_is_read_and_moved_into_pages()
    {
        const string ws = "pages-legacy";
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);
        var serializer = Serializer;
        var store = Grains.GetGrain<IBackupStoreGrain>(0);
        var due = T0.AddDays(9);
        // Both older forms: the first list (id and next due) and the entries that followed it.
        var legacy = new ShardRecord
        {
            Journeys = new() { ["old-a"] = due },
            Entries = new() { ["old-b"] = ShardEntry.Of(due.AddDays(1), dormant: true), ["old-c"] = ShardEntry.Of(null, dormant: true) },
        };
        await store.WriteAsync(BackupParts.Shard.Name, ws, [new BackupRecord("shard-1", serializer.SerializeToArray(legacy))]);

        var shard = Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, 1));
        // Activated with the workspace (its statistics), before the record was written: the next activation reads it.
        await LeaveMemoryAsync(shard);
        Assert.Equal(["old-a", "old-b", "old-c"], await shard.JourneyIdsAsync());
        Assert.Equal((due.UtcTicks, false), await EntryOf(shard, "old-a"));
        Assert.Equal((due.AddDays(1).UtcTicks, true), await EntryOf(shard, "old-b"));
        var joining = IdsOnShard("pl", 1, 1)[0];
        Assert.Equal(EventResult.Accepted, (await shard.IngestAsync([Lead(joining, 0)]))[0][0].Result);

        await LeaveMemoryAsync(shard);
        // The shard's own record now only counts pages; the journeys are in them.
        var stored = await StoredRecordAsync(ws, 1);
        Assert.Equal((0, 0, 1), (stored.Journeys.Count, stored.Entries.Count, stored.Pages));
        Assert.Equal(4, (await StoredPagesAsync(ws, 1)).Count);
        Assert.Equal(new[] { "old-a", "old-b", "old-c", joining }.Order(StringComparer.Ordinal), await shard.JourneyIdsAsync());
        Assert.Equal((due.AddDays(1).UtcTicks, true), await EntryOf(shard, "old-b"));
    }

    [Fact]
    public async Task A_list_written_in_pages_through_the_backup_store_as_a_restore_writes_it_is_found_whole()
    {
        const string ws = "pages-restored";
        var serializer = Serializer;
        var store = Grains.GetGrain<IBackupStoreGrain>(0);
        var due = T0.AddDays(3);
        var ids = IdsOnShard("pr", ShardPages.PageSize * 5 / 2, 3);
        var generation = ShardPages.NewGeneration();
        var pages = ShardPages.Split(ids.ToDictionary(id => id, _ => ShardEntry.Of(due, dormant: true)), generation);
        Assert.Equal([ShardPages.PageSize, ShardPages.PageSize, ShardPages.PageSize / 2], pages.Select(p => p.Entries.Count));
        await store.WriteAsync(BackupParts.Shard.Name, ws, [new BackupRecord("shard-3", serializer.SerializeToArray(new ShardRecord { Pages = pages.Count, Generation = generation }))]);
        await store.WriteAsync(BackupParts.ShardPage.Name, ws, [.. pages.Select((page, i) => new BackupRecord($"shard-3/{i}", serializer.SerializeToArray(page)))]);
        await Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);

        var shard = Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, 3));
        await LeaveMemoryAsync(shard);
        Assert.Equal(ids.Order(StringComparer.Ordinal), await shard.JourneyIdsAsync());
        Assert.Equal((due.UtcTicks, true), await EntryOf(shard, ids[^1]));
        // Nothing to move: the record only counts pages, and a page the store wrote can be cleared through it.
        var stored = await StoredRecordAsync(ws, 3);
        Assert.Equal((0, 0, 3), (stored.Journeys.Count, stored.Entries.Count, stored.Pages));
        await store.ClearAsync(BackupParts.ShardPage.Name, ws, ["shard-3/2"]);
        Assert.Empty(await store.ReadAsync(BackupParts.ShardPage.Name, ws, ["shard-3/2"]));
        Assert.Single(await store.ReadAsync(BackupParts.ShardPage.Name, ws, ["shard-3/1"]));
    }

    static async Task<(long, bool)> EntryOf(IJourneyShardGrain shard, string id) =>
        await shard.EntryAsync(id) is { } e ? (e.DueTicks, e.Dormant) : throw new Xunit.Sdk.XunitException($"the shard does not know {id}");
}
