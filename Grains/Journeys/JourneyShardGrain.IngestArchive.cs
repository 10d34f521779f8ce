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
/// an ingest costs a comparison. The writes are the simulation's (<see cref="ArchiveAsync"/>): crash-safe in the same order.
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
    /// thrown (the events are applied and acknowledged): the next ingest tries again, the queue of closed journeys refilled.
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
            await ArchiveDueAsync(days, new DateTimeOffset(newestIngested, TimeSpan.Zero));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (ingestPassDay, closingKnown) = (-1, false);
            closing.Clear();
            logger.LogWarning(e, "Shard {Shard} could not archive after an ingest; the next ingest tries again", this.GetPrimaryKeyString());
        }
    }

    /// <summary>The workspace's retention rule as its setup has it now (no setup: the default).</summary>
    async Task<int> RetentionAsync() =>
        (await GrainFactory.GetGrain<Setup.ISetupGrain>(Workspace).GetAsync())?.Document.Rules.ArchiveClosedAfterDays ?? Archiving.DefaultDays;
}
