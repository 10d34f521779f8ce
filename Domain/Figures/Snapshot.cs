using Growth.Domain.Journeys;

namespace Growth.Domain.Figures;

/// <summary>One workspace's figures at one moment: the contract other parts (dashboard, API) read.</summary>
public sealed record WorkspaceSnapshot
{
    public required string Workspace { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    /// <summary>Grows by one each time the figures change.</summary>
    public long Version { get; init; }
    public required IReadOnlyList<FunnelStageFigures> Funnel { get; init; }
    public required DealFigures Deals { get; init; }
    public required RevenueFigures Revenue { get; init; }
    public required LifecycleFigures Lifecycle { get; init; }
    public required ReceivableFigures Receivables { get; init; }
    /// <summary>The contract stage and collections: approvals waiting, reminders, write-offs, days sales outstanding.</summary>
    public CollectionFigures Collections { get; init; } = new();
    /// <summary>Current customers by customer grade (all zero when the setup does not grade customers).</summary>
    public CustomerGradeMix CustomerGrades { get; init; } = new();
    public required IReadOnlyList<GroupFigures> Regions { get; init; }
    public required IReadOnlyList<GroupFigures> Teams { get; init; }
    public required IReadOnlyList<GroupFigures> Reps { get; init; }
    /// <summary>Reps who left, most recent first: their deals stay in their team's figures; they have no target.</summary>
    public IReadOnlyList<GroupFigures> FormerReps { get; init; } = [];
    public required IReadOnlyList<CampaignFigures> Campaigns { get; init; }
    /// <summary>Journeys known to the workspace.</summary>
    public long Journeys { get; init; }
    /// <summary>Leads the workspace has had (journeys of new prospects), all time.</summary>
    public long Leads { get; init; }
    /// <summary>Month (1..12) the company's fiscal year starts in (its setup's).</summary>
    public int FiscalYearStartMonth { get; init; } = 1;
    /// <summary>The company's time zone (its setup's IANA id): its days and periods are counted in it.</summary>
    public string TimeZone { get; init; } = "UTC";
    /// <summary>
    /// The figures of a period someone asked for (the API's <c>?period=&amp;compare=</c>) and of its comparison; null
    /// when none was asked for. Built on request from the daily history, never by the statistics grain.
    /// </summary>
    public Periods.PeriodReport? InPeriod { get; init; }
    /// <summary>Average hours from lead creation to first contact; null when no first contact is known (an import without contact times).</summary>
    public double? AverageHoursToFirstContact { get; init; }
    /// <summary>Revenue against target in the current quarter, with a projection to its end.</summary>
    public PeriodFigures? Period { get; init; }
    /// <summary>Open opportunities by the conversation step they are working on.</summary>
    public IReadOnlyList<StepCount> Pipeline { get; init; } = [];
    /// <summary>Win/loss review: lost deals by step and by objection.</summary>
    public LossFigures Losses { get; init; } = new([], []);
    /// <summary>Each stage's conversion against its baseline, anomalies and the bottleneck.</summary>
    public InsightFigures? Insight { get; init; }
    /// <summary>The most recently lost deals, newest first.</summary>
    public IReadOnlyList<DealOutcome> RecentLosses { get; init; } = [];
    /// <summary>Recent notable events (large wins, anomalies), newest first.</summary>
    public IReadOnlyList<NotableEvent> Notables { get; init; } = [];
    /// <summary>Grows when a history point is added (clients re-read the history then).</summary>
    public long HistoryVersion { get; init; }
    /// <summary>The workspace's simulated clock, if it is a simulation.</summary>
    public ClockStatus? Clock { get; init; }
    /// <summary>Setup changes a running simulation took up, oldest first: the Overview's revenue chart marks each.</summary>
    public IReadOnlyList<SetupMark> SetupMarks { get; init; } = [];
    /// <summary>How the workspace writes money and counts its periods (from its setup's company part).</summary>
    public MoneyStyle Money { get; init; } = MoneyStyle.Default;
    /// <summary>
    /// The figures are an imported history's: <see cref="AsOf"/> is the history's now (its last event, or a date picked at
    /// import), and what an export does not carry (payments, which customers already were) is unknown rather than 0.
    /// </summary>
    public bool FromHistory { get; init; }
    /// <summary>No payment is in the data: receivables are unknown (an import without payments), not 0.</summary>
    public bool ReceivablesUnknown => FromHistory && Receivables is { Billed: 0, Collected: 0, Outstanding: 0 };
    /// <summary>The data does not say which customers already were: existing customers are unknown, not 0.</summary>
    public bool ExistingCustomersUnknown => FromHistory && Revenue.ExistingCustomers == 0;
}

/// <summary>A setup version a running simulation took up, at simulated time <paramref name="At"/>; the summary says what changed.</summary>
public sealed record SetupMark(int Version, DateTimeOffset At, string Summary);

/// <summary>The workspace's currency as pages show it: ISO code, symbol and the culture numbers are written in.</summary>
public sealed record MoneyStyle(string Code, string Symbol, string Culture)
{
    public static MoneyStyle Default { get; } = new("USD", "$", "en-US");
}

/// <summary>A simulation's clock as the pages show it.</summary>
public sealed record ClockStatus(bool Running, double Speed, ulong Seed, DateTimeOffset Start);

public sealed record StepCount(ConversationStep Step, long Count);

public sealed record ObjectionCount(string Objection, long Count);

public sealed record LossFigures(IReadOnlyList<StepCount> ByStep, IReadOnlyList<ObjectionCount> ByObjection)
{
    /// <summary>Lost deals whose step is not known (not in <see cref="ByStep"/>).</summary>
    public long StepUnknown { get; init; }
}

/// <summary>Receivables by age: not yet due, and overdue by days past due.</summary>
public sealed record AgeingFigures(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90);

public sealed record FunnelStageFigures(FunnelStage Stage, long Entered, long Current, double ConversionToNext);

/// <param name="AverageWonValue">Over the wins whose value is known.</param>
public sealed record DealFigures(long Won, long Lost, long Open, double WinRate, decimal WonValue, decimal AverageWonValue, double AverageDaysToClose)
{
    /// <summary>Wins whose value is not known: in <see cref="Won"/> and the win rate, not in the value average.</summary>
    public long WonValueUnknown { get; init; }
}

/// <summary>
/// The performance formula, factor by factor:
/// total = (effectiveLeads x leadConversion + existingCustomers) x repurchaseCount x averageOrderValue.
/// </summary>
public sealed record RevenueFigures
{
    public decimal Total { get; init; }
    public long EffectiveLeads { get; init; }
    /// <summary>New customers per effective lead.</summary>
    public double LeadConversion { get; init; }
    public long ExistingCustomers { get; init; }
    /// <summary>Orders per customer: the repurchase factor of the formula.</summary>
    public double RepurchaseCount { get; init; }
    public decimal AverageOrderValue { get; init; }
    public long Customers { get; init; }
    public long NewCustomers { get; init; }
    public long Orders { get; init; }
    /// <summary>Orders beyond a customer's first.</summary>
    public long Repurchases { get; init; }
}

public sealed record LifecycleFigures(long Acquired, long Activated, long Retained, long Upsold, long Referred, long Churned)
{
    /// <summary>Referral leads created by customers.</summary>
    public long Referrals { get; init; }
}

public sealed record ReceivableFigures(decimal Collected, decimal Outstanding, decimal Overdue)
{
    public decimal Billed { get; init; }
    public decimal Refunded { get; init; }
    public AgeingFigures Ageing { get; init; } = new(0, 0, 0, 0, 0);
}

/// <summary>A region, team or rep row.</summary>
public record GroupFigures
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The enclosing group (team's region, rep's team), if any.</summary>
    public string? ParentId { get; init; }
    public long Won { get; init; }
    public long Lost { get; init; }
    public long Open { get; init; }
    public double WinRate { get; init; }
    public decimal WonValue { get; init; }
    public decimal AverageWonValue { get; init; }
    public double AverageDaysToClose { get; init; }
    public long Leads { get; init; }
    public decimal Revenue { get; init; }
    /// <summary>Average hours from lead to first contact; null when no first contact is known.</summary>
    public double? AverageHoursToFirstContact { get; init; }
    /// <summary>Wins whose value is not known (in <see cref="Won"/>, not in <see cref="AverageWonValue"/>).</summary>
    public long WonValueUnknown { get; init; }
    /// <summary>Revenue target for the current quarter (reps' targets, summed up the hierarchy).</summary>
    public decimal Target { get; init; }
    /// <summary>Revenue booked in the current quarter.</summary>
    public decimal PeriodRevenue { get; init; }
    /// <summary>Period revenue / target.</summary>
    public double Attainment { get; init; }
    /// <summary>A rep who joined during the current quarter: when (they have no target in it). Null otherwise.</summary>
    public DateTimeOffset? JoinedAt { get; init; }
    /// <summary>A former rep (<see cref="WorkspaceSnapshot.FormerReps"/>): when they left.</summary>
    public DateTimeOffset? LeftAt { get; init; }
    /// <summary>Lost deals by conversation step, indexed by <see cref="ConversationStep"/>.</summary>
    public long[] LostByStep { get; init; } = [];
    /// <summary>Lost deals whose step is not known (not in <see cref="LostByStep"/>).</summary>
    public long LostStepUnknown { get; init; }
    /// <summary>Open opportunities by the step they are working on, indexed by <see cref="ConversationStep"/>.</summary>
    public long[] OpenByStep { get; init; } = [];
    /// <summary>Journeys of the group that have entered each funnel stage, indexed by <see cref="FunnelStage"/> (the digital twin judges them).</summary>
    public long[] EnteredByStage { get; init; } = [];
}

/// <summary>A campaign row: the deal figures of the customers it brought, and what it cost.</summary>
public sealed record CampaignFigures : GroupFigures
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public CampaignFigures(GroupFigures row) : base(row) { }

    /// <summary>For deserialisation (snapshots cross grain and process boundaries as JSON).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public CampaignFigures() { }

    public Channel? Channel { get; init; }
    public decimal Spend { get; init; }
    public long Touches { get; init; }
    public long EffectiveLeads { get; init; }
    public decimal CostPerEffectiveLead { get; init; }
    /// <summary>Revenue from customers the campaign brought in, repurchases included (same as <see cref="GroupFigures.Revenue"/>).</summary>
    public decimal AttributedRevenue { get; init; }
    /// <summary>(attributed revenue - spend) / spend.</summary>
    public double Roi { get; init; }
}
