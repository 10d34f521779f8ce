using Orleans.Storage;

namespace Growth.Grains.Journeys;

/// <summary>
/// A shard's journey list in pages of <see cref="PageSize"/> journeys, each stored as a record of its own
/// (<see cref="ShardPageRecord"/>, state "shard-page" of the grain id "shardpage/{shard key}/{page}") in the grain
/// storage: a new journey joins the last page, and a flush writes only the pages that changed, so the list has no size
/// limit and a write costs one page however many journeys the shard has. A journey leaves its page only when it is
/// archived (<see cref="Remove"/>; <see cref="ShardArchive"/>), or with all the others (<see cref="ClearAsync"/>).
/// </summary>
public sealed class ShardPages(IGrainStorage storage, string shardKey)
{
    /// <summary>
    /// Journeys per page (assumed). A page of 1,000 entries is about 20 KB with ids of 8 characters and 116 KB with the
    /// longest ids allowed (100 characters), far under the 960 KiB Orleans' table storage keeps in one row
    /// (15 properties of 64 KiB); rewriting a changed page costs that much.
    /// </summary>
    public const int PageSize = 1_000;

    /// <summary>Stored state name of a page.</summary>
    public const string StateName = "shard-page";

    /// <summary>Pages read or written at once.</summary>
    const int Parallel = 16;

    static readonly GrainType PageType = GrainType.Create("shardpage");

    readonly List<List<string>> ids = [];
    readonly List<string?> etags = [];
    readonly HashSet<int> dirty = [];

    /// <summary>Pages the list has (the last may be partly full or empty).</summary>
    public int Count => ids.Count;

    /// <summary>Some page changed since it was last written.</summary>
    public bool Dirty => dirty.Count > 0;

    /// <summary>Page rows written since this activation began (for the benchmark's figures).</summary>
    public long Written { get; private set; }

    public GrainId IdOf(int page) => PageId($"{shardKey}/{page}");

    /// <summary>The stored id of a page, by "{shard key}/{page}".</summary>
    public static GrainId PageId(string pageKey) => GrainId.Create(PageType, IdSpan.Create(pageKey));

    /// <summary>
    /// A whole list as pages of one generation, in the order a shard would have filled them (what a restore writes, so a
    /// restored shard of any size is stored as a shard keeps it).
    /// </summary>
    public static List<ShardPageRecord> Split(IReadOnlyDictionary<string, ShardEntry> entries, long generation) =>
        [.. entries.Chunk(PageSize).Select(chunk => new ShardPageRecord { Generation = generation, Entries = chunk.ToDictionary(e => e.Key, e => e.Value) })];

    /// <summary>Any number but 0 (no generation yet), different from every earlier one of a shard: not part of any figure.</summary>
    public static long NewGeneration() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>Puts a journey the shard did not know on the last page (a new one when it is full); returns the page.</summary>
    public int Add(string id)
    {
        if (ids.Count == 0 || ids[^1].Count >= PageSize) Grow(ids.Count + 1);
        ids[^1].Add(id);
        dirty.Add(ids.Count - 1);
        return ids.Count - 1;
    }

    /// <summary>Takes an archived journey off its page (the page is written again without it).</summary>
    public void Remove(string id, int page)
    {
        if (page < ids.Count && ids[page].Remove(id)) dirty.Add(page);
    }

    /// <summary>A journey of the page changed what the page keeps of it.</summary>
    public void Touch(int page) => dirty.Add(page);

    void Grow(int count)
    {
        while (ids.Count < count)
        {
            ids.Add(new List<string>(Math.Min(PageSize, 64)));
            etags.Add(null);
        }
    }

    /// <summary>
    /// Reads pages 0 to <paramref name="count"/> - 1 and hands over each entry of the given generation with its page
    /// set. A page not found, or of another generation (left by a reset or a migration cut short), holds nothing.
    /// </summary>
    public async Task<Dictionary<string, ShardEntry>> ReadAsync(int count, long generation)
    {
        Grow(count);
        var entries = new Dictionary<string, ShardEntry>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(Parallel))
        {
            var read = await Task.WhenAll(chunk.Select(ReadPageAsync));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (read[i] is not { } page || page.Generation != generation) continue;
                foreach (var (id, entry) in page.Entries)
                {
                    if (!entries.TryAdd(id, entry with { Page = chunk[i] })) continue;
                    ids[chunk[i]].Add(id);
                }
            }
        }
        return entries;
    }

    async Task<ShardPageRecord?> ReadPageAsync(int page)
    {
        var state = new GrainState<ShardPageRecord>(new ShardPageRecord());
        await storage.ReadStateAsync(StateName, IdOf(page), state);
        etags[page] = state.ETag;
        return state.RecordExists ? state.State : null;
    }

    /// <summary>Writes every changed page (what <paramref name="entries"/> holds of its journeys); a page stays changed until its write succeeds.</summary>
    public async Task WriteAsync(IReadOnlyDictionary<string, ShardEntry> entries, long generation)
    {
        foreach (var chunk in dirty.Order().ToList().Chunk(Parallel))
            await Task.WhenAll(chunk.Select(async page =>
            {
                var record = new ShardPageRecord { Generation = generation, Entries = new Dictionary<string, ShardEntry>(ids[page].Count) };
                foreach (var id in ids[page]) record.Entries[id] = entries[id];
                await WritePageAsync(page, record);
                dirty.Remove(page);
            }));
    }

    async Task WritePageAsync(int page, ShardPageRecord record)
    {
        var state = new GrainState<ShardPageRecord>(record) { ETag = etags[page], RecordExists = etags[page] is not null };
        try { await storage.WriteStateAsync(StateName, IdOf(page), state); }
        catch (InconsistentStateException)
        {
            // A row this activation did not read: a page beyond the stored count, written by an activation that
            // died before it could count it, or left by a reset cut short. Its generation is not ours; take it over.
            _ = await ReadPageAsync(page);
            state.ETag = etags[page];
            state.RecordExists = etags[page] is not null;
            await storage.WriteStateAsync(StateName, IdOf(page), state);
        }
        etags[page] = state.ETag;
        Written++;
    }

    /// <summary>Forgets every page (best effort: a page left behind belongs to a generation no longer read) and empties the list.</summary>
    public async Task ClearAsync()
    {
        var known = Enumerable.Range(0, ids.Count).Where(p => etags[p] is not null).ToList();
        foreach (var chunk in known.Chunk(Parallel))
            await Task.WhenAll(chunk.Select(page =>
                storage.ClearStateAsync(StateName, IdOf(page), new GrainState<ShardPageRecord>(new ShardPageRecord()) { ETag = etags[page], RecordExists = true })));
        ids.Clear();
        etags.Clear();
        dirty.Clear();
    }
}
