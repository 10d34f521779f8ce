using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Simulation;

namespace Growth.Grains.Journeys;

/// <summary>
/// A slice of a workspace's journeys (by stable hash of the id): schedules the due ones and sums their
/// figure changes in memory until the statistics grain drains them. Key: "{workspace}/shard-{n}".
/// </summary>
public interface IJourneyShardGrain : IGrainWithStringKey
{
    /// <summary>Starts new simulated journeys and advances them to <paramref name="until"/>.</summary>
    Task<ShardStepResult> StartAsync(IReadOnlyList<JourneyStart> starts, ParametersRef parameters, DateTimeOffset until);

    /// <summary>Advances every journey due up to <paramref name="until"/>.</summary>
    Task<ShardStepResult> AdvanceAsync(ParametersRef parameters, DateTimeOffset until);

    /// <summary>Applies external events to one journey of this shard.</summary>
    Task<ApplyResult> ApplyAsync(string journeyId, IReadOnlyList<JourneyEvent> events);

    /// <summary>Offers each journey of this shard its events (journeys in parallel); one outcome list per batch, same order.</summary>
    Task<IReadOnlyList<IReadOnlyList<EventOutcome>>> IngestAsync(IReadOnlyList<JourneyBatch> batches);

    /// <summary>The state of every journey of the shard (for calibrating a model on an imported history).</summary>
    Task<IReadOnlyList<JourneyState>> StatesAsync();

    /// <summary>Hands over and clears the figure changes summed, and the deals closed, since the last drain.</summary>
    Task<ShardDrain> DrainAsync();

    /// <summary>Forgets every journey of the shard (and its slice of the money ledger).</summary>
    Task ResetAsync();

    /// <summary>
    /// The shard's whole contribution to the figures, summed from its journeys' current states; the changes
    /// pending since the last drain are dropped (the totals include them).
    /// </summary>
    Task<IReadOnlyList<TallyDelta>> RecountAsync();

    /// <summary>Makes the shard's journey list durable (no-op with in-memory storage); the simulation calls it before saving its clock.</summary>
    Task FlushAsync();

    /// <summary>The shard's open leads and opportunities (journeys still due) whose rep is one of <paramref name="repIds"/>.</summary>
    Task<IReadOnlyList<JourneyState>> OpenJourneysOfAsync(IReadOnlyList<string> repIds);

    /// <summary>
    /// Hands each journey to its new rep (reps in <paramref name="fromReps"/> left) at <paramref name="at"/>;
    /// returns how many were handed over. Journeys closed meanwhile keep their rep.
    /// </summary>
    /// <remarks><paramref name="reason"/>, when given, is put on each handover's event (a rep who left the company).</remarks>
    Task<int> ReassignAsync(IReadOnlyList<JourneyHandover> handovers, IReadOnlyList<string> fromReps, DateTimeOffset at, string? reason = null);

    /// <summary>
    /// The shard's open leads and opportunities of <paramref name="repIds"/> from its record rows (no journey woken):
    /// each journey's id, team and region.
    /// </summary>
    Task<IReadOnlyList<OpenLead>> OpenLeadsOfAsync(IReadOnlyList<string> repIds);

    /// <summary>Hands leads waiting in the pool to the reps their teams picked, and advances them to <paramref name="until"/>.</summary>
    Task<ShardStepResult> TakeFromPoolAsync(IReadOnlyList<JourneyHandover> handovers, ParametersRef parameters, DateTimeOffset until);

    /// <summary>Ids of every journey of the shard.</summary>
    Task<IReadOnlyList<string>> JourneyIdsAsync();

    /// <summary>Journeys known to the shard, how many are scheduled and how many left memory (dormant, see <see cref="Dormancy"/>).</summary>
    Task<(int Journeys, int Scheduled, int Dormant)> CountAsync();

    /// <summary>When the journey was archived by the retention rule (<see cref="Growth.Domain.Journeys.Archiving"/>); null: it was not.</summary>
    Task<DateTimeOffset?> ArchivedAtAsync(string journeyId);

    /// <summary>Journeys of this shard archived by the retention rule (not in its list, its record rows or memory).</summary>
    Task<int> ArchivedCountAsync();

    /// <summary>
    /// What this shard's archived journeys add to the figures, by group (the archived totals a recount starts from;
    /// <see cref="Growth.Domain.Journeys.ArchivedTotals"/>): their counts by stage and outcome, exact, without the journeys.
    /// </summary>
    Task<IReadOnlyList<TallyDelta>> ArchivedTotalsAsync();

    /// <summary>
    /// The won journeys of this shard that the retention rule archived, as a payout statement reads them (rep, won value
    /// and date, channel, collected, refunded, churned or not: <see cref="ArchivedJourney.PayState"/>), by id.
    /// </summary>
    Task<IReadOnlyList<JourneyState>> ArchivedWonAsync();

    /// <summary>The shard's archive as a backup carries it (null: nothing archived).</summary>
    Task<ShardArchiveBackup?> ArchiveBackupAsync();

    /// <summary>
    /// The shard's cut of a record list: how many of its journeys' rows match <paramref name="query"/> inside
    /// <paramref name="scope"/>, and the first <paramref name="limit"/> in the query's order. Read from the rows the
    /// journeys' changes keep up to date: no journey is called (after the shard's own reactivation, once, to rebuild them).
    /// </summary>
    Task<Domain.Records.RecordSlice> RecordsAsync(Domain.Records.RecordQuery query, Domain.Access.FigureScope scope, int limit);

    /// <summary>
    /// The deal part of the state of every journey of the shard that opened an opportunity, read from the record rows
    /// (<see cref="Domain.Records.CustomerRecord.DealState"/>): no journey called, none woken (after the shard's own
    /// reactivation, once, to rebuild the rows). In journey id order. The forecast and the Pipeline page read these.
    /// </summary>
    Task<IReadOnlyList<JourneyState>> DealStatesAsync();

    /// <summary>
    /// The shard's cut of the lead pool view inside <paramref name="scope"/> as of <paramref name="now"/> (leads in the
    /// pool, overdue for first contact, returned; counts by tag; deadline breaches per team), from the same rows.
    /// </summary>
    Task<Domain.Pool.PoolSlice> PoolAsync(Domain.Access.FigureScope scope, DateTimeOffset now, double deadlineHours, int limit);

    /// <summary>
    /// The shard's intent-grade figures inside <paramref name="scope"/>: open leads by grade now, and the leads created in
    /// [<paramref name="from"/>, <paramref name="to"/>) by grade, followed to deals and wins, from the same rows.
    /// </summary>
    Task<Domain.Grades.GradeSlice> GradesAsync(Domain.Access.FigureScope scope, DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// The orders the shard's journeys booked after <paramref name="after"/> and up to <paramref name="until"/> whose
    /// customer lies in <paramref name="scope"/>: the revenue line's drill-down, from the shard's order book
    /// (<see cref="Domain.Orders.OrderBook"/>), kept up to date by the journeys' changes; no journey called (after the
    /// shard's own reactivation, once, to rebuild it).
    /// </summary>
    Task<IReadOnlyList<Domain.Orders.RevenueOrder>> OrdersAsync(DateTimeOffset after, DateTimeOffset until, Domain.Access.FigureScope scope);

    /// <summary>Blanks the customer's name and company in the journey's row (its data was erased); false if the shard does not know it.</summary>
    Task<bool> EraseRecordAsync(string journeyId);

    /// <summary>Rows of its journey list (<see cref="ShardPages"/>) this activation of the shard has written.</summary>
    Task<long> PagesWrittenAsync();

    /// <summary>What the shard keeps of one journey (when it is next due, whether it is dormant); null if the shard does not know it.</summary>
    Task<ShardEntry?> EntryAsync(string journeyId);
}

/// <summary>
/// What a shard hands to the statistics grain: summed figure changes and the deals that closed. NeedsRecount: the
/// shard cannot vouch for its sums (it was just activated after its silo went away, or a journey call failed
/// midway), so the statistics must recount from the journeys rather than trust the deltas.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardDrain([property: Id(0)] IReadOnlyList<TallyDelta> Deltas, [property: Id(1)] IReadOnlyList<DealOutcome> Outcomes,
    [property: Id(2)] bool NeedsRecount = false);

/// <summary>
/// What a shard's step produced, for the simulation to route; <c>WonByRep</c>: won value booked per rep (for the reps'
/// plan standings); <c>CustomersByRegion</c> and <c>Revenue</c>: the step's change in current customers per region and
/// its revenue (for the long run's market and yearly plan).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardStepResult(
    [property: Id(0)] IReadOnlyList<ReferralLead> Referrals,
    [property: Id(1)] IReadOnlyList<RepRelease> Releases,
    [property: Id(2)] int Events,
    [property: Id(3)] int JourneysAdvanced,
    [property: Id(4)] IReadOnlyList<PoolReturn>? Returned = null,
    [property: Id(5)] IReadOnlyDictionary<string, decimal>? WonByRep = null,
    [property: Id(75)] IReadOnlyDictionary<string, long>? CustomersByRegion = null,
    [property: Id(76)] decimal Revenue = 0);

/// <summary>An open journey and the rep it goes to.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyHandover([property: Id(0)] string JourneyId, [property: Id(1)] RepAssignment Rep);

/// <summary>Events for one journey, in the order they arrived.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyBatch([property: Id(0)] string JourneyId, [property: Id(1)] IReadOnlyList<JourneyEvent> Events);

/// <summary>An open lead or opportunity of a rep, as a shard's record row has it.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenLead([property: Id(0)] string JourneyId, [property: Id(1)] string RepId, [property: Id(2)] string? TeamId, [property: Id(3)] string? RegionId);
