using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Microsoft.Extensions.Logging;

namespace Growth.Grains.Journeys;

/// <summary>
/// The retention rule (<see cref="Archiving"/>): closed journeys past <c>rules.archiveClosedAfterDays</c> leave the
/// shard's list and schedule, its record rows, their stored state and memory; their share of the figures stays in the
/// shard's archived totals, from which a recount starts. Order of writes (see <see cref="SaveAsync"/>): the archive marks,
/// then the shard's record counting their archiving with its totals, then the list's pages without them, and only then
/// are the journeys' stored states removed; a crash between two leaves either the journey kept (its mark not counted) or
/// archived (listed too: the archive wins when the shard starts), never counted twice or lost.
/// </summary>
public sealed partial class JourneyShardGrain
{
    ShardArchive archive = null!;
    ArchivedTotals archivedTotals = new();
    // Closed journeys with nothing due, by UTC ticks of their closing (checked again when taken: lazy deletion).
    readonly PriorityQueue<string, long> closing = new();
    // The queue holds every closed journey of the shard (false after an activation until the rows are read once).
    bool closingKnown;
    // Archived journeys whose stored state is still to be removed (once the archive that holds them is written).
    readonly List<string> uncleared = [];

    async Task LoadArchiveAsync(ShardRecord stored)
    {
        archive = new ShardArchive(grainStorage, this.GetPrimaryKeyString());
        // Archived journeys' orders back into the order book (kept journeys' are asked of them when a list needs them).
        await archive.ReadAsync(stored.ArchivePages, stored.Generation, stored.ArchivedBatch, (id, lines) => orderBook.Keep(id, lines));
        archivedTotals = ArchivedTotals.Of(stored.ArchivedTotals);
        // Archived but still on a page (an archiving cut short after its record was written): archived.
        foreach (var id in archive.Ids)
            if (entries.Remove(id, out var entry))
            {
                pages.Remove(id, entry.Page);
                uncleared.Add(id);
            }
    }

    void ForgetArchive()
    {
        archive = new ShardArchive(grainStorage, this.GetPrimaryKeyString());
        archivedTotals = new ArchivedTotals();
        closing.Clear();
        uncleared.Clear();
        closingKnown = false;
        (newestIngested, ingestPassDay, closedSincePass, rowsToRebuild) = (0, -1, 0, null);
    }

    /// <summary>A journey that reported a closed row and nothing due: a candidate for the rule from its closing on.</summary>
    void Closing(string id, CustomerRecord row)
    {
        if (Archiving.ClosedAt(row) is not { } at) return;
        closing.Enqueue(SharedId(id), at.UtcTicks);
        closedSincePass++;
    }

    public Task<DateTimeOffset?> ArchivedAtAsync(string journeyId) =>
        Task.FromResult<DateTimeOffset?>(archive.TryGet(journeyId, out var mark) ? mark.At : null);

    public Task<int> ArchivedCountAsync() => Task.FromResult(archive.Count);

    public Task<IReadOnlyList<Growth.Domain.Figures.TallyDelta>> ArchivedTotalsAsync() =>
        Task.FromResult<IReadOnlyList<Growth.Domain.Figures.TallyDelta>>(archivedTotals.Deltas());

    public Task<ShardArchiveBackup?> ArchiveBackupAsync() =>
        Task.FromResult(archive.Count == 0 ? null : archive.Backup(archivedTotals.Deltas(), orderBook.Lines));

    public Task<IReadOnlyList<JourneyState>> ArchivedWonAsync() =>
        Task.FromResult<IReadOnlyList<JourneyState>>([.. archive.Kept.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => k.Value.PayState(k.Key)).OfType<JourneyState>()]);

    /// <summary>Archives the journeys the rule lets go by <paramref name="now"/> (none when <paramref name="days"/> is 0).</summary>
    async Task ArchiveDueAsync(int days, DateTimeOffset now)
    {
        if (days <= 0) return;
        if (!closingKnown) await KnowClosingAsync();
        var cutoff = now.AddDays(-days).UtcTicks;
        var ready = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (closing.TryPeek(out var id, out var at) && at <= cutoff)
        {
            closing.Dequeue();
            if (entries.TryGetValue(id, out var entry) && entry.NextDue is null && rows.Unnamed(id) is { } row
                && Archiving.Archivable(row, nothingDue: true, now, days) && seen.Add(id))
                ready.Add(id);
        }
        if (ready.Count > 0) await ArchiveAsync(ready, now);
        await ClearArchivedAsync();
    }

    async Task ArchiveAsync(List<string> ready, DateTimeOffset now)
    {
        // Woken to be read (dormant ones go back to sleep): their final state is what they add to the totals.
        var views = await Task.WhenAll(ready.Select(id => Journey(id).GetAsync()));
        // Their orders go into the archive (the order book may not hold them yet: it is filled on the first list asked).
        var unbooked = ready.Where((id, i) => views[i] is { State.Orders: > 0 } && !orderBook.Contains(id)).ToList();
        var booked = await Task.WhenAll(unbooked.Select(id => Journey(id).OrdersAsync()));
        for (var i = 0; i < unbooked.Count; i++) orderBook.Keep(SharedId(unbooked[i]), booked[i]);
        var batch = record.State.ArchivedBatch + 1;
        var taken = 0;
        for (var i = 0; i < ready.Count; i++)
        {
            if (views[i] is not { } view || !Archiving.Closes(view.State.Status) || !entries.Remove(ready[i], out var entry)) continue;
            archivedTotals.Add(view.State);
            archive.Add(ready[i], now, batch, ArchivedJourney.Of(view.State, rows.Unnamed(ready[i]), orderBook.Lines(ready[i]) ?? []));
            pages.Remove(ready[i], entry.Page);
            rows.Remove(ready[i]);
            uncleared.Add(ready[i]);
            taken++;
        }
        if (taken == 0) return;
        var stored = record.State;
        (stored.ArchivedBatch, stored.ArchivedTotals, stored.ArchivePages) = (batch, archivedTotals.Deltas(), archive.Pages);
        recordUnsaved = true;
        try { await FlushAsync(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Written by the next flush; until then the journeys' stored states stay (ClearArchivedAsync waits for it).
            logger.LogWarning(e, "Shard {Shard} could not write its archive of {Journeys} journeys yet", this.GetPrimaryKeyString(), taken);
        }
    }

    /// <summary>Removes archived journeys' stored states, once the archive holding them is written (durable storage).</summary>
    async Task ClearArchivedAsync()
    {
        if (uncleared.Count == 0 || storage.Durable && (archive.Dirty || recordUnsaved || pages.Dirty)) return;
        await Task.WhenAll(uncleared.Select(id => Journey(id).ClearAsync()));
        uncleared.Clear();
    }

    /// <summary>Every closed journey of the shard into the queue (once per activation: its rows are read, rebuilt if need be).</summary>
    async Task KnowClosingAsync()
    {
        if (rowsIncomplete) await RebuildRowsAsync();
        foreach (var (id, entry) in entries)
            if (entry.NextDue is null && rows.Unnamed(id) is { } row) Closing(id, row);
        closingKnown = true;
    }

    /// <summary>An ingest with batches for archived journeys: those are refused (every event), the rest go in as usual.</summary>
    async Task<IReadOnlyList<IReadOnlyList<EventOutcome>>> IngestBesideArchivedAsync(IReadOnlyList<JourneyBatch> batches)
    {
        var live = batches.Where(b => !archive.TryGet(b.JourneyId, out _)).ToList();
        var done = live.Count == 0 ? [] : await IngestAsync(live);
        var answers = new List<IReadOnlyList<EventOutcome>>(batches.Count);
        var next = 0;
        foreach (var b in batches)
            answers.Add(archive.TryGet(b.JourneyId, out var mark)
                ? [.. b.Events.Select(_ => new EventOutcome(EventResult.Rejected, Archiving.Refusal(b.JourneyId, mark.At)))]
                : done[next++]);
        return answers;
    }
}
