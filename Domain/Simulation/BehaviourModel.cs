using Growth.Domain.Calibration;
using Growth.Domain.Journeys;

namespace Growth.Domain.Simulation;

/// <summary>Lead quality and cost of one marketing channel.</summary>
/// <param name="EffectiveShare">Share of its leads with real intent (the rest is junk), 0..1.</param>
/// <param name="CostPerTouch">Spend to reach one person.</param>
/// <param name="LeadRate">Share of touched people who become leads.</param>
public sealed record ChannelQuality(double EffectiveShare, decimal CostPerTouch, double LeadRate);

/// <summary>
/// Every behavioural assumption of the simulation, named, documented and defaulted in one place.
/// The functions below are the only places these parameters act; they are pure and monotone where a sales
/// leader expects them to be (tested).
/// </summary>
public sealed record BehaviourParameters
{
    /// <summary>Lead quality and cost per channel. Referral leads cost nothing and are mostly real.</summary>
    public IReadOnlyDictionary<Channel, ChannelQuality> Channels { get; init; } = new Dictionary<Channel, ChannelQuality>
    {
        [Channel.Ads] = new(0.35, 2.0m, 0.03),
        [Channel.Events] = new(0.60, 20m, 0.15),
        [Channel.Content] = new(0.50, 1.0m, 0.02),
        [Channel.Incentive] = new(0.30, 5m, 0.10),
        [Channel.Brand] = new(0.45, 0.5m, 0.01),
        [Channel.Referral] = new(0.85, 0m, 1.0),
    };

    /// <summary>Mean hours from assignment to first contact for a rep at normal effort and load.</summary>
    public double HoursToFirstContact { get; init; } = 6;
    /// <summary>How a real lead's chance to be qualified falls with hours to first contact (Oldroyd et al., HBR 2011).</summary>
    public SpeedToLead SpeedToLead { get; init; } = SpeedToLead.Default;
    /// <summary>When leads arrive: working time, weekday and month (assumed shares; the setup gives the working time).</summary>
    public LeadArrival Arrival { get; init; } = LeadArrival.Default;
    /// <summary>
    /// Hours of waiting at which a contacted lead's interest has halved (source: assumed, 24 h): the gentle cooling
    /// between touches of a conversation already under way (training's follow-ups), not the first contact.
    /// </summary>
    public double InterestHalfLifeHours { get; init; } = 24;
    /// <summary>The setup's operating rules: first-contact deadline, returns to the pool, intent grades.</summary>
    public OperatingRules Rules { get; init; } = OperatingRules.Default;
    /// <summary>Chance that a real lead contacted at once is recognised and qualified.</summary>
    public double QualifyEffective { get; init; } = 0.85;
    /// <summary>Chance that a junk lead slips through intent recognition.</summary>
    public double JunkPassRate { get; init; } = 0.08;
    /// <summary>Mean hours from first contact to the qualification decision.</summary>
    public double HoursToQualify { get; init; } = 24;

    /// <summary>Mean days between follow-ups at normal effort.</summary>
    public double DaysBetweenFollowUps { get; init; } = 3;
    /// <summary>Follow-ups a rep makes at zero incentive; each unit of incentive adds <see cref="FollowUpsPerIncentive"/>.</summary>
    public int BaseFollowUps { get; init; } = 2;
    public double FollowUpsPerIncentive { get; init; } = 4;
    /// <summary>Chance per follow-up that a fully intent customer opens an opportunity (scaled by intent).</summary>
    public double OpportunityPerFollowUp { get; init; } = 0.4;

    /// <summary>Mean days spent on each conversation step.</summary>
    public double DaysPerStep { get; init; } = 2;
    /// <summary>Chance of failing each step for an average rep (skill 0.5) with an average customer.</summary>
    public IReadOnlyList<double> StepFailure { get; init; } = [0.12, 0.08, 0.12, 0.28, 0.40, 0.20];

    /// <summary>Median list value of a deal.</summary>
    public decimal ListPrice { get; init; } = 5000m;
    /// <summary>Median budget of a customer.</summary>
    public decimal MedianBudget { get; init; } = 6000m;
    /// <summary>Spread (log-normal sigma) of customer budgets.</summary>
    public double BudgetSpread { get; init; } = 0.6;

    /// <summary>Product quality 0..1: drives satisfaction, hence activation, repurchase, referral, refund.</summary>
    public double ProductQuality { get; init; } = 0.75;
    /// <summary>Days to pay an invoice.</summary>
    public double PaymentTermsDays { get; init; } = 30;
    /// <summary>Share of invoices paid on time (the rest go overdue).</summary>
    public double OnTimePaymentRate { get; init; } = 0.75;
    /// <summary>Share of overdue invoices that are paid eventually.</summary>
    public double LatePaymentRate { get; init; } = 0.8;
    /// <summary>Mean days an overdue invoice stays unpaid before a late payment.</summary>
    public double DaysLate { get; init; } = 20;
    /// <summary>Mean days from a win to the first real use (the trial lesson).</summary>
    public double DaysToActivate { get; init; } = 7;
    /// <summary>Days a customer must stay to count as retained.</summary>
    public double RetentionDays { get; init; } = 90;
    /// <summary>Mean days between repurchases of a fully satisfied customer.</summary>
    public double RepurchaseMeanDays { get; init; } = 45;
    /// <summary>Most repurchases simulated per customer (keeps journeys finite).</summary>
    public int MaxRepurchases { get; init; } = 4;
    /// <summary>Mean days between referral opportunities of a fully satisfied customer.</summary>
    public double ReferralMeanDays { get; init; } = 40;
    public int MaxReferrals { get; init; } = 2;
    /// <summary>Satisfaction below which a customer may ask for a refund and leave.</summary>
    public double ChurnSatisfaction { get; init; } = 0.45;
    /// <summary>Mean days until a dissatisfied customer churns.</summary>
    public double DaysToChurn { get; init; } = 30;

    /// <summary>
    /// Deal outcomes, product mix and won values fitted on a real history; null (the default) leaves them to the
    /// conversation model above (skills, intent, price against budget).
    /// </summary>
    public DealCalibration? Deals { get; init; }

    /// <summary>
    /// The company's products, their mix and regional prices (from a setup); null (the default) prices an
    /// opportunity around <see cref="ListPrice"/>. Ignored when <see cref="Deals"/> is set.
    /// </summary>
    public PriceBook? Prices { get; init; }

    /// <summary>Days a new rep takes to reach full skill (source: assumed, 90 days).</summary>
    public double RampUpDays { get; init; } = 90;
    /// <summary>Share of full skill a rep has on the day they join, 0..1 (source: assumed, 0.6).</summary>
    public double RampStartShare { get; init; } = 0.6;

    /// <summary>How reps answer to their own pay plan (effort, deals pulled in or held back, discounts); neutral under the flat 8 % plan.</summary>
    public Compensation.PlanResponseParameters PlanResponse { get; init; } = Compensation.PlanResponseParameters.Default;

    public static BehaviourParameters Default { get; } = new();
}

/// <summary>The behaviour model's functions: pure, deterministic, each documented by its parameter.</summary>
public static class Behaviour
{
    /// <summary>Multiplier (0..1] on a real lead's chance to be qualified, falling with hours to first contact (see <see cref="SpeedToLead"/>).</summary>
    public static double FirstContactDecay(BehaviourParameters p, double hoursToFirstContact) => p.SpeedToLead.At(hoursToFirstContact);

    /// <summary>
    /// Multiplier (0..1] on a contacted lead's interest after <paramref name="hours"/> of waiting between touches:
    /// 1 / (1 + hours / <see cref="BehaviourParameters.InterestHalfLifeHours"/>). The first contact decays far faster
    /// (<see cref="FirstContactDecay"/>).
    /// </summary>
    public static double ContactDecay(BehaviourParameters p, double hours) =>
        1.0 / (1.0 + Math.Max(0, hours) / p.InterestHalfLifeHours);

    /// <summary>Effort 0.5..1.5 from an incentive level 0..1.</summary>
    public static double Effort(double incentive) => 0.5 + Math.Clamp(incentive, 0, 1);

    /// <summary>Multiplier >= 1 on contact delay when a rep's open load exceeds capacity.</summary>
    public static double LoadFactor(int load, int capacity) =>
        Math.Pow(Math.Max(1.0, (double)load / Math.Max(1, capacity)), 1.5);

    /// <summary>
    /// Mean hours to first contact for a rep with this incentive and load: <see cref="BehaviourParameters.HoursToFirstContact"/>,
    /// capped at the share of the first-contact deadline reps aim for (<see cref="OperatingRules.DeadlineAim"/>), stretched by overload.
    /// </summary>
    public static double MeanHoursToContact(BehaviourParameters p, double incentive, int load, int capacity) =>
        Math.Min(p.HoursToFirstContact, p.Rules.FirstContactDeadlineHours * p.Rules.DeadlineAim) * LoadFactor(load, capacity) / Effort(incentive);

    /// <summary>Follow-ups a rep makes before giving up on a qualified lead.</summary>
    public static int FollowUps(BehaviourParameters p, double incentive) =>
        p.BaseFollowUps + (int)Math.Round(p.FollowUpsPerIncentive * Math.Clamp(incentive, 0, 1));

    /// <summary>Chance a lead is qualified at intent recognition.</summary>
    public static double QualifyProbability(BehaviourParameters p, bool effective, double hoursToFirstContact) =>
        effective ? p.QualifyEffective * FirstContactDecay(p, hoursToFirstContact) : p.JunkPassRate;

    /// <summary>Chance one follow-up opens an opportunity.</summary>
    public static double OpportunityProbability(BehaviourParameters p, double intent) =>
        p.OpportunityPerFollowUp * Math.Clamp(intent, 0, 1);

    /// <summary>Chance a qualified lead becomes an opportunity over all its follow-ups.</summary>
    public static double OpportunityOverFollowUps(BehaviourParameters p, double intent, double incentive) =>
        1 - Math.Pow(1 - OpportunityProbability(p, intent), FollowUps(p, incentive));

    /// <summary>How well the price fits the budget: 1 when affordable, lower as the price exceeds the budget.</summary>
    public static double PriceFit(decimal price, decimal budget) =>
        price <= 0 ? 1 : Math.Clamp((double)(budget / price), 0.05, 1);

    /// <summary>
    /// Chance of passing a conversation step. Failure scales with the rep's lack of skill (skill 0.5 is average),
    /// the customer's lack of intent, and, at trial close, objections and close, a price above budget.
    /// </summary>
    public static double StepPassProbability(BehaviourParameters p, ConversationStep step, double skill, double intent, double priceFit)
    {
        var failure = p.StepFailure[(int)step]
            * (1.5 - Math.Clamp(skill, 0, 1))
            * (1.5 - Math.Clamp(intent, 0, 1));
        if (step is ConversationStep.TrialClose or ConversationStep.ObjectionHandling or ConversationStep.Close)
            failure /= Math.Clamp(priceFit, 0.05, 1);
        return Math.Clamp(1 - failure, 0, 1);
    }

    /// <summary>
    /// Share 0..1 of full skill a rep hired at <paramref name="hireDate"/> has at <paramref name="at"/>: from
    /// <see cref="BehaviourParameters.RampStartShare"/> on the day they join, rising linearly to 1 after
    /// <see cref="BehaviourParameters.RampUpDays"/>. No hire date: 1 (fully ramped).
    /// </summary>
    public static double Ramp(BehaviourParameters p, DateTimeOffset? hireDate, DateTimeOffset at)
    {
        if (hireDate is not { } hired) return 1;
        var days = Math.Max(0, (at - hired).TotalDays);
        var start = Math.Clamp(p.RampStartShare, 0, 1);
        var progress = p.RampUpDays <= 0 ? 1 : Math.Min(1, days / p.RampUpDays);
        return start + (1 - start) * progress;
    }

    /// <summary>Chance an opportunity is won, walking every step.</summary>
    public static double WinProbability(BehaviourParameters p, IReadOnlyList<double> skills, double intent, double priceFit)
    {
        var win = 1.0;
        foreach (var step in Enum.GetValues<ConversationStep>())
            win *= StepPassProbability(p, step, skills[(int)step], intent, priceFit);
        return win;
    }

    /// <summary>Expected effective (real-intent) leads a channel brings for a spend.</summary>
    public static double ExpectedEffectiveLeads(ChannelQuality q, decimal spend) =>
        q.CostPerTouch <= 0 ? 0 : (double)(spend / q.CostPerTouch) * q.LeadRate * q.EffectiveShare;

    /// <summary>
    /// Expected chance that a lead from a channel becomes a won deal, for a rep with these skills and incentive,
    /// contacting after the given delay. Junk leads that slip through rarely buy (intent <see cref="JunkIntent"/>).
    /// </summary>
    public static double ExpectedLeadToDeal(BehaviourParameters p, ChannelQuality q, double hoursToFirstContact,
        IReadOnlyList<double> skills, double incentive, double intent = 0.7, double priceFit = 0.9)
    {
        double Path(bool effective, double i) =>
            QualifyProbability(p, effective, hoursToFirstContact)
            * OpportunityOverFollowUps(p, i, incentive)
            * WinProbability(p, skills, i, priceFit);
        return q.EffectiveShare * Path(true, intent) + (1 - q.EffectiveShare) * Path(false, JunkIntent);
    }

    /// <summary>Intent of a junk lead.</summary>
    public const double JunkIntent = 0.1;

    /// <summary>Satisfaction 0..1 of a new customer: product quality, tempered by a price above budget, plus noise.</summary>
    public static double Satisfaction(BehaviourParameters p, double priceFit, double noise) =>
        Math.Clamp(p.ProductQuality * (0.75 + 0.25 * priceFit) + noise, 0, 1);

    /// <summary>Chance a new customer activates (takes the first real use).</summary>
    public static double ActivationProbability(double satisfaction) => 0.5 + 0.5 * satisfaction;

    /// <summary>Mean days to the next repurchase; dissatisfied customers repurchase rarely.</summary>
    public static double RepurchaseMeanDays(BehaviourParameters p, double satisfaction) =>
        p.RepurchaseMeanDays / Math.Max(0.05, satisfaction * satisfaction);

    /// <summary>Mean days to the next referral; only satisfied customers refer often.</summary>
    public static double ReferralMeanDays(BehaviourParameters p, double satisfaction) =>
        p.ReferralMeanDays / Math.Max(0.05, satisfaction * satisfaction * satisfaction);

    /// <summary>Conversation step failures' reasons, when not an objection.</summary>
    public static string StepFailureReason(ConversationStep step) => step switch
    {
        ConversationStep.Opening => "no trust won at the opening",
        ConversationStep.Rapport => "no rapport",
        ConversationStep.Topic => "need not established",
        ConversationStep.TrialClose => "not ready to buy at the trial close",
        ConversationStep.Close => "did not sign",
        _ => "objection not handled",
    };
}
