using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// How a rep answers to their own pay plan, each effect a named assumption (shown in the assumptions catalogue).
/// Effort follows the forward-looking marginal rate of the next unit of revenue against the rate the reps' incentive
/// levels already reflect (<see cref="ReferenceRate"/>), so today's flat plan leaves behaviour exactly as it is.
/// </summary>
public sealed record PlanResponseParameters
{
    /// <summary>Commission rate (0..1) the reps' incentive levels reflect today: the flat 8 % plan (source: the flat plan).</summary>
    public double ReferenceRate { get; init; } = 0.08;
    /// <summary>
    /// Effort multiplier = (forward-looking marginal rate ÷ reference rate) ^ this (source: Chung, Steenburgh and
    /// Sudhir 2014, Marketing Science: effort rises with marginal pay and overachievement commissions keep it up past
    /// quota; the size is assumed).
    /// </summary>
    public double EffortElasticity { get; init; } = 0.25;
    /// <summary>Lowest effort multiplier (past a cap nothing is paid; assumed 0.5, the bottom of <c>Behaviour.Effort</c>).</summary>
    public double MinEffort { get; init; } = 0.5;
    /// <summary>Highest effort multiplier (assumed 1.5).</summary>
    public double MaxEffort { get; init; } = 1.5;
    /// <summary>
    /// Attainment a rep can still add over a whole measurement period: a higher tier within reach of the remaining
    /// share of it already counts in the forward-looking rate (source: Misra and Nair 2011, QME: reps look ahead to
    /// the quota within the period's horizon; 1.0 assumed).
    /// </summary>
    public double ReachPerPeriod { get; init; } = 1.0;
    /// <summary>
    /// Share of the deals due within <see cref="PullInDays"/> after the period's end that a rep just below a higher-paying
    /// tier pulls into the period (source: Larkin 2014, J. Labor Econ., deal timing around thresholds; size assumed 0.15).
    /// With the default 30 days a rep at the threshold pulls in about 0.15 × 30 / 91 = 5 % of a quarter's deals: Oyer
    /// 1998 (QJE) and Larkin 2014 measure such timing effects as a few percent of a period's sales, not a share of the
    /// whole next period's.
    /// </summary>
    public double PullInShare { get; init; } = 0.15;
    /// <summary>
    /// How far past the period's end a deal may be due and still be pulled in, in days (assumed 30: only deals already
    /// near their close can be brought forward; it bounds pull-ins where the next period holds many more deals than this one).
    /// </summary>
    public double PullInDays { get; init; } = 30;
    /// <summary>Attainment gap below a threshold within which deals are pulled in (assumed 0.2 = 20 % of target).</summary>
    public double PullInReach { get; init; } = 0.2;
    /// <summary>Last share of the period in which deals are pulled in (assumed 0.25: the last three weeks of a quarter).</summary>
    public double PullInWindow { get; init; } = 0.25;
    /// <summary>Extra discount given to close a deal early near a threshold (source: Larkin 2014, gamed deals carry larger discounts; size assumed 0.05).</summary>
    public double PullInDiscount { get; init; } = 0.05;
    /// <summary>Share of deals a rep past the cap (no commission on the next unit) holds back into the next period (source: Misra and Nair 2011, effort drops once a cap is reached; size assumed 0.5).</summary>
    public double HoldBackShare { get; init; } = 0.5;
    /// <summary>
    /// Where deal outcomes are fitted on a history (a calibrated workspace), wins per lead move as effort ^ this: the
    /// fitted win rate is today's effort's, and the conversation model no longer varies it (source: Chung, Steenburgh
    /// and Sudhir 2014 for the direction; 0.5 assumed).
    /// </summary>
    public double FittedOutputElasticity { get; init; } = 0.5;
    /// <summary>Payout over the horizon below this share of on-target earnings counts as an attrition risk (assumed 0.5).</summary>
    public double FarBelowOteShare { get; init; } = 0.5;

    public static PlanResponseParameters Default { get; } = new();
}

/// <summary>Where a rep stands against their plan on a day.</summary>
/// <param name="Attainment">Credited revenue of the period so far over the period's target (1 = 100 %).</param>
/// <param name="Elapsed">Share of the measurement period gone, 0..1.</param>
/// <param name="SpiffRate">Spiffs a deal is expected to earn, over the mean deal value (a rate like commission).</param>
public readonly record struct PlanStanding(double Attainment, double Elapsed, double SpiffRate = 0);

/// <summary>What the plan makes a rep do: multipliers and shares, all 1 or 0 under the reference plan.</summary>
/// <param name="Effort">Multiplier on effort: first-contact speed and follow-ups (<see cref="PlanResponse.Incentive"/>).</param>
/// <param name="PullIn">Share of the deals due within <see cref="PlanResponseParameters.PullInDays"/> after the period's end pulled into it (0 outside the window).</param>
/// <param name="HoldBack">Share of deals closing now held back into the next period.</param>
/// <param name="Discount">Extra discount on deals closed now, 0..1.</param>
public readonly record struct PlanEffect(double Effort, double PullIn, double HoldBack, double Discount)
{
    public static PlanEffect Neutral => new(1, 0, 0, 0);
}

/// <summary>The plan response, pure: from a plan and a rep's standing to the rep's effort, timing and discounting.</summary>
public static class PlanResponse
{
    /// <summary>Rate paid on the next unit of revenue at <paramref name="attainment"/>: the tier's rate, 0 past the cap or the last tier's end.</summary>
    public static double MarginalRate(CompensationPlanSetup plan, double attainment)
    {
        if (plan.Cap is { } cap && attainment >= cap) return 0;
        foreach (var t in plan.Tiers)
            if (attainment >= t.From && (t.To is not { } to || attainment < to)) return t.Rate;
        return 0;
    }

    /// <summary>The attainment at which the next higher rate starts above <paramref name="attainment"/>, and that rate; null: none.</summary>
    public static (double At, double Rate)? NextThreshold(CompensationPlanSetup plan, double attainment)
    {
        var now = MarginalRate(plan, attainment);
        foreach (var t in plan.Tiers)
            if (t.From > attainment && t.Rate > now && (plan.Cap is not { } cap || t.From < cap)) return (t.From, t.Rate);
        return null;
    }

    /// <summary>
    /// The forward-looking marginal rate: today's rate, moved towards the next higher tier's rate by how reachable it
    /// is in the rest of the period (1 when the gap is nil, 0 when it is beyond <see cref="PlanResponseParameters.ReachPerPeriod"/>
    /// times the share left).
    /// </summary>
    public static double ForwardRate(PlanResponseParameters p, CompensationPlanSetup plan, PlanStanding s)
    {
        var now = MarginalRate(plan, s.Attainment);
        if (NextThreshold(plan, s.Attainment) is not { } next) return now;
        var reach = p.ReachPerPeriod * Math.Max(0, 1 - s.Elapsed);
        var odds = reach <= 0 ? 0 : Math.Clamp(1 - (next.At - s.Attainment) / reach, 0, 1);
        return now + (next.Rate - now) * odds;
    }

    /// <summary>The rep's response to <paramref name="plan"/> at <paramref name="s"/>.</summary>
    public static PlanEffect Of(PlanResponseParameters p, CompensationPlanSetup plan, PlanStanding s)
    {
        var rate = ForwardRate(p, plan, s) + s.SpiffRate;
        var effort = p.ReferenceRate <= 0 ? 1 : Math.Clamp(Math.Pow(Math.Max(0, rate) / p.ReferenceRate, p.EffortElasticity), p.MinEffort, p.MaxEffort);
        double pull = 0, discount = 0;
        var windowStart = 1 - p.PullInWindow;
        if (p.PullInWindow > 0 && s.Elapsed >= windowStart && NextThreshold(plan, s.Attainment) is { } next && p.PullInReach > 0)
        {
            var closeness = Math.Clamp(1 - (next.At - s.Attainment) / p.PullInReach, 0, 1);
            // Spread over the window's weeks: the whole share is pulled by the period's end.
            pull = p.PullInShare * closeness;
            discount = p.PullInDiscount * closeness;
        }
        var capped = plan.Cap is { } cap && s.Attainment >= cap || MarginalRate(plan, s.Attainment) <= 0 && plan.Tiers.Any(t => t.Rate > 0);
        return new PlanEffect(effort, pull, capped ? p.HoldBackShare : 0, discount);
    }

    /// <summary>
    /// A rep's incentive level (0..1, <c>Behaviour.Effort</c> = 0.5 + level) with their effort multiplied by
    /// <paramref name="effort"/>: how the actor simulation's contact speed and follow-ups take the plan in.
    /// </summary>
    public static double Incentive(double incentive, double effort) =>
        Math.Clamp((0.5 + Math.Clamp(incentive, 0, 1)) * effort - 0.5, 0, 1);
}
