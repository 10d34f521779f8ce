namespace Growth.Domain.Journeys;

/// <summary>The hidden truth about a simulated lead, drawn when it is created.</summary>
/// <param name="Effective">Real intent (true) or junk.</param>
/// <param name="Intent">Strength of intent, 0..1.</param>
/// <param name="Budget">What the customer can spend.</param>
/// <param name="Seed">Seed of the journey's own random draws (and of its Bogus persona).</param>
public sealed record LeadPersona(bool Effective, double Intent, decimal Budget, ulong Seed);

/// <summary>The rep a lead was assigned to, as the journey needs it to simulate the conversation.</summary>
/// <param name="HireDate">When the rep joined (ramp-up, see <see cref="Simulation.Behaviour.Ramp"/>); null: fully ramped.</param>
public sealed record RepAssignment(string RegionId, string TeamId, string RepId, double[] Skills, double Incentive, int Load, int Capacity,
    DateTimeOffset? HireDate = null);

/// <summary>Everything needed to start one simulated journey.</summary>
public sealed record JourneyStart
{
    public required string JourneyId { get; init; }
    long atTicks; short atOffset;
    public required DateTimeOffset At { get => PackedDate.ReadRequired(atTicks, atOffset); init => (atTicks, atOffset) = PackedDate.Pack(value); }
    public string? CampaignId { get; init; }
    public Channel Channel { get; init; }
    public required LeadPersona Persona { get; init; }
    public required RepAssignment Rep { get; init; }
    /// <summary>Enters as an existing customer (with <see cref="OpeningBalance"/> receivable) rather than as a lead.</summary>
    public bool Existing { get; init; }
    public decimal OpeningBalance { get; init; }
    /// <summary>Enters as an opportunity already open when the simulation starts (see <see cref="Simulation.InFlightDeals"/>); null: a new lead.</summary>
    public InFlightDeal? InFlight { get; init; }
    /// <summary>The lead's tags beyond channel and campaign (<see cref="JourneyState.Tags"/>); null: none.</summary>
    public string? Tags { get; init; }
}

/// <summary>An opportunity in flight at the start: the conversation step it has reached and when its lead was created.</summary>
public sealed record InFlightDeal(ConversationStep Reached, DateTimeOffset CreatedAt);

/// <summary>The next thing that happens before a sale.</summary>
public enum SaleAction { None, Contact, Qualify, FollowUp, Step, ReturnToPool, InPool }

/// <summary>The contract stage's next step (see <see cref="Simulation.ContractRules"/>).</summary>
public enum ContractStep { None, Draft, Decide, Redraft }

/// <summary>An invoice the simulated customer will pay on time, late, or never.</summary>
public sealed record PlannedInvoice(decimal Amount, DateTimeOffset DueAt, DateTimeOffset? PayAt, bool OverdueMarked)
{
    long billAtTicks; short billAtOffset;
    /// <summary>A later instalment: when it is invoiced (null: invoiced already).</summary>
    public DateTimeOffset? BillAt { get => PackedDate.Read(billAtTicks, billAtOffset); init => (billAtTicks, billAtOffset) = PackedDate.Pack(value); }
    /// <summary>Which instalment of how many (0: not an instalment).</summary>
    public int Instalment { get; init; }
    public int Of { get; init; }
    long chaseAtTicks; short chaseAtOffset;
    /// <summary>When the unpaid invoice is next chased (a reminder, then the write-off); null: never.</summary>
    public DateTimeOffset? ChaseAt { get => PackedDate.Read(chaseAtTicks, chaseAtOffset); init => (chaseAtTicks, chaseAtOffset) = PackedDate.Pack(value); }
    /// <summary>Reminders sent for it so far.</summary>
    public int Reminders { get; init; }

    public bool Late => PayAt is null || PayAt > DueAt;
    /// <summary>When this invoice next produces an event, if ever.</summary>
    public DateTimeOffset? NextAt => BillAt ?? (Late && !OverdueMarked ? DueAt : JourneyPlan.Min(ChaseAt, PayAt));
}

/// <summary>
/// The simulator's agenda for one journey: the hidden persona, the rep's traits it met, and when each
/// running process (sale, invoices, activation, retention, repurchase, referral, churn) next fires.
/// Mutable, owned by one journey; its random state makes every draw replayable.
/// </summary>
public sealed class JourneyPlan
{
    public ulong Rng { get; set; }
    public bool Effective { get; set; }
    public double Intent { get; set; }
    public decimal Budget { get; set; }
    public double Satisfaction { get; set; }
    public double[] Skills { get; set; } = [];
    public double Incentive { get; set; }
    long hireDateTicks; short hireDateOffset;
    /// <summary>When the rep the lead met joined (ramp-up); null: fully ramped.</summary>
    public DateTimeOffset? HireDate { get => PackedDate.Read(hireDateTicks, hireDateOffset); set => (hireDateTicks, hireDateOffset) = PackedDate.Pack(value); }
    public int MaxFollowUps { get; set; }
    /// <summary>Mean days between follow-ups at normal effort (the lead's intent grade); 0: the parameters' default.</summary>
    public double FollowUpDays { get; set; }
    /// <summary>Follow-ups made when the current rep took the lead (unanswered ones count from there).</summary>
    public int FollowUpsAtAssignment { get; set; }
    /// <summary>Why the lead goes (or went) back to the pool, and what the next rep resumes with.</summary>
    public string? PoolReason { get; set; }
    public SaleAction Resume { get; set; }

    public SaleAction Sale { get; set; }
    long saleAtTicks; short saleAtOffset;
    public DateTimeOffset? SaleAt { get => PackedDate.Read(saleAtTicks, saleAtOffset); set => (saleAtTicks, saleAtOffset) = PackedDate.Pack(value); }
    public List<PlannedInvoice> Invoices { get; set; } = [];
    long activateAtTicks; short activateAtOffset;
    public DateTimeOffset? ActivateAt { get => PackedDate.Read(activateAtTicks, activateAtOffset); set => (activateAtTicks, activateAtOffset) = PackedDate.Pack(value); }
    long retainAtTicks; short retainAtOffset;
    public DateTimeOffset? RetainAt { get => PackedDate.Read(retainAtTicks, retainAtOffset); set => (retainAtTicks, retainAtOffset) = PackedDate.Pack(value); }
    long repurchaseAtTicks; short repurchaseAtOffset;
    public DateTimeOffset? RepurchaseAt { get => PackedDate.Read(repurchaseAtTicks, repurchaseAtOffset); set => (repurchaseAtTicks, repurchaseAtOffset) = PackedDate.Pack(value); }
    long referralAtTicks; short referralAtOffset;
    public DateTimeOffset? ReferralAt { get => PackedDate.Read(referralAtTicks, referralAtOffset); set => (referralAtTicks, referralAtOffset) = PackedDate.Pack(value); }
    long churnAtTicks; short churnAtOffset;
    public DateTimeOffset? ChurnAt { get => PackedDate.Read(churnAtTicks, churnAtOffset); set => (churnAtTicks, churnAtOffset) = PackedDate.Pack(value); }
    /// <summary>Typical order value of this customer (repurchases are a share of it).</summary>
    public decimal BaseValue { get; set; }
    /// <summary>The contract stage: its next step and when; the deal's value before discount, the discount asked, the value quoted.</summary>
    public ContractStep Contract { get; set; }
    long contractAtTicks; short contractAtOffset;
    public DateTimeOffset? ContractAt { get => PackedDate.Read(contractAtTicks, contractAtOffset); set => (contractAtTicks, contractAtOffset) = PackedDate.Pack(value); }
    public decimal ListValue { get; set; }
    public double Discount { get; set; }
    public decimal QuotedValue { get; set; }
    long reviewAtTicks; short reviewAtOffset;
    /// <summary>The next retention check-in of a graded customer (see <see cref="Simulation.CustomerRules"/>), and when they last bought.</summary>
    public DateTimeOffset? ReviewAt { get => PackedDate.Read(reviewAtTicks, reviewAtOffset); set => (reviewAtTicks, reviewAtOffset) = PackedDate.Pack(value); }
    long lastPurchaseAtTicks; short lastPurchaseAtOffset;
    public DateTimeOffset? LastPurchaseAt { get => PackedDate.Read(lastPurchaseAtTicks, lastPurchaseAtOffset); set => (lastPurchaseAtTicks, lastPurchaseAtOffset) = PackedDate.Pack(value); }
    long leaveAtTicks; short leaveAtOffset;
    /// <summary>When a graded customer leaves at their grade's hazard (drawn again at each change of grade); null: not graded.</summary>
    public DateTimeOffset? LeaveAt { get => PackedDate.Read(leaveAtTicks, leaveAtOffset); set => (leaveAtTicks, leaveAtOffset) = PackedDate.Pack(value); }

    /// <summary>When the next event is due, or null if the journey has nothing more to do.</summary>
    public DateTimeOffset? NextDue()
    {
        var min = Min(SaleAt, ContractAt);
        foreach (var inv in Invoices) min = Min(min, inv.NextAt);
        min = Min(min, ActivateAt);
        min = Min(min, RetainAt);
        min = Min(min, RepurchaseAt);
        min = Min(min, ReferralAt);
        min = Min(min, ReviewAt);
        min = Min(min, LeaveAt);
        return Min(min, ChurnAt);
    }

    internal static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}

/// <summary>A new lead created by a customer's referral.</summary>
public sealed record ReferralLead(string LeadId, DateTimeOffset At, string? RegionId, string ReferrerId, ulong Seed);

/// <summary>A lead that went back to the pool: the rep and team it left, to be reassigned by the team's rule.</summary>
public sealed record PoolReturn(string JourneyId, string RegionId, string TeamId, string RepId, DateTimeOffset At, string Reason);

/// <summary>What advancing a journey produced.</summary>
public sealed record JourneyAdvance(JourneyState State, IReadOnlyList<JourneyEvent> Events, IReadOnlyList<ReferralLead> Referrals, DateTimeOffset? NextDue,
    PoolReturn? Returned = null);
