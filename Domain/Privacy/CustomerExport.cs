using Growth.Domain.Journeys;
using Growth.Domain.Ledger;

namespace Growth.Domain.Privacy;

/// <summary>What was asked about one customer's data: an export or an erasure.</summary>
public enum CustomerRequestKind { Export, Erase }

/// <summary>
/// One entry of a workspace's customer-data audit: who asked for what about which journey, and when; for an erasure,
/// how many free-text fields it blanked, and the workspace.
/// </summary>
public sealed record CustomerRequest(DateTimeOffset At, string By, string JourneyId, CustomerRequestKind Kind, int Erased = 0, string Workspace = "");

/// <summary>
/// Everything Growth stores about one customer (one journey of one workspace), as the JSON export answers it. Its
/// shape (<see cref="Shape"/> 1): the journey's state, the simulator's agenda for it (simulated journeys only), the
/// events it keeps (recent ones, ingested ones still re-orderable, ids of older ones), its money ledger entries (null
/// without a durable ledger), the win/loss review's entries and the notable events naming it, and the audit entries
/// about it. Nothing here is computed: each part is a copy of what is stored.
/// </summary>
public sealed record CustomerExport
{
    /// <summary>The version of this shape; a field added later keeps it, a field renamed or removed raises it.</summary>
    public const int CurrentShape = 1;

    public int Shape { get; init; } = CurrentShape;
    public required string Workspace { get; init; }
    public required string JourneyId { get; init; }
    public required DateTimeOffset ExportedAt { get; init; }
    /// <summary>When and by whom the personal data was erased, and the label shown since; null: never erased.</summary>
    public ErasureMark? Erased { get; init; }
    public required JourneyState State { get; init; }
    /// <summary>The simulator's agenda (hidden traits, next steps, invoices); null for a journey fed by a CRM.</summary>
    public JourneyPlan? Plan { get; init; }
    /// <summary>The most recent events (at most the journey's recent limit), oldest first.</summary>
    public required IReadOnlyList<JourneyEvent> RecentEvents { get; init; }
    /// <summary>Ingested events still re-orderable, in time order.</summary>
    public required IReadOnlyList<JourneyEvent> PendingEvents { get; init; }
    /// <summary>The state before <see cref="PendingEvents"/>; null while there are none.</summary>
    public JourneyState? StateBeforePending { get; init; }
    /// <summary>Ids of older applied events, remembered so a retried event counts once.</summary>
    public required IReadOnlyList<string> SettledEventIds { get; init; }
    /// <summary>The journey's money entries (orders, payments, refunds); null when there is no durable ledger.</summary>
    public IReadOnlyList<LedgerEntry>? Ledger { get; init; }
    public required IReadOnlyList<DealOutcome> RecentLosses { get; init; }
    public required IReadOnlyList<NotableEvent> Notables { get; init; }
    public required IReadOnlyList<CustomerRequest> Requests { get; init; }

    /// <summary>The journey's own data as the erasure sees it.</summary>
    public JourneyData Journey() => new(State, RecentEvents, PendingEvents, StateBeforePending);

    /// <summary>Every piece of free text the export holds (empty after an erasure).</summary>
    public IReadOnlyList<string> FreeText() =>
        [.. CustomerErasure.FreeTextOf(Journey()), .. RecentLosses.Select(l => l.Reason).OfType<string>()];
}
