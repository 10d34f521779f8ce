using Microsoft.Extensions.Logging;

namespace Growth.Grains.Journeys;

/// <summary>
/// The shard's durable index: its journey list and schedule in pages (<see cref="ShardPages"/>), written page by page,
/// so a shard of any size finds every journey it acknowledged after a crash. Order of writes (none is lost to a crash
/// between two of them):
/// <list type="bullet">
/// <item>a new page is counted in the shard's record before it is written (counted but not found: it held nothing
/// acknowledged, since its flush did not finish);</item>
/// <item>a list kept in the record itself (stored before pages, or by a restore before 2 Dec 2026) is moved into pages, and only
/// once they are written is it removed from the record (found in both: the page is the newer);</item>
/// <item>a reset forgets the record first: pages of its generation are then never read again.</item>
/// </list>
/// </summary>
public sealed partial class JourneyShardGrain
{
    readonly Dictionary<string, ShardEntry> entries = [];
    ShardPages pages = null!;
    // The record must be written: a new generation, or a page counted.
    bool recordUnsaved;
    // The record still holds a list from before pages: removed once the pages holding it are written.
    bool migrating;
    // A journey joined since the last successful save.
    bool joinedUnsaved;

    Dictionary<string, ShardEntry> Entries => entries;

    /// <summary>Page rows written by this activation.</summary>
    public Task<long> PagesWrittenAsync() => Task.FromResult(pages.Written);

    async Task LoadAsync()
    {
        pages = new ShardPages(grainStorage, this.GetPrimaryKeyString());
        var stored = record.State;
        if (stored.Generation == 0)
        {
            stored.Generation = NewGeneration();
            recordUnsaved = true;
        }
        foreach (var (id, entry) in await pages.ReadAsync(stored.Pages, stored.Generation)) entries[id] = entry;
        // Lists from before pages: every journey of the oldest counts as awake until its next call says otherwise.
        foreach (var (id, entry) in stored.Entries)
            if (!entries.ContainsKey(id)) Kept(id, entry, null);
        foreach (var (id, at) in stored.Journeys)
            if (!entries.ContainsKey(id)) Kept(id, ShardEntry.Of(at, dormant: false), null);
        migrating = stored.Entries.Count > 0 || stored.Journeys.Count > 0;
        joinedUnsaved = false;
        await LoadArchiveAsync(stored);
    }

    /// <summary>The entry as kept: on its page (a new journey joins the last one), the page marked changed if what it keeps changed.</summary>
    ShardEntry Kept(string id, ShardEntry entry, ShardEntry? previous)
    {
        if (previous is { } known)
        {
            entry.Page = known.Page;
            if (known.DueTicks != entry.DueTicks) pages.Touch(entry.Page);
        }
        else
        {
            entry.Page = pages.Add(id);
            joinedUnsaved = true;
        }
        entries[id] = entry;
        return entry;
    }

    /// <summary>Writes what changed: the record first if it counts a new page, the changed pages, then the record if it still held an old list.</summary>
    async Task SaveAsync()
    {
        var stored = record.State;
        // Archive marks before the record that counts their archiving (a mark it does not count is ignored), and the
        // record before the pages that no longer list the archived journeys (one listed and archived is archived).
        if (archive.Dirty) await archive.WriteAsync(stored.Generation, orderBook.Lines);
        if (!migrating && (recordUnsaved || stored.Pages < pages.Count))
        {
            stored.Pages = Math.Max(stored.Pages, pages.Count);
            await record.WriteStateAsync();
            recordUnsaved = false;
        }
        await pages.WriteAsync(entries, stored.Generation);
        if (migrating)
        {
            (stored.Journeys, stored.Entries, stored.Pages) = ([], [], pages.Count);
            await record.WriteStateAsync();
            (migrating, recordUnsaved) = (false, false);
        }
        joinedUnsaved = false;
    }

    /// <summary>Forgets the list: the record first (its pages are then of no generation read), then the pages, best effort.</summary>
    async Task ForgetPagesAsync()
    {
        await record.ClearStateAsync();
        try { await pages.ClearAsync(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Shard {Shard} could not remove its old pages; they are of a generation no longer read", this.GetPrimaryKeyString());
        }
        try { await archive.ClearAsync(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Shard {Shard} could not remove its old archive pages; they are of a generation no longer read", this.GetPrimaryKeyString());
        }
        record.State = new ShardRecord { Generation = NewGeneration() };
        pages = new ShardPages(grainStorage, this.GetPrimaryKeyString());
        ForgetArchive();
        (recordUnsaved, migrating, joinedUnsaved) = (true, false, false);
    }

    static long NewGeneration() => ShardPages.NewGeneration();
}
