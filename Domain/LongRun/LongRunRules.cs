using Growth.Domain.Simulation;

namespace Growth.Domain.LongRun;

/// <summary>
/// The long run's formulas, shared by the pure year-by-year model (<see cref="LongRunModel"/>) and the live actor
/// simulation (<see cref="LongRunLive"/>): how much of a region's market is still open, how it grows, how likely a rep
/// is to leave within a span, and how a fiscal year's plan is shared by the seats' ramped capacity.
/// </summary>
public static class LongRunRules
{
    /// <summary>Days in a year (the market's growth and a rep's tenure are counted in them).</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Share of a region's market still open: 1 − customers ÷ market, never below 0; leads arrive at this share of their rate.</summary>
    public static double OpenShare(double customers, double market) => market <= 0 ? 0 : Math.Max(0, 1 - customers / market);

    /// <summary>The market after <paramref name="years"/> of growth at <paramref name="growth"/> a year.</summary>
    public static double MarketAfter(double market, double growth, double years) => market * Math.Pow(1 + growth, years);

    /// <summary>Chance a rep leaves within <paramref name="years"/> under an exponential tenure of mean <paramref name="tenureYears"/> (0: never).</summary>
    public static double LeaveChance(double tenureYears, double years) => tenureYears <= 0 ? 0 : 1 - Math.Exp(-years / tenureYears);

    /// <summary>Days a rep stays, drawn from the exponential tenure of mean <paramref name="tenureYears"/> (infinity when 0: nobody leaves).</summary>
    public static double TenureDays(double tenureYears, Randomness.Prng rng) =>
        tenureYears <= 0 ? double.PositiveInfinity : rng.Exponential(tenureYears * DaysPerYear);

    /// <summary>A seat's weight in the fiscal year's plan: its capacity × its rep's mean ramp at the middle of each quarter.</summary>
    public static double QuotaWeight(BehaviourParameters p, double capacity, DateTimeOffset? hireDate, DateTimeOffset yearStart) =>
        capacity * Enumerable.Range(0, 4).Average(q => Behaviour.Ramp(p, hireDate, yearStart.AddDays(91 * q + 45)));

    /// <summary>The fiscal year's <paramref name="plan"/> shared by <paramref name="weights"/>, each rounded to a unit (all 0 when no weight).</summary>
    public static decimal[] SharePlan(decimal plan, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        return weights.Select(w => total <= 0 ? 0 : Math.Round(plan * (decimal)(w / total), 0)).ToArray();
    }

    /// <summary>
    /// Whether a rep held their quota the whole fiscal year starting <paramref name="yearStart"/>, so their attainment for
    /// it is judged: hired on or before its start (or with no hire date) and did not leave during it. A rep hired during
    /// the year had no quota in the quarter they joined and ramps up; one who left has no full year to judge.
    /// </summary>
    public static bool HeldAllYear(DateTimeOffset? hireDate, bool leftDuringYear, DateTimeOffset yearStart) =>
        !leftDuringYear && (hireDate is not { } hired || hired <= yearStart);

    /// <summary>Next fiscal year's plan: last year's revenue × (1 + growth).</summary>
    public static decimal Plan(decimal lastYearRevenue, double growth) => lastYearRevenue * (decimal)(1 + growth);
}
