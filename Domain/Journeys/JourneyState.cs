namespace Growth.Domain.Journeys;

/// <summary>
/// Everything known about one customer journey: the single source of truth for that customer.
/// Compact on purpose (no event list): history is kept apart, bounded.
/// </summary>
public sealed record JourneyState
{
    public string Id { get; init; } = "";
    public JourneyStatus Status { get; init; }
    /// <summary>Furthest funnel stage reached; null for an existing customer who never walked the funnel here.</summary>
    public FunnelStage? Stage { get; init; }
    /// <summary>True when the journey entered as an existing customer rather than as a lead.</summary>
    public bool Existing { get; init; }

    public string? CampaignId { get; init; }
    public Channel? Channel { get; init; }
    public string? RegionId { get; init; }
    public string? TeamId { get; init; }
    public string? RepId { get; init; }

    long createdAtTicks; short createdAtOffset;
    public DateTimeOffset? CreatedAt { get => PackedDate.Read(createdAtTicks, createdAtOffset); init => (createdAtTicks, createdAtOffset) = PackedDate.Pack(value); }
    long assignedAtTicks; short assignedAtOffset;
    public DateTimeOffset? AssignedAt { get => PackedDate.Read(assignedAtTicks, assignedAtOffset); init => (assignedAtTicks, assignedAtOffset) = PackedDate.Pack(value); }
    long firstContactAtTicks; short firstContactAtOffset;
    public DateTimeOffset? FirstContactAt { get => PackedDate.Read(firstContactAtTicks, firstContactAtOffset); init => (firstContactAtTicks, firstContactAtOffset) = PackedDate.Pack(value); }
    long qualifiedAtTicks; short qualifiedAtOffset;
    public DateTimeOffset? QualifiedAt { get => PackedDate.Read(qualifiedAtTicks, qualifiedAtOffset); init => (qualifiedAtTicks, qualifiedAtOffset) = PackedDate.Pack(value); }
    long opportunityAtTicks; short opportunityAtOffset;
    public DateTimeOffset? OpportunityAt { get => PackedDate.Read(opportunityAtTicks, opportunityAtOffset); init => (opportunityAtTicks, opportunityAtOffset) = PackedDate.Pack(value); }
    long closedAtTicks; short closedAtOffset;
    public DateTimeOffset? ClosedAt { get => PackedDate.Read(closedAtTicks, closedAtOffset); init => (closedAtTicks, closedAtOffset) = PackedDate.Pack(value); }
    long lastEventAtTicks; short lastEventAtOffset;
    public DateTimeOffset? LastEventAt { get => PackedDate.Read(lastEventAtTicks, lastEventAtOffset); init => (lastEventAtTicks, lastEventAtOffset) = PackedDate.Pack(value); }

    public int Contacts { get; init; }
    public int FollowUps { get; init; }

    public decimal OpportunityValue { get; init; }
    /// <summary>Furthest conversation step passed.</summary>
    public ConversationStep? LastStep { get; init; }
    long stepAtTicks; short stepAtOffset;
    /// <summary>When the deal entered its current step: the opportunity's opening, then each step passed.</summary>
    public DateTimeOffset? StepAt { get => PackedDate.Read(stepAtTicks, stepAtOffset); init => (stepAtTicks, stepAtOffset) = PackedDate.Pack(value); }
    long expectedCloseAtTicks; short expectedCloseAtOffset;
    /// <summary>Expected close date the CRM sent (live data); null: the forecast derives the rep's own judgement.</summary>
    public DateTimeOffset? ExpectedCloseAt { get => PackedDate.Read(expectedCloseAtTicks, expectedCloseAtOffset); init => (expectedCloseAtTicks, expectedCloseAtOffset) = PackedDate.Pack(value); }
    /// <summary>Times an event moved <see cref="ExpectedCloseAt"/> later (the deal slipped).</summary>
    public int CloseDatePushes { get; init; }
    /// <summary>Forecast category the CRM sent (live data); null: the forecast derives it from the step.</summary>
    public Forecast.ForecastCategory? ForecastCategory { get; init; }
    public ObjectionType? LastObjection { get; init; }
    /// <summary>The objection that lost the deal, if one did.</summary>
    public ObjectionType? LostObjection { get; init; }
    public bool Won { get; init; }
    public decimal WonValue { get; init; }
    public ConversationStep? LostStep { get; init; }
    public string? LostReason { get; init; }

    /// <summary>Orders signed: the first order plus repurchases.</summary>
    public int Orders { get; init; }
    public decimal OrderValue { get; init; }
    public int Repurchases { get; init; }
    public int Referrals { get; init; }

    /// <summary>Receivable carried in by an existing customer from before the workspace began.</summary>
    public decimal OpeningBalance { get; init; }
    public decimal Billed { get; init; }
    public decimal Collected { get; init; }
    public decimal Overdue { get; init; }
    long overdueSinceTicks; short overdueSinceOffset;
    /// <summary>When the currently overdue money first went overdue (for receivables ageing).</summary>
    public DateTimeOffset? OverdueSince { get => PackedDate.Read(overdueSinceTicks, overdueSinceOffset); init => (overdueSinceTicks, overdueSinceOffset) = PackedDate.Pack(value); }
    public decimal Refunded { get; init; }
    /// <summary>Unpaid money given up after the write-off period: no longer a receivable.</summary>
    public decimal WrittenOff { get; init; }
    public decimal Outstanding => Billed - Collected - WrittenOff;
    /// <summary>Instalments invoiced (events <see cref="EventKind.InstalmentDue"/>).</summary>
    public int Instalments { get; init; }
    /// <summary>Payment reminders sent.</summary>
    public int Reminders { get; init; }

    long contractAtTicks; short contractAtOffset;
    /// <summary>When the contract of the first order was (last) drafted, after the verbal win.</summary>
    public DateTimeOffset? ContractAt { get => PackedDate.Read(contractAtTicks, contractAtOffset); init => (contractAtTicks, contractAtOffset) = PackedDate.Pack(value); }
    long approvalSinceTicks; short approvalSinceOffset;
    /// <summary>When the discount approval now waiting was asked for; null: none waiting.</summary>
    public DateTimeOffset? ApprovalSince { get => PackedDate.Read(approvalSinceTicks, approvalSinceOffset); init => (approvalSinceTicks, approvalSinceOffset) = PackedDate.Pack(value); }
    /// <summary>Value of the contract waiting for approval.</summary>
    public decimal ApprovalValue { get; init; }
    public int ApprovalsRequested { get; init; }
    public int ApprovalsRefused { get; init; }
    long orderAtTicks; short orderAtOffset;
    /// <summary>When the first order was signed.</summary>
    public DateTimeOffset? OrderAt { get => PackedDate.Read(orderAtTicks, orderAtOffset); init => (orderAtTicks, orderAtOffset) = PackedDate.Pack(value); }
    long followUpAtTicks; short followUpAtOffset;
    /// <summary>
    /// When the journey reached the follow-up stage (its first follow-up, or an opportunity opened without one) and the
    /// payment stage (its first payment): with <see cref="CreatedAt"/>, <see cref="QualifiedAt"/>, <see cref="OpportunityAt"/>
    /// and <see cref="OrderAt"/>, the time it entered each funnel stage. Null: not reached, or reached before these were kept.
    /// </summary>
    public DateTimeOffset? FollowUpAt { get => PackedDate.Read(followUpAtTicks, followUpAtOffset); init => (followUpAtTicks, followUpAtOffset) = PackedDate.Pack(value); }
    long paidAtTicks; short paidAtOffset;
    public DateTimeOffset? PaidAt { get => PackedDate.Read(paidAtTicks, paidAtOffset); init => (paidAtTicks, paidAtOffset) = PackedDate.Pack(value); }

    public bool Activated { get; init; }
    public bool Retained { get; init; }
    public int EventCount { get; init; }
    /// <summary>In the lead pool: returned by its rep, waiting to be reassigned.</summary>
    public bool InPool { get; init; }
    /// <summary>Times the lead went back to the pool.</summary>
    public int Returns { get; init; }
    /// <summary>Intent grade given at qualification, if any.</summary>
    public Simulation.IntentGrade? Grade { get; init; }
    /// <summary>The contact person the CRM's events named (live or imported data); null: none sent (simulated journeys draw a face instead).</summary>
    public string? ContactName { get; init; }
    /// <summary>The company (account) the CRM's events named; null: none sent.</summary>
    public string? CompanyName { get; init; }
    /// <summary>Customer grade (value × activity) given to a customer by a Graded event, if the rule grades customers.</summary>
    public Simulation.CustomerGrade? CustomerGrade { get; init; }
    /// <summary>
    /// The lead's tags beyond its channel and campaign (segment, product, custom), as one text (<see cref="Organisations.LeadTagText"/>:
    /// "segment:distributor;tag:key-account"); null: none (or created before tags were kept).
    /// </summary>
    public string? Tags { get; init; }

    public bool IsClosed => Status is JourneyStatus.Disqualified or JourneyStatus.Lost or JourneyStatus.Churned;
    public bool IsCustomer => Status is JourneyStatus.Customer;
    public bool HasOpenOpportunity => Status == JourneyStatus.Prospect && OpportunityAt is not null;

    /// <summary>Days from opportunity to close, for a won or lost opportunity.</summary>
    public double? DaysToClose => OpportunityAt is { } o && ClosedAt is { } c ? (c - o).TotalDays : null;
}

/// <summary>The result of applying one event: the new state, or the reason it was refused (state unchanged).</summary>
public readonly record struct Transition(JourneyState State, string? Error)
{
    public bool Accepted => Error is null;
}
