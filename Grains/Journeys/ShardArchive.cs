using Orleans.Storage;

namespace Growth.Grains.Journeys;

/// <summary>One page of a shard's archive: up to <see cref="ShardArchive.PageSize"/> archived journeys' marks.</summary>
[GenerateSerializer]
public sealed class ShardArchivePageRecord
{
    [Id(0)] public long Generation { get; set; }
    [Id(1)] public Dictionary<string, ArchiveMark> Marks { get; set; } = [];
    /// <summary>What the page keeps of its journeys that booked orders or were won (<see cref="ArchivedJourney"/>); none before 3 Dec 2026.</summary>
    [Id(215)] public Dictionary<string, ArchivedJourney>? Journeys { get; set; }
}

/// <summary>When a journey was archived (UTC ticks of the simulated now) and by which archiving of its shard.</summary>
[GenerateSerializer]
public struct ArchiveMark
{
    [Id(0)] public long AtTicks;
    [Id(1)] public long Batch;

    public readonly DateTimeOffset At => new(AtTicks, TimeSpan.Zero);
}

/// <summary>
/// The ids of a shard's archived journeys and when each was archived, in pages of <see cref="PageSize"/> stored as
/// records of their own (state "shard-archive" of the grain id "shardarchive/{shard key}/{page}"), appended to only.
/// A mark counts once the shard's record counts its archiving (<see cref="ShardRecord.ArchivedBatch"/>); in memory the
/// shard keeps only id and date (about 90 bytes a journey, instead of its state, row and entry).
/// </summary>
public sealed class ShardArchive(IGrainStorage storage, string shardKey)
{
    /// <summary>Marks per page (assumed, as <see cref="ShardPages.PageSize"/>: about 40 KB with 8-character ids, 130 KB with 100).</summary>
    public const int PageSize = 1_000;

    public const string StateName = "shard-archive";

    static readonly GrainType PageType = GrainType.Create("shardarchive");

    readonly Dictionary<string, ArchiveMark> marks = new(StringComparer.Ordinal);
    // Archived journeys that booked orders or were won, without their orders (the shard's order book holds those).
    readonly Dictionary<string, ArchivedJourney> kept = new(StringComparer.Ordinal);
    readonly List<List<string>> ids = [];
    readonly List<string?> etags = [];
    readonly HashSet<int> dirty = [];

    public int Count => marks.Count;
    public int Pages => ids.Count;
    public bool Dirty => dirty.Count > 0;

    GrainId IdOf(int page) => PageId($"{shardKey}/{page}");

    /// <summary>The stored id of a page, by "{shard key}/{page}".</summary>
    public static GrainId PageId(string pageKey) => GrainId.Create(PageType, IdSpan.Create(pageKey));

    public bool TryGet(string id, out ArchiveMark mark) => marks.TryGetValue(id, out mark);

    public IEnumerable<string> Ids => marks.Keys;

    /// <summary>What is kept of an archived journey beyond its mark (null: nothing, or not archived).</summary>
    public ArchivedJourney? Journey(string id) => kept.GetValueOrDefault(id);

    /// <summary>The archived journeys that keep more than their mark.</summary>
    public IEnumerable<KeyValuePair<string, ArchivedJourney>> Kept => kept;

    /// <summary>Marks a journey archived (on the last page, a new one when it is full), keeping <paramref name="journey"/> beside it; returns the page.</summary>
    public int Add(string id, DateTimeOffset at, long batch, ArchivedJourney? journey = null)
    {
        if (ids.Count == 0 || ids[^1].Count >= PageSize) { ids.Add([]); etags.Add(null); }
        ids[^1].Add(id);
        marks[id] = new ArchiveMark { AtTicks = at.UtcTicks, Batch = batch };
        if (journey is not null) kept[id] = journey.WithLines(null);
        dirty.Add(ids.Count - 1);
        return ids.Count - 1;
    }

    /// <summary>
    /// Reads pages 0 to <paramref name="count"/> - 1: the marks of the generation whose archiving is counted (batch at
    /// most <paramref name="batch"/>), and what is kept beside them; each archived journey's orders are handed to
    /// <paramref name="orders"/>.
    /// </summary>
    public async Task ReadAsync(int count, long generation, long batch, Action<string, IReadOnlyList<Domain.Orders.OrderLine>>? orders = null)
    {
        for (var page = 0; page < count; page++)
        {
            ids.Add([]);
            var state = new GrainState<ShardArchivePageRecord>(new ShardArchivePageRecord());
            await storage.ReadStateAsync(StateName, IdOf(page), state);
            etags.Add(state.ETag);
            if (!state.RecordExists || state.State is not { } stored || stored.Generation != generation) continue;
            foreach (var (id, mark) in stored.Marks)
            {
                // Written by an archiving whose totals never reached the record: the journey was not archived.
                if (mark.Batch > batch) { dirty.Add(page); continue; }
                if (!marks.TryAdd(id, mark)) continue;
                ids[page].Add(id);
                if (stored.Journeys?.GetValueOrDefault(id) is not { } journey) continue;
                if (journey.Orders is { Count: > 0 }) orders?.Invoke(id, journey.Lines());
                kept[id] = journey.WithLines(null);
            }
        }
    }

    /// <summary>
    /// Writes every changed page, each kept journey with its orders (<paramref name="orders"/>: the shard's order book);
    /// a page stays changed until its write succeeds.
    /// </summary>
    public async Task WriteAsync(long generation, Func<string, IReadOnlyList<Domain.Orders.OrderLine>?> orders)
    {
        foreach (var page in dirty.Order().ToList())
        {
            var record = new ShardArchivePageRecord { Generation = generation, Marks = new(ids[page].Count, StringComparer.Ordinal) };
            foreach (var id in ids[page])
            {
                record.Marks[id] = marks[id];
                if (kept.TryGetValue(id, out var journey)) (record.Journeys ??= new(StringComparer.Ordinal))[id] = journey.WithLines(orders(id));
            }
            var state = new GrainState<ShardArchivePageRecord>(record) { ETag = etags[page], RecordExists = etags[page] is not null };
            try { await storage.WriteStateAsync(StateName, IdOf(page), state); }
            catch (InconsistentStateException)
            {
                // A row this activation did not read (left by an archiving cut short or a reset): ours now.
                var found = new GrainState<ShardArchivePageRecord>(new ShardArchivePageRecord());
                await storage.ReadStateAsync(StateName, IdOf(page), found);
                (state.ETag, state.RecordExists) = (found.ETag, found.RecordExists);
                await storage.WriteStateAsync(StateName, IdOf(page), state);
            }
            etags[page] = state.ETag;
            dirty.Remove(page);
        }
    }

    /// <summary>The archive as a backup carries it (orders from <paramref name="orders"/>: the shard's order book).</summary>
    public ShardArchiveBackup Backup(IEnumerable<Growth.Domain.Figures.TallyDelta> totals, Func<string, IReadOnlyList<Domain.Orders.OrderLine>?> orders) => new()
    {
        Totals = [.. totals],
        Marks = new(marks, StringComparer.Ordinal),
        Journeys = kept.ToDictionary(k => k.Key, k => k.Value.WithLines(orders(k.Key)), StringComparer.Ordinal),
    };

    /// <summary>
    /// A backed-up archive as pages of one generation, every mark counted by archiving 1 (what a restore writes beside a
    /// shard record with <see cref="ShardRecord.ArchivedBatch"/> 1).
    /// </summary>
    public static List<ShardArchivePageRecord> Split(ShardArchiveBackup backup, long generation) =>
        [.. backup.Marks.OrderBy(m => m.Value.AtTicks).ThenBy(m => m.Key, StringComparer.Ordinal).Chunk(PageSize).Select(chunk => new ShardArchivePageRecord
        {
            Generation = generation,
            Marks = chunk.ToDictionary(m => m.Key, m => new ArchiveMark { AtTicks = m.Value.AtTicks, Batch = 1 }, StringComparer.Ordinal),
            Journeys = chunk.Any(m => backup.Journeys.ContainsKey(m.Key))
                ? chunk.Where(m => backup.Journeys.ContainsKey(m.Key)).ToDictionary(m => m.Key, m => backup.Journeys[m.Key], StringComparer.Ordinal) : null,
        })];

    /// <summary>Forgets every page (best effort: a page left behind is of a generation no longer read).</summary>
    public async Task ClearAsync()
    {
        for (var page = 0; page < ids.Count; page++)
            if (etags[page] is { } etag)
                await storage.ClearStateAsync(StateName, IdOf(page),
                    new GrainState<ShardArchivePageRecord>(new ShardArchivePageRecord()) { ETag = etag, RecordExists = true });
        marks.Clear();
        kept.Clear();
        ids.Clear();
        etags.Clear();
        dirty.Clear();
    }
}

/// <summary>
/// A shard's whole archive as a backup carries it (part "shardArchive", id "shard-{i}"): the archived totals, every
/// archived journey's mark and what is kept beside it with its orders. A restore writes it back as the shard keeps it
/// (<see cref="ShardArchive.Split"/> and the shard record's archive fields), so a restored workspace recounts to the same
/// figures and its revenue drill-down and statements list the archived journeys as before.
/// </summary>
[GenerateSerializer]
public sealed class ShardArchiveBackup
{
    [Id(0)] public List<Growth.Domain.Figures.TallyDelta> Totals { get; set; } = [];
    [Id(1)] public Dictionary<string, ArchiveMark> Marks { get; set; } = [];
    [Id(2)] public Dictionary<string, ArchivedJourney> Journeys { get; set; } = [];
}
