using Growth.Domain.Simulation;

namespace Growth.Domain.Setup;

/// <summary>
/// How the company works its leads: a first-contact deadline, when an untouched or unanswered lead goes back to the
/// pool to be reassigned (by its team's assignment rule: least loaded, round-robin, skill match or territory owner), the lead tags and the tag rules that route leads to teams, and the intent
/// grades that set each qualified lead's follow-up cadence and persistence. Defaults run an empty setup.
/// </summary>
public sealed record RulesSetup
{
    /// <summary>Hours from assignment by which a lead must be contacted; reps pace their first contact to it.</summary>
    public double FirstContactDeadlineHours { get; init; } = 24;
    /// <summary>Unanswered follow-ups after which a qualified lead returns to the pool (0: never).</summary>
    public int UnansweredFollowUps { get; init; }
    /// <summary>Times one lead may return to the pool; after that it stays with its rep.</summary>
    public int MaxReturns { get; init; } = 2;
    /// <summary>Follow-up cadence and persistence per intent grade, A (all four signals) to D (one or none).</summary>
    public IReadOnlyList<GradeRuleSetup> Grades { get; init; } = GradeRules.Defaults.Select(GradeRuleSetup.Of).ToList();
    /// <summary>The contract stage between the verbal win and the order (none given: the order is signed at the win).</summary>
    public ContractRulesSetup Contract { get; init; } = new();
    /// <summary>Instalments, reminders, write-off and refunds (none given: one invoice, no reminders, never written off).</summary>
    public CollectionRulesSetup Collections { get; init; } = new();
    /// <summary>Customer grades (value × activity) and the retention effort and churn hazard of each (none given: customers are not graded).</summary>
    public CustomerRulesSetup Customers { get; init; } = new();
    /// <summary>Segments and custom tags put on leads (none given: leads carry only source and product tags).</summary>
    public LeadTagsSetup Tags { get; init; } = new();
    /// <summary>Ordered rules from lead tags to region and team; the first match wins (none given: each lead stays in its region).</summary>
    public IReadOnlyList<TagRuleSetup> Assignment { get; init; } = [];
    /// <summary>Market saturation, rep turnover and the yearly quota reset in the simulation (none given: off).</summary>
    public LongRunSetup LongRun { get; init; } = new();
    /// <summary>Opportunities already open when the simulation starts, spread over the conversation steps and ages (assumed 0).</summary>
    public int InFlightDeals { get; init; }
    /// <summary>Days after it closed (lost, disqualified, churned) that a journey is archived; 0: never (assumed 365).</summary>
    public int ArchiveClosedAfterDays { get; init; } = Growth.Domain.Journeys.Archiving.DefaultDays;
}

/// <summary>
/// What keeps a simulated company from compounding without limit over years: each region's market fills up (leads arrive
/// × (1 − customers ÷ market), the market growing each year), reps leave after an exponential tenure and their seat is
/// filled after a vacancy by a new rep who ramps up, and each fiscal year's quotas are last year's revenue × (1 + plan
/// growth) shared by the seats' ramped capacity. Defaults are <see cref="Growth.Domain.LongRun.LongRunAssumptions"/>'s.
/// </summary>
public sealed record LongRunSetup
{
    /// <summary>False: none of the three acts (as before the rule).</summary>
    public bool Enabled { get; init; }
    /// <summary>Accounts that could ever buy, per region (assumed 3000).</summary>
    public double MarketAccountsPerRegion { get; init; } = Growth.Domain.LongRun.LongRunAssumptions.Default.MarketAccountsPerRegion;
    /// <summary>Yearly growth of each region's market (assumed 0.03).</summary>
    public double MarketGrowth { get; init; } = Growth.Domain.LongRun.LongRunAssumptions.Default.MarketGrowth;
    /// <summary>Mean years a rep stays (Bridge Group 2018: 1.5); 0: nobody leaves.</summary>
    public double RepTenureYears { get; init; } = Growth.Domain.LongRun.LongRunAssumptions.Default.RepTenureYears;
    /// <summary>Days a seat stays empty between a rep leaving and the next starting (assumed 60).</summary>
    public double VacancyDays { get; init; } = Growth.Domain.LongRun.LongRunAssumptions.Default.VacancyDays;
    /// <summary>Each fiscal year's plan: last year's revenue × (1 + this) (default: targets.growth's 0.10).</summary>
    public double PlanGrowth { get; init; } = Growth.Domain.LongRun.LongRunAssumptions.Default.PlanGrowth;

    /// <summary>The setup that describes <paramref name="a"/> (on).</summary>
    public static LongRunSetup Of(Growth.Domain.LongRun.LongRunAssumptions a) => new()
    {
        Enabled = true, MarketAccountsPerRegion = a.MarketAccountsPerRegion, MarketGrowth = a.MarketGrowth,
        RepTenureYears = a.RepTenureYears, VacancyDays = a.VacancyDays, PlanGrowth = a.PlanGrowth,
    };
}

/// <summary>
/// Customer grades for existing customers: A high value and active, B lower value and active, C high value and lapsed,
/// D lower value and lapsed. Each grade sets the days between retention check-ins and the share who leave in a year.
/// </summary>
public sealed record CustomerRulesSetup
{
    /// <summary>False: customers are not graded and leave only when dissatisfied (as before the rule).</summary>
    public bool Enabled { get; init; }
    /// <summary>Lifetime value from which a customer is high value (0: the list price, assumed).</summary>
    public decimal HighValue { get; init; }
    /// <summary>Days since the last purchase within which a customer is active (assumed default 180).</summary>
    public double ActiveDays { get; init; } = CustomerRules.DefaultActiveDays;
    /// <summary>Check-in cadence and yearly churn per grade (assumed defaults).</summary>
    public IReadOnlyList<CustomerGradeSetup> Grades { get; init; } = CustomerRules.DefaultGrades.Select(CustomerGradeSetup.Of).ToList();
}

/// <summary>One customer grade's retention rule.</summary>
public sealed record CustomerGradeSetup
{
    public CustomerGrade Grade { get; init; }
    /// <summary>Days between retention check-ins.</summary>
    public double CheckInDays { get; init; } = 60;
    /// <summary>Share of the grade's customers who leave within a year, 0..1.</summary>
    public double AnnualChurn { get; init; } = 0.15;

    public static CustomerGradeSetup Of(CustomerGradeRule r) => new() { Grade = r.Grade, CheckInDays = r.CheckInDays, AnnualChurn = r.AnnualChurn };
}

/// <summary>
/// The contract stage: after the verbal win a contract is drafted; a discount above the catalogue's rep limit
/// (<c>catalogue.discounts.repLimit</c>) needs a manager's approval, which takes time and may be refused. A refused
/// discount is re-quoted at the limit, drafted again and signed (the customer accepts the limit's price).
/// </summary>
public sealed record ContractRulesSetup
{
    /// <summary>False: no contract stage (the order is signed at the verbal win, as before the rule).</summary>
    public bool Enabled { get; init; }
    /// <summary>Mean days from the verbal win to the drafted contract (assumed default 2).</summary>
    public double DraftDays { get; init; } = 2;
    /// <summary>Mean hours a manager takes to decide on a discount (assumed default 48).</summary>
    public double ApprovalHours { get; init; } = 48;
    /// <summary>Share of discount approvals refused, 0..1 (assumed default 0.2).</summary>
    public double RefusalShare { get; init; } = 0.2;
}

/// <summary>How an order is collected: in instalments, with reminders past due, written off when hopeless; refunds on churn.</summary>
public sealed record CollectionRulesSetup
{
    /// <summary>Instalments an order is invoiced in (1: one invoice for the whole order).</summary>
    public int Instalments { get; init; } = 1;
    /// <summary>Days between instalments (each is invoiced then and due <c>paymentTerms.days</c> later).</summary>
    public int InstalmentDays { get; init; } = 30;
    /// <summary>Days past due at which a reminder goes out for an unpaid invoice (none: no reminders).</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [];
    /// <summary>Days past due after which an unpaid invoice is written off (0: never).</summary>
    public int WriteOffDays { get; init; }
    /// <summary>Share of what a churning customer paid that is refunded, 0..1 (assumed default 0.5).</summary>
    public double RefundShareOnChurn { get; init; } = 0.5;
}

/// <summary>One intent grade's follow-up rule.</summary>
public sealed record GradeRuleSetup
{
    public IntentGrade Grade { get; init; }
    /// <summary>Mean days between follow-ups at normal effort.</summary>
    public double FollowUpDays { get; init; } = 3;
    /// <summary>Follow-ups a rep makes at normal effort before giving the lead up.</summary>
    public int FollowUps { get; init; } = 4;

    public static GradeRuleSetup Of(GradeRule r) => new() { Grade = r.Grade, FollowUpDays = r.FollowUpDays, FollowUps = r.FollowUps };
}
