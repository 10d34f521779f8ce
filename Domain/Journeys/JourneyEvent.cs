namespace Growth.Domain.Journeys;

/// <summary>The one event language spoken by the simulator, the ingestion API and everything downstream.</summary>
public enum EventKind
{
    /// <summary>A lead enters the pool (campaign, channel, region, stated budget).</summary>
    LeadCreated,
    /// <summary>An existing customer enters the workspace as a customer, with any opening balance.</summary>
    CustomerOnboarded,
    /// <summary>Marketing hands the lead to a team and rep.</summary>
    LeadAssigned,
    /// <summary>A rep's touch; the first one is the first contact.</summary>
    Contacted,
    /// <summary>Intent judged real.</summary>
    Qualified,
    /// <summary>Intent judged junk, or the lead went cold before an opportunity.</summary>
    Disqualified,
    /// <summary>A follow-up touch of a qualified customer.</summary>
    FollowedUp,
    /// <summary>A sales opportunity with a value.</summary>
    OpportunityOpened,
    /// <summary>A conversation step passed.</summary>
    StepPassed,
    /// <summary>The customer raised an objection.</summary>
    ObjectionRaised,
    /// <summary>The deal is won with its value.</summary>
    Won,
    /// <summary>The deal is lost, with the step and the reason.</summary>
    Lost,
    /// <summary>A first order signed after a win.</summary>
    OrderSigned,
    /// <summary>An invoice falls due.</summary>
    PaymentDue,
    /// <summary>Money collected.</summary>
    PaymentReceived,
    /// <summary>An unpaid amount passed its due date.</summary>
    PaymentOverdue,
    /// <summary>The customer had the first low-threshold experience and started using the product.</summary>
    Activated,
    /// <summary>The customer stayed through the retention period.</summary>
    Retained,
    /// <summary>A further order from an existing customer.</summary>
    Repurchased,
    /// <summary>The customer referred someone, who becomes a new lead.</summary>
    Referred,
    /// <summary>Money returned to a dissatisfied customer.</summary>
    Refunded,
    /// <summary>The customer cancelled and left.</summary>
    Churned,
    /// <summary>The lead went back to the pool (untouched past the first-contact deadline, or unanswered follow-ups), with the reason.</summary>
    ReturnedToPool,
    /// <summary>A lead from the pool handed to a team and rep, with the reason it was in the pool.</summary>
    Reassigned,
    /// <summary>A qualified lead given its intent grade (A–D), or a customer its customer grade (A–D, value × activity).</summary>
    Graded,
    /// <summary>After the verbal win, the contract is drafted at the quoted value (amount).</summary>
    ContractDrafted,
    /// <summary>The contract's discount is above the rep's limit: a manager's approval is asked for (amount: the quoted value; reason: the discount).</summary>
    ApprovalRequested,
    /// <summary>The manager approved the discount; the order can be signed.</summary>
    ApprovalGranted,
    /// <summary>The manager refused the discount (reason); the rep re-quotes at the limit.</summary>
    ApprovalRefused,
    /// <summary>One instalment of an instalment plan is invoiced (amount, due date; reason: which instalment).</summary>
    InstalmentDue,
    /// <summary>A payment reminder for an unpaid invoice N days past due (amount: what is unpaid).</summary>
    ReminderSent,
    /// <summary>An unpaid amount is given up after the write-off period: it leaves receivables (revenue stays booked).</summary>
    WrittenOff,
}

/// <summary>
/// One domain event about one customer journey. Flat on purpose: the same shape arrives as JSON from a CRM
/// and is produced by the simulator. Fields not used by a kind are left empty.
/// </summary>
public sealed record JourneyEvent
{
    /// <summary>Unique id of the event (a retried event carries the same id).</summary>
    public required string Id { get; init; }
    /// <summary>
    /// The journey (lead or customer) the event is about. Required by the batch ingestion API, which routes each
    /// event by it; the simulator and the one-journey endpoint leave it empty because the journey is known there.
    /// </summary>
    public string? JourneyId { get; init; }
    public required EventKind Kind { get; init; }
    long atTicks; short atOffset;
    /// <summary>When it happened (simulated or real time).</summary>
    public required DateTimeOffset At { get => PackedDate.ReadRequired(atTicks, atOffset); init => (atTicks, atOffset) = PackedDate.Pack(value); }
    /// <summary>Money: deal value, order value, invoice, payment or refund amount.</summary>
    public decimal Amount { get; init; }
    public ConversationStep? Step { get; init; }
    public ObjectionType? Objection { get; init; }
    public string? Reason { get; init; }
    public string? CampaignId { get; init; }
    public Channel? Channel { get; init; }
    public string? RegionId { get; init; }
    public string? TeamId { get; init; }
    public string? RepId { get; init; }
    /// <summary>For <see cref="EventKind.Referred"/>: the id of the lead created by the referral.</summary>
    public string? ReferredLeadId { get; init; }
    long dueAtTicks; short dueAtOffset;
    /// <summary>For <see cref="EventKind.PaymentDue"/>, <see cref="EventKind.InstalmentDue"/> and <see cref="EventKind.CustomerOnboarded"/>: when the invoice falls due.</summary>
    public DateTimeOffset? DueAt { get => PackedDate.Read(dueAtTicks, dueAtOffset); init => (dueAtTicks, dueAtOffset) = PackedDate.Pack(value); }
    long expectedCloseAtTicks; short expectedCloseAtOffset;
    /// <summary>Optional on any event of an open deal (live data): the rep's expected close date; a later date than before counts as a push.</summary>
    public DateTimeOffset? ExpectedCloseAt { get => PackedDate.Read(expectedCloseAtTicks, expectedCloseAtOffset); init => (expectedCloseAtTicks, expectedCloseAtOffset) = PackedDate.Pack(value); }
    /// <summary>Optional on any event of an open deal (live data): the rep's forecast category.</summary>
    public Forecast.ForecastCategory? ForecastCategory { get; init; }
    /// <summary>For <see cref="EventKind.Graded"/>: the intent grade of a lead; of a customer, the customer grade with the same letter (value × activity).</summary>
    public Simulation.IntentGrade? Grade { get; init; }
    /// <summary>Optional on any event (live data, CRM imports): the customer's contact person as the CRM holds them; the record lists show it.</summary>
    public string? ContactName { get; init; }
    /// <summary>Optional on any event (live data, CRM imports): the customer's company (account) as the CRM holds it.</summary>
    public string? CompanyName { get; init; }
    /// <summary>
    /// For <see cref="EventKind.LeadCreated"/>: the lead's tags beyond its channel and campaign, "kind:value" separated by ';'
    /// (kinds segment, product, tag: "segment:distributor;tag:key-account"; <see cref="Organisations.LeadTagText"/>).
    /// </summary>
    public string? Tags { get; init; }
}
