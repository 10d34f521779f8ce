using Growth.Domain.Journeys;
using Microsoft.Extensions.Logging;

namespace Growth.Grains.Journeys;

/// <summary>
/// The retention rule for journeys fed by ingestion (the events API, a CSV import): a workspace with no simulation
/// archives too. Its "now" is event time: the newest event the shard accepted (this activation), never the wall clock,
/// so an export of 2017 imported in 2026 keeps every journey closed within the rule's days of its own newest activity,
/// as a simulation's now is its simulated clock. The rule is the setup's (<c>rules.archiveClosedAfterDays</c>, default
/// 365 without a setup), or, on a shard a simulation stepped this activation, the simulation's. A pass runs after an
/// ingest (its events acknowledged and flushed first) at the first batch of each new UTC event day the shard sees, or
/// once <see cref="IngestPassClosings"/> journeys closed since the last pass (a history imported in one go); in between
/// an ingest costs a comparison. After a reactivation the shard's rows are read back <see cref="IngestRowsPerCall"/>
/// per ingest before its first pass. The writes are the simulation's (<see cref="ArchiveAsync"/>): crash-safe in the same order.
/// </summary>
public sealed partial class JourneyShardGrain
{
    /// <summary>Journeys closed since the last pass that start one on the same event day (assumed: as an archive page, <see cref="ShardArchive.PageSize"/>).</summary>
    public const int IngestPassClosings = ShardArchive.PageSize;

    // UTC ticks of the newest event an ingest accepted this activation (0: none yet): the rule's now for ingested journeys.
    long newestIngested;
    // UTC day of the newest event at the last pass after an ingest (-1: none this activation).
    long ingestPassDay = -1;
    // Journeys that reported a closed row since that pass.
    int closedSincePass;
    // The retention a simulation stepped this shard with this activation (null: none did; the setup's rule applies).
    int? simulatedRetention;

    /// <summary>Moves the ingested now on to the newest accepted event of <paramref name="events"/>.</summary>
    void Ingested(IReadOnlyList<JourneyEvent> events, IReadOnlyList<EventOutcome>? outcomes)
    {
        for (var i = 0; i < events.Count; i++)
            if ((outcomes is null || outcomes[i].Result == EventResult.Accepted) && events[i].At.UtcTicks > newestIngested)
                newestIngested = events[i].At.UtcTicks;
    }

    /// <summary>
    /// The rule's pass after an ingest, when the event day moved on or enough journeys closed. A failure is logged, not
    /// thrown (the events are applied and acknowledged): the next ingest tries again, the queue of closed journeys and of rows to read refilled.
    /// </summary>
    async Task ArchiveAfterIngestAsync()
    {
        if (newestIngested == 0) return;
        var day = newestIngested / TimeSpan.TicksPerDay;
        if (day <= ingestPassDay && closedSincePass < IngestPassClosings) return;
        (ingestPassDay, closedSincePass) = (day, 0);
        try
        {
            var days = simulatedRetention ?? await RetentionAsync();
            if (days <= 0) return;
            // Rows that died with an earlier activation come back a slice per ingest, not all in one call; the pass waits for them.
            if (!closingKnown && rowsIncomplete && !await RebuildSomeRowsAsync())
            {
                ingestPassDay = -1;
                return;
            }
            await ArchiveDueAsync(days, new DateTimeOffset(newestIngested, TimeSpan.Zero));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (ingestPassDay, closingKnown, rowsToRebuild) = (-1, false, null);
            closing.Clear();
            logger.LogWarning(e, "Shard {Shard} could not archive after an ingest; the next ingest tries again", this.GetPrimaryKeyString());
        }
    }

    /// <summary>Rows rebuilt per ingest after a reactivation (assumed: about as many journey reads as a 5,000-event batch makes).</summary>
    public const int IngestRowsPerCall = 2_000;

    // The journeys whose rows an earlier activation's death took, still to be read (null: not started).
    Queue<string>? rowsToRebuild;

    /// <summary>
    /// Reads the next <see cref="IngestRowsPerCall"/> missing rows; true once every journey has its row. A shard of a
    /// hundred thousand journeys, reactivated, would otherwise wake them all inside one ingest (past a call's timeout
    /// with table storage).
    /// </summary>
    async Task<bool> RebuildSomeRowsAsync()
    {
        rowsToRebuild ??= new Queue<string>(Entries.Keys.Where(id => !rows.Contains(id)));
        var slice = new List<string>(IngestRowsPerCall);
        while (slice.Count < IngestRowsPerCall && rowsToRebuild.TryDequeue(out var id))
            if (Entries.ContainsKey(id) && !rows.Contains(id)) slice.Add(id);
        var found = await Task.WhenAll(slice.Select(id => Journey(id).RecordAsync()));
        foreach (var row in found.OfType<Domain.Records.CustomerRecord>()) Keep(row);
        if (rowsToRebuild.Count > 0) return false;
        (rowsIncomplete, rowsToRebuild) = (false, null);
        return true;
    }

    /// <summary>The workspace's retention rule as its setup has it now (no setup: the default).</summary>
    async Task<int> RetentionAsync() =>
        (await GrainFactory.GetGrain<Setup.ISetupGrain>(Workspace).GetAsync())?.Document.Rules.ArchiveClosedAfterDays ?? Archiving.DefaultDays;
}
