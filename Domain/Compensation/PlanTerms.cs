using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// A pay plan compiled for a projection's hot loop: tier bands as arrays (attainment units), cap, the period's
/// length in weeks and the expected spiff per deal. Commission is marginal, as <see cref="Commission"/> pays it.
/// </summary>
public sealed class PlanTerms
{
    public required CompensationPlanSetup Plan { get; init; }
    public required double[] From { get; init; }
    public required double[] To { get; init; }
    public required double[] Rate { get; init; }
    /// <summary>Highest attainment paid (infinity: no cap).</summary>
    public required double Cap { get; init; }
    /// <summary>Weeks in one measurement period (month 52/12, quarter 13, year 52).</summary>
    public required double PeriodWeeks { get; init; }
    /// <summary>Spiff a won deal earns on average (the spiffs weighted by their products' share of deals).</summary>
    public required double SpiffPerDeal { get; init; }

    /// <param name="productShares">Share of won deals per catalogue product id (for spiffs).</param>
    /// <param name="channelShares">Share of won deals per lead channel (for spiffs per channel); null: even over the channels.</param>
    public static PlanTerms Of(CompensationPlanSetup plan, IReadOnlyDictionary<string, double> productShares,
        IReadOnlyDictionary<Journeys.Channel, double>? channelShares = null)
    {
        var tiers = plan.Tiers;
        return new PlanTerms
        {
            Plan = plan,
            From = tiers.Select(t => t.From).ToArray(),
            To = tiers.Select(t => t.To ?? double.PositiveInfinity).ToArray(),
            Rate = tiers.Select(t => t.Rate).ToArray(),
            Cap = plan.Cap ?? double.PositiveInfinity,
            PeriodWeeks = WeeksOf(plan.Period),
            SpiffPerDeal = plan.Spiffs.Sum(s => (double)s.Amount * s.Share(productShares, channelShares)),
        };
    }

    public static double WeeksOf(MeasurementPeriod period) => period switch
    {
        MeasurementPeriod.Month => 52.0 / 12,
        MeasurementPeriod.Year => 52,
        _ => 13,
    };

    /// <summary>Commission on the revenue between <paramref name="from"/> and <paramref name="to"/> credited in a period with <paramref name="target"/>.</summary>
    public double Pay(double target, double from, double to)
    {
        if (to <= from || Rate.Length == 0) return 0;
        if (target <= 0) return (to - from) * Rate[0];
        var paidUpTo = Cap * target;
        var pay = 0.0;
        for (var i = 0; i < Rate.Length; i++)
        {
            var lo = From[i] * target;
            var hi = Math.Min(To[i] * target, paidUpTo);
            var within = Math.Min(to, hi) - Math.Max(from, lo);
            if (within > 0) pay += within * Rate[i];
        }
        return pay;
    }

    /// <summary>On-target earnings per period: the plan's, or base pay plus commission and spiffs at 100 % when it states none.</summary>
    public double OnTargetEarnings(double target, double dealsAtTarget) =>
        Plan.OnTargetEarnings > 0 ? (double)Plan.OnTargetEarnings : (double)Plan.BasePay + Pay(target, 0, target) + SpiffPerDeal * dealsAtTarget;
}
