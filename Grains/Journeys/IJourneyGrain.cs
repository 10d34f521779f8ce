using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Privacy;
using Growth.Grains.Organisations;
using Growth.Grains.Simulation;

namespace Growth.Grains.Journeys;

/// <summary>One customer journey: the single source of truth for one lead or customer. Key: "{workspace}/{journeyId}".</summary>
public interface IJourneyGrain : IGrainWithStringKey
{
    /// <summary>Creates the simulated journey and advances it to <paramref name="until"/>.</summary>
    Task<JourneyStepResult> StartAsync(JourneyStart start, ParametersRef parameters, DateTimeOffset until);

    /// <summary>Applies everything the simulation has due up to <paramref name="until"/>.</summary>
    Task<JourneyStepResult> AdvanceAsync(ParametersRef parameters, DateTimeOffset until);

    /// <summary>Applies external events atomically: all or none.</summary>
    Task<(ApplyResult Result, JourneyStepResult Step)> ApplyAsync(IReadOnlyList<JourneyEvent> events);

    /// <summary>
    /// Offers external events one by one, in the order given: each is applied in its place in time (an older one
    /// is re-ordered into the journey's recent past), recognised as a duplicate of an event already applied, or
    /// rejected with the reason. One result per event, same order.
    /// </summary>
    Task<(IReadOnlyList<EventOutcome> Outcomes, JourneyStepResult Step)> IngestAsync(IReadOnlyList<JourneyEvent> events);

    /// <summary>
    /// Hands the journey to another rep at <paramref name="at"/> if it is still an open lead or opportunity of one
    /// of <paramref name="fromReps"/> (its rep left); otherwise changes nothing.
    /// </summary>
    Task<JourneyStepResult> ReassignAsync(RepAssignment rep, IReadOnlyList<string> fromReps, DateTimeOffset at, string? reason = null);

    /// <summary>Hands the lead, waiting in the pool, to <paramref name="rep"/> and advances it to <paramref name="until"/>.</summary>
    Task<JourneyStepResult> TakeFromPoolAsync(RepAssignment rep, ParametersRef parameters, DateTimeOffset until);

    /// <summary>
    /// The journey with its recent events, or null if it does not exist. A journey woken only to be read (it was
    /// dormant, see <see cref="Dormancy"/>) goes back to sleep after answering.
    /// </summary>
    Task<JourneyView?> GetAsync();

    /// <summary>
    /// The journey's row of the record lists (null if it does not exist): for a shard that lost its rows with its
    /// activation. A journey woken only for this goes back to sleep.
    /// </summary>
    Task<Domain.Records.CustomerRecord?> RecordAsync();

    /// <summary>
    /// Every order the journey booked (empty: none, or not exactly known for a journey stored before orders were
    /// listed): for a shard that lost its order book with its activation. A journey woken only for this goes back to sleep.
    /// </summary>
    Task<IReadOnlyList<Domain.Orders.OrderLine>> OrdersAsync();

    /// <summary>Forgets the journey (workspace reset).</summary>
    Task ClearAsync();

    /// <summary>Everything the journey stores, for a customer's data export; null if it does not exist.</summary>
    Task<JourneyDataCopy?> ExportCustomerAsync();

    /// <summary>
    /// Erases the customer's personal data (free text) and keeps every figure; marks the journey erased by
    /// <paramref name="by"/> at <paramref name="at"/>. Erasing again changes nothing. Null if the journey does not exist.
    /// </summary>
    Task<JourneyErasure?> EraseAsync(string by, DateTimeOffset at);
}

/// <summary>A copy of what one journey stores: its data, the simulator's agenda, the ids of older events, the erasure mark.</summary>
[GenerateSerializer]
public sealed record JourneyDataCopy(
    [property: Id(0)] JourneyData Data, [property: Id(1)] JourneyPlan? Plan, [property: Id(2)] IReadOnlyList<string> SettledIds,
    [property: Id(3)] ErasureMark? Erased);

/// <summary>What an erasure did: the mark (the first erasure's), what it blanked, and whether the journey was erased already.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyErasure([property: Id(0)] ErasureMark Mark, [property: Id(1)] ErasedFields Erased, [property: Id(2)] bool Already);

/// <summary>
/// What one journey call changed: figures to aggregate, referral leads to create, when it is due next, its row of the record lists (null: unchanged), every order it booked when this call booked one (null: no new order). Dormant: nothing
/// is due within the horizon (<see cref="Dormancy"/>), so the journey left memory after this call (its state written).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JourneyStepResult(
    [property: Id(0)] IReadOnlyList<TallyDelta> Deltas,
    [property: Id(1)] IReadOnlyList<ReferralLead> Referrals,
    [property: Id(2)] DateTimeOffset? NextDue,
    [property: Id(3)] RepRelease? Release,
    [property: Id(4)] int Events,
    [property: Id(5)] DealOutcome? Outcome = null,
    [property: Id(6)] PoolReturn? Returned = null,
    [property: Id(7)] bool Dormant = false,
    [property: Id(8)] Domain.Records.CustomerRecord? Record = null,
    [property: Id(186)] IReadOnlyList<Domain.Orders.OrderLine>? Orders = null)
{
    public static JourneyStepResult Nothing(DateTimeOffset? nextDue) => new([], [], nextDue, null, 0);
}

/// <summary>The outcome of applying external events to one journey.</summary>
[GenerateSerializer, Immutable]
public sealed record ApplyResult([property: Id(0)] bool Accepted, [property: Id(1)] string? Error, [property: Id(2)] JourneyState State);

/// <summary>What became of one ingested event.</summary>
public enum EventResult
{
    /// <summary>Applied to its journey.</summary>
    Accepted,
    /// <summary>Its id was already applied to that journey: applied once, nothing changed.</summary>
    Duplicate,
    /// <summary>Refused for the reason given; nothing changed.</summary>
    Rejected,
    /// <summary>Its id was already applied to that journey with different content: nothing changed, the reason says what differs.</summary>
    Conflict,
}

/// <summary>The outcome of one ingested event: accepted, duplicate, or rejected with the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record EventOutcome([property: Id(0)] EventResult Result, [property: Id(1)] string? Reason = null);

/// <summary>One journey as a page shows it: its state and its most recent events.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyView([property: Id(0)] string Workspace, [property: Id(1)] JourneyState State, [property: Id(2)] IReadOnlyList<JourneyEvent> Recent,
    [property: Id(3)] ErasureMark? Erased = null);
