using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>Intent grade of a qualified lead, from the seed article's four signals: need, budget, timing, decision power.</summary>
public enum IntentGrade { A, B, C, D }

/// <summary>Follow-up cadence (mean days) and persistence (follow-ups at normal effort) of one grade.</summary>
public sealed record GradeRule(IntentGrade Grade, double FollowUpDays, int FollowUps);

/// <summary>The four signals of a lead and the grade they give.</summary>
public sealed record IntentSignals(bool Need, bool Budget, bool Timing, bool DecisionPower)
{
    public int Count => (Need ? 1 : 0) + (Budget ? 1 : 0) + (Timing ? 1 : 0) + (DecisionPower ? 1 : 0);

    /// <summary>A: all four; B: three; C: two; D: one or none.</summary>
    public IntentGrade Grade => Count switch { 4 => IntentGrade.A, 3 => IntentGrade.B, 2 => IntentGrade.C, _ => IntentGrade.D };

    /// <summary>
    /// A lead's signals: need when its intent is at least 0.6; budget when it can pay the list price; timing with a
    /// chance equal to its intent; decision power with a chance of 0.5 (assumed). Drawn from the lead's own seed on a
    /// separate stream, so grading changes no other draw of the journey.
    /// </summary>
    public static IntentSignals Of(double intent, decimal budget, decimal listPrice, ulong seed)
    {
        var rng = new Prng(Prng.Derive(seed, "intent-signals"));
        return new IntentSignals(intent >= 0.6, budget >= listPrice, rng.Chance(intent), rng.Chance(0.5));
    }
}

/// <summary>The setup's operating rules as the simulation runs them.</summary>
public sealed record OperatingRules
{
    /// <summary>Hours from assignment by which a lead must be first contacted (source: the setup; default 24).</summary>
    public double FirstContactDeadlineHours { get; init; } = 24;
    /// <summary>Share of the deadline a rep aims to contact by (assumed: 0.5); the mean contact delay is capped at it.</summary>
    public double DeadlineAim { get; init; } = 0.5;
    /// <summary>Unanswered follow-ups after which a lead returns to the pool (0: never).</summary>
    public int UnansweredFollowUps { get; init; }
    /// <summary>Times a lead may return to the pool.</summary>
    public int MaxReturns { get; init; } = 2;
    public IReadOnlyList<GradeRule> Grades { get; init; } = GradeRules.Defaults;
    /// <summary>The contract stage between the verbal win and the order; null: none (the order is signed at the win).</summary>
    public ContractRules? Contract { get; init; }
    /// <summary>Instalments, reminders, write-off and refunds.</summary>
    public CollectionRules Collections { get; init; } = CollectionRules.Default;
    /// <summary>Customer grades (value × activity) and the retention effort and churn hazard they set; null: not graded (as before the rule).</summary>
    public CustomerRules? Customers { get; init; }
    /// <summary>
    /// What keeps a company from compounding over years in the live simulation: a market per region that fills up, reps
    /// who leave and are replaced after a vacancy, and quotas set again each fiscal year from the plan; null: off.
    /// </summary>
    public Growth.Domain.LongRun.LongRunAssumptions? LongRun { get; init; }
    /// <summary>The tags put on each lead (segment, product of interest, custom); none by default.</summary>
    public Organisations.LeadTagging Tagging { get; init; } = Organisations.LeadTagging.None;
    /// <summary>Ordered rules from tags to region and team (first match wins); none: each lead stays in its own region.</summary>
    public IReadOnlyList<Organisations.TagRule> TagRules { get; init; } = [];
    /// <summary>
    /// Opportunities already open when a simulation starts (a company adopting Growth has deals in flight), spread over the
    /// conversation steps and ages (<see cref="InFlightDeals"/>); assumed 0 (source: the setup's rules.inFlightDeals).
    /// </summary>
    public int InFlightDeals { get; init; }
    /// <summary>
    /// Days after it closed (lost, disqualified, churned) that a journey is archived (<see cref="Journeys.Archiving"/>);
    /// 0: never. Assumed 365 (source: the setup's rules.archiveClosedAfterDays).
    /// </summary>
    public int ArchiveClosedAfterDays { get; init; } = Journeys.Archiving.DefaultDays;

    public static OperatingRules Default { get; } = new();

    public GradeRule RuleOf(IntentGrade grade) =>
        Grades.FirstOrDefault(g => g.Grade == grade) ?? GradeRules.Defaults[(int)grade];
}

public static class GradeRules
{
    /// <summary>Defaults (assumed): the better the grade, the tighter the cadence and the longer the persistence.</summary>
    public static IReadOnlyList<GradeRule> Defaults { get; } =
    [
        new(IntentGrade.A, 2, 6),
        new(IntentGrade.B, 3, 4),
        new(IntentGrade.C, 4, 3),
        new(IntentGrade.D, 6, 2),
    ];
}

/// <summary>The contract stage as the simulation runs it (source: the setup's <c>rules.contract</c> and catalogue discounts).</summary>
/// <param name="DraftDays">Mean days from the verbal win to the drafted contract (assumed default 2).</param>
/// <param name="ApprovalHours">Mean hours a manager takes to decide on a discount above the limit (assumed default 48).</param>
/// <param name="RefusalShare">Share of approvals refused (assumed default 0.2); a refused discount is re-quoted at the limit.</param>
/// <param name="DiscountLimit">Most a rep may discount without approval (the catalogue's rep limit, default 0.10).</param>
/// <param name="MaxDiscount">Most anyone may discount (the catalogue's maximum, default 0.25).</param>
public sealed record ContractRules(double DraftDays, double ApprovalHours, double RefusalShare, double DiscountLimit, double MaxDiscount)
{
    /// <summary>
    /// Discount beyond the gap between price and budget a rep gives to close, drawn uniformly up to this (assumed: 0.10).
    /// The discount asked is that gap (1 − budget / value, at least 0) plus the habit, capped at <see cref="MaxDiscount"/>.
    /// </summary>
    public double DiscountHabit { get; init; } = 0.10;

    /// <summary>The discount a deal of <paramref name="value"/> asks for a customer with <paramref name="budget"/>, given a uniform draw <paramref name="u"/>.</summary>
    public double DiscountAsked(decimal value, decimal budget, double u)
    {
        var gap = value <= 0 ? 0 : Math.Max(0, 1 - (double)(budget / value));
        return Math.Min(MaxDiscount, gap + u * DiscountHabit);
    }
}

/// <summary>How orders are collected (source: the setup's <c>rules.collections</c>); the default is one invoice, no reminders, never written off.</summary>
/// <param name="Instalments">Instalments an order is invoiced in.</param>
/// <param name="InstalmentDays">Days between instalments.</param>
/// <param name="ReminderDays">Days past due at which reminders go out for an unpaid invoice.</param>
/// <param name="WriteOffDays">Days past due after which an unpaid invoice is written off (0: never).</param>
/// <param name="RefundShareOnChurn">Share of what a churning customer paid that is refunded (assumed 0.5).</param>
public sealed record CollectionRules(int Instalments, int InstalmentDays, IReadOnlyList<int> ReminderDays, int WriteOffDays, double RefundShareOnChurn)
{
    public static CollectionRules Default { get; } = new(1, 30, [], 0, 0.5);
}
