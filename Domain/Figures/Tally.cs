using Growth.Domain.Journeys;

namespace Growth.Domain.Figures;

/// <summary>Counted figures, one slot each in <see cref="Tally.Counts"/>.</summary>
public enum Count
{
    Journeys, Leads, EffectiveLeads, Disqualified,
    Won, Lost, OpenDeals,
    Customers, ExistingCustomers, NewCustomers, Orders, Repurchases, Referrals,
    Activated, Retained, Upsold, Referrers, Churned,
    FirstContacts, Touches,
    EnteredCampaignTouch, EnteredLead, EnteredQualifiedIntent, EnteredFollowUp, EnteredOpportunity, EnteredContract, EnteredPayment,
    CurrentCampaignTouch, CurrentLead, CurrentQualifiedIntent, CurrentFollowUp, CurrentOpportunity, CurrentContract, CurrentPayment,
    /// <summary>Lost deals by the conversation step where they failed.</summary>
    LostAtOpening, LostAtRapport, LostAtTopic, LostAtTrialClose, LostAtObjectionHandling, LostAtClose,
    /// <summary>Lost deals by the objection that lost them (Other: no objection recorded).</summary>
    LostToExperience, LostToCompetitorDifference, LostToCompetitorStrength, LostToBudgetEnvironment, LostToService, LostToOther,
    /// <summary>Open opportunities by the conversation step they are working on.</summary>
    OpenAtOpening, OpenAtRapport, OpenAtTopic, OpenAtTrialClose, OpenAtObjectionHandling, OpenAtClose,
    /// <summary>Won deals whose value is not known (a Won event of amount 0): in wins and win rate, not in value averages.</summary>
    WonValueUnknown,
    /// <summary>Lost deals whose step is not known (no step sent and none passed).</summary>
    LostAtUnknownStep,
    /// <summary>Contracts waiting for a manager's approval of their discount, now.</summary>
    ApprovalsWaiting,
    /// <summary>Discount approvals asked for, and refused.</summary>
    ApprovalsRequested, ApprovalsRefused,
    /// <summary>Won deals whose first order is signed and timed (for the days from opportunity to order).</summary>
    OrdersTimed,
    /// <summary>Payment reminders sent; instalments invoiced; customers with money written off.</summary>
    Reminders, Instalments, WriteOffs,
    /// <summary>Current customers by customer grade (value × activity), when the rule grades customers.</summary>
    CustomersGradeA, CustomersGradeB, CustomersGradeC, CustomersGradeD,
    /// <summary>
    /// Open deals that have passed every step up to Close (in their contract stage). They are also in
    /// <see cref="OpenAtOpening"/>, as stored tallies have always counted them; the pipeline shows them under Close
    /// (<see cref="Tally.OpenOn"/>). Appended last, so a stored tally from before it reads as 0 here.
    /// </summary>
    OpenPastClose,
    /// <summary>
    /// Times a lead went back to the lead pool (untouched past the first-contact deadline, or after its unanswered
    /// follow-ups): the journey's returns, under the group it is in now (the simulation reassigns within the team).
    /// Appended last, so a stored tally from before it reads as 0 here.
    /// </summary>
    ReturnedToPool,
}

/// <summary>Money figures, one slot each in <see cref="Tally.Amounts"/>.</summary>
public enum Money
{
    WonValue, Revenue, Billed, Collected, Outstanding, Overdue, Refunded, Spend,
    /// <summary>Unpaid money given up (no longer in <see cref="Outstanding"/>); value of contracts waiting for approval.</summary>
    WrittenOff, ApprovalsWaitingValue,
}

/// <summary>Summed durations in whole milliseconds (for averages), one slot each in <see cref="Tally.Sums"/>.
/// Integers, so sums are exact whatever order journeys report in.</summary>
public enum Sum { TimeToCloseWon, TimeToFirstContact, TimeToOrder }

/// <summary>
/// An additive vector of figures. A journey's contribution is a tally; a group's figures are the sum of its
/// journeys' tallies; a change is the difference of two tallies. Adding and subtracting make totals exact.
/// </summary>
public sealed class Tally
{
    static readonly int CountSlots = Enum.GetValues<Count>().Length;
    static readonly int MoneySlots = Enum.GetValues<Money>().Length;
    static readonly int SumSlots = Enum.GetValues<Sum>().Length;

    long[] counts = new long[CountSlots];
    decimal[] amounts = new decimal[MoneySlots];
    long[] sums = new long[SumSlots];

    // Stored tallies from before a slot was added are shorter: padded with zeros, so old data still reads.
    public long[] Counts { get => counts; set => counts = Padded(value, CountSlots); }
    public decimal[] Amounts { get => amounts; set => amounts = Padded(value, MoneySlots); }
    public long[] Sums { get => sums; set => sums = Padded(value, SumSlots); }

    static T[] Padded<T>(T[] values, int slots)
    {
        if (values.Length >= slots) return values;
        var padded = new T[slots];
        values.CopyTo(padded, 0);
        return padded;
    }

    public long this[Count c] { get => Counts[(int)c]; set => Counts[(int)c] = value; }
    public decimal this[Money m] { get => Amounts[(int)m]; set => Amounts[(int)m] = value; }
    public long this[Sum s] { get => Sums[(int)s]; set => Sums[(int)s] = value; }

    /// <summary>Overdue money by the day (days since 2000-01-01) it first went overdue: receivables ageing.</summary>
    public Dictionary<int, decimal> OverdueByDay { get; set; } = [];

    public static Count Entered(FunnelStage stage) => Count.EnteredCampaignTouch + (int)stage;
    public static Count LostAt(ConversationStep step) => Count.LostAtOpening + (int)step;
    public static Count LostTo(ObjectionType? objection) => objection is { } o ? Count.LostToExperience + (int)o : Count.LostToOther;
    public static Count OpenAt(ConversationStep step) => Count.OpenAtOpening + (int)step;

    /// <summary>
    /// The slot an open deal is stored under (<see cref="OpenAt"/>): the step after the furthest step passed; Opening
    /// when none is passed yet and also when every step up to Close is. That second case is kept for stored tallies
    /// (they must go on adding up); such a deal is also counted in <see cref="Count.OpenPastClose"/>, and the pipeline
    /// shows it under Close (<see cref="PipelineStep"/>, <see cref="OpenOn"/>).
    /// </summary>
    public static ConversationStep WorkingStep(ConversationStep? passed) =>
        passed is { } last && last < ConversationStep.Close ? last + 1 : ConversationStep.Opening;

    /// <summary>
    /// The pipeline bar an open deal is shown under: the step after the furthest step passed, Opening when none is
    /// passed, and Close for a deal open past Close (in its contract stage: it is closing, not opening).
    /// </summary>
    public static ConversationStep PipelineStep(ConversationStep? passed) =>
        passed == ConversationStep.Close ? ConversationStep.Close : WorkingStep(passed);

    /// <summary>
    /// Open deals the pipeline shows on <paramref name="step"/> (<see cref="PipelineStep"/>): the stored slot, with the
    /// deals open past Close moved from Opening to Close (<see cref="Count.OpenPastClose"/>).
    /// </summary>
    public static long OpenOn(Tally t, ConversationStep step) => step switch
    {
        ConversationStep.Opening => t[OpenAt(step)] - t[Count.OpenPastClose],
        ConversationStep.Close => t[OpenAt(step)] + t[Count.OpenPastClose],
        _ => t[OpenAt(step)],
    };

    static readonly DateTime DayZero = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static int DayNumber(DateTimeOffset at) => (int)(at.UtcDateTime.Date - DayZero).TotalDays;
    public static DateTimeOffset DayOf(int dayNumber) => new(DayZero.AddDays(dayNumber), TimeSpan.Zero);
    public static Count Current(FunnelStage stage) => Count.CurrentCampaignTouch + (int)stage;

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (+1 or -1) into this tally.</summary>
    public void Add(Tally other, int sign = 1)
    {
        for (var i = 0; i < Counts.Length; i++) Counts[i] += sign * other.Counts[i];
        for (var i = 0; i < Amounts.Length; i++) Amounts[i] += sign * other.Amounts[i];
        for (var i = 0; i < Sums.Length; i++) Sums[i] += sign * other.Sums[i];
        foreach (var (day, amount) in other.OverdueByDay)
        {
            var sum = OverdueByDay.GetValueOrDefault(day) + sign * amount;
            if (sum == 0) OverdueByDay.Remove(day);
            else OverdueByDay[day] = sum;
        }
    }

    public bool IsZero =>
        Array.TrueForAll(Counts, c => c == 0) && Array.TrueForAll(Amounts, m => m == 0) && Array.TrueForAll(Sums, d => d == 0)
        && OverdueByDay.Count == 0;

    public Tally Clone() => new() { Counts = (long[])Counts.Clone(), Amounts = (decimal[])Amounts.Clone(), Sums = (long[])Sums.Clone(), OverdueByDay = new(OverdueByDay) };

    /// <summary><paramref name="after"/> minus <paramref name="before"/>.</summary>
    public static Tally Difference(Tally after, Tally before)
    {
        var d = after.Clone();
        d.Add(before, -1);
        return d;
    }

    /// <summary>The contract stage and collections: approvals waiting, asked and refused; time to order; reminders, instalments, write-offs.</summary>
    static void Collections(Tally t, JourneyState s)
    {
        if (s.ApprovalSince is not null && s.IsCustomer) { t[Count.ApprovalsWaiting] = 1; t[Money.ApprovalsWaitingValue] = s.ApprovalValue; }
        t[Count.ApprovalsRequested] = s.ApprovalsRequested;
        t[Count.ApprovalsRefused] = s.ApprovalsRefused;
        if (!s.Existing && s.OpportunityAt is { } opened && s.OrderAt is { } ordered)
        {
            t[Count.OrdersTimed] = 1;
            t[Sum.TimeToOrder] = Millis(ordered - opened);
        }
        t[Count.Reminders] = s.Reminders;
        t[Count.Instalments] = s.Instalments;
        t[Money.WrittenOff] = s.WrittenOff;
        if (s.WrittenOff > 0) t[Count.WriteOffs] = 1;
    }

    static long Millis(TimeSpan span) => (long)Math.Round(span.TotalMilliseconds);

    public const double MillisPerHour = 3_600_000;
    public const double MillisPerDay = 86_400_000;

    /// <summary>One journey's contribution to every figure.</summary>
    public static Tally Of(JourneyState s)
    {
        var t = new Tally();
        if (s.Status == JourneyStatus.None) return t;
        t[Count.Journeys] = 1;
        if (!s.Existing)
        {
            t[Count.Leads] = 1;
            t[Count.ReturnedToPool] = s.Returns;
            if (s.QualifiedAt is not null) t[Count.EffectiveLeads] = 1;
            if (s.Status == JourneyStatus.Disqualified) t[Count.Disqualified] = 1;
            if (s.Stage is { } reached)
            {
                for (var st = FunnelStage.Lead; st <= reached; st++) t[Entered(st)] = 1;
                if (s.Status == JourneyStatus.Prospect || (s.IsCustomer && reached < FunnelStage.Payment))
                    t[Current(reached)] = 1;
            }
            if (s.FirstContactAt is { } fc && s.CreatedAt is { } created)
            {
                t[Count.FirstContacts] = 1;
                t[Sum.TimeToFirstContact] = Millis(fc - created);
            }
            if (s.OpportunityAt is not null)
            {
                if (s.Won)
                {
                    t[Count.Won] = 1;
                    t[Money.WonValue] = s.WonValue;
                    if (s.WonValue == 0) t[Count.WonValueUnknown] = 1;
                    t[Sum.TimeToCloseWon] = s.OpportunityAt is { } o && s.ClosedAt is { } c ? Millis(c - o) : 0;
                }
                else if (s.Status == JourneyStatus.Lost)
                {
                    t[Count.Lost] = 1;
                    t[s.LostStep is { } step ? LostAt(step) : Count.LostAtUnknownStep] = 1;
                    t[LostTo(s.LostObjection)] = 1;
                }
                else if (s.Status == JourneyStatus.Prospect)
                {
                    t[Count.OpenDeals] = 1;
                    t[OpenAt(WorkingStep(s.LastStep))] = 1;
                    if (s.LastStep == ConversationStep.Close) t[Count.OpenPastClose] = 1;
                }
            }
        }

        var isOrWasCustomer = s.Status is JourneyStatus.Customer or JourneyStatus.Churned;
        if (isOrWasCustomer)
        {
            t[Count.Customers] = 1;
            t[s.Existing ? Count.ExistingCustomers : Count.NewCustomers] = 1;
            if (s.Activated) t[Count.Activated] = 1;
            if (s.Retained) t[Count.Retained] = 1;
            if (s.Repurchases > 0) t[Count.Upsold] = 1;
            if (s.Referrals > 0) t[Count.Referrers] = 1;
            if (s.Status == JourneyStatus.Churned) t[Count.Churned] = 1;
        }
        t[Count.Orders] = s.Orders;
        t[Count.Repurchases] = s.Repurchases;
        t[Count.Referrals] = s.Referrals;
        t[Money.Revenue] = s.OrderValue;
        t[Money.Billed] = s.Billed;
        t[Money.Collected] = s.Collected;
        t[Money.Outstanding] = s.Outstanding;
        t[Money.Overdue] = s.Overdue;
        t[Money.Refunded] = s.Refunded;
        Collections(t, s);
        if (s.IsCustomer && s.CustomerGrade is { } customerGrade) t[Count.CustomersGradeA + (int)customerGrade] = 1;
        if (s.Overdue > 0 && s.OverdueSince is { } since) t.OverdueByDay[DayNumber(since)] = s.Overdue;
        return t;
    }
}

/// <summary>The groups a journey's figures roll up into.</summary>
public readonly record struct GroupKey(string? RegionId, string? TeamId, string? RepId, string? CampaignId)
{
    public static GroupKey Of(JourneyState s) => new(s.RegionId, s.TeamId, s.RepId, s.CampaignId);
}

/// <summary>A change to the figures of one group.</summary>
public sealed record TallyDelta(GroupKey Key, Tally Change)
{
    /// <summary>
    /// The change in figures when a journey moves from <paramref name="before"/> to <paramref name="after"/>: one delta
    /// for its group, or two when it changed group (out of the old, into the new); none when nothing counted changed.
    /// </summary>
    /// <remarks>An array, not a collection expression typed as a list: the compiler's list type for that would be a type of
    /// this assembly that grain calls between silos cannot serialise.</remarks>
    public static TallyDelta[] Between(JourneyState before, JourneyState after)
    {
        var keyBefore = GroupKey.Of(before);
        var keyAfter = GroupKey.Of(after);
        var tallyBefore = Tally.Of(before);
        var tallyAfter = Tally.Of(after);
        if (keyBefore == keyAfter)
        {
            var diff = Tally.Difference(tallyAfter, tallyBefore);
            return diff.IsZero ? [] : [new TallyDelta(keyAfter, diff)];
        }
        var removed = new Tally();
        removed.Add(tallyBefore, -1);
        return [new TallyDelta(keyBefore, removed), new TallyDelta(keyAfter, tallyAfter)];
    }
}
