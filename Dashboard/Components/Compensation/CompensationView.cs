using System.Globalization;
using Growth.Domain.Compensation;
using Growth.Domain.Figures;
using Growth.Dashboard.Components.Shared;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Growth.Dashboard.Components.Compensation;

/// <summary>One rep's pay in a report: the sums of their statements (one per measurement period of their plan).</summary>
public sealed record RepPayout(string RepId, string Name, string? TeamId, string Plan, decimal Target, decimal Credited, decimal Commission,
    decimal Spiffs, decimal Bonus, decimal Other, decimal Total)
{
    public double Attainment => Target > 0 ? (double)(Credited / Target) : 0;
}

/// <summary>What the Compensation page shows of a report: per-rep rows, the histogram of payouts, exact amounts.</summary>
public static class CompensationView
{
    public static IReadOnlyList<RepPayout> Reps(CompensationReport report) =>
        [.. report.Statements.GroupBy(s => s.RepId).Select(g => new RepPayout(
            g.Key, g.First().RepName, g.First().TeamId, string.Join(", ", g.Select(s => s.PlanId).Distinct()),
            g.Sum(s => s.Target), g.Sum(s => s.Credited), g.Sum(s => s.Commission), g.Sum(s => s.Spiffs), g.Sum(s => s.Bonus),
            g.Sum(s => s.BasePay + s.Clawbacks + s.Draws), g.Sum(s => s.Total)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.RepId, StringComparer.Ordinal)];

    /// <summary>How many reps pay falls in each band: a histogram of payout per rep.</summary>
    public static IList<ITrace> Distribution(IReadOnlyList<RepPayout> reps, string name) =>
        [new Histogram { X = reps.Select(r => (object)r.Total).ToList(), Name = name, NBinsX = Math.Clamp(reps.Count, 1, 20) }];

    /// <summary>An exact amount (cents shown) in the workspace's money: "$12,345.67", "12.345,67 €".</summary>
    public static string Exact(decimal value, MoneyStyle? style)
    {
        var culture = Format.CultureOf(style?.Culture);
        return Format.WithSymbol(Math.Abs(value).ToString("N2", culture), value < 0, style?.Symbol ?? "", culture);
    }

    /// <summary>The amount as the page's data attributes hold it (invariant, for checks that must add up exactly).</summary>
    public static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
