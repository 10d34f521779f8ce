using System.Globalization;
using Growth.Domain.Figures;
using Growth.Domain.Periods;
using Growth.Domain.Setup;

namespace Growth.Dashboard.Components.Shared;

/// <summary>The company's calendar from a snapshot (its setup's fiscal year start and time zone).</summary>
public static class PeriodWords
{
    public static FiscalCalendar Calendar(WorkspaceSnapshot s) => PeriodPlacement.CalendarOf(s);

    /// <summary>A relative change, or null when there is nothing to compare with (no comparison, or it was 0).</summary>
    public static double? Change(decimal now, decimal? before) => before is { } b && b != 0 ? (double)((now - b) / Math.Abs(b)) : null;
}

/// <summary>Periods in words: "Last 30 days", "1 Nov – 20 Nov 2026", "▲ 12% against the same days a year earlier".</summary>
public sealed partial class Words
{
    /// <summary>The kind of period ("This quarter to date", "Last 30 days", "Custom range").</summary>
    public string PeriodName(PeriodChoice c) => c.Kind switch
    {
        PeriodKind.LastDays => this["Period.LastDays", c.Days],
        _ => this[$"Period.{c.Kind}"],
    };

    /// <summary>What the period is compared with, in words.</summary>
    public string ComparisonName(PeriodComparison c) => this[$"Period.Compare.{c}"];

    /// <summary>The days of a range: "Nov 1 – Nov 20, 2026" (the last day is today's date when the range runs to now).</summary>
    public string Days(PeriodRange r) =>
        this["Period.Range", r.FirstDay.ToString(this["Format.Date"], CultureInfo.CurrentCulture), r.LastDay.ToString(this["Format.Date"], CultureInfo.CurrentCulture)];

    /// <summary>"Last 30 days (Nov 1 – Nov 30, 2026)".</summary>
    public string PeriodLabel(PeriodReport r) => this["Period.Label", PeriodName(r.Period.Choice), Days(r.Period.Current)];

    /// <summary>"against the same days a year earlier (Nov 1 – Nov 30, 2025)", or "no comparison".</summary>
    public string ComparisonLabel(PeriodReport r) => r.Period.Comparison is { } c
        ? this["Period.ComparisonLabel", ComparisonName(r.Period.Choice.Comparison), Days(c)]
        : this["Period.NoComparison"];

    /// <summary>"▲ 12% against the comparison", "▼ 5% …", or "no figures to compare" (arrows and words, never colour alone).</summary>
    public string ChangeAgainst(decimal now, decimal? before)
    {
        if (before is null) return this["Period.NothingToCompare"];
        if (PeriodWords.Change(now, before) is not { } change) return this["Period.FromNothing"];
        var arrow = change > 0 ? "▲" : change < 0 ? "▼" : "=";
        return this["Period.Change", arrow, Format.Percent(Math.Abs(change))];
    }
}
