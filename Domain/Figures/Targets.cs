namespace Growth.Domain.Figures;

/// <summary>Revenue against target for the current period (a fiscal quarter), with a projection to its end.</summary>
public sealed record PeriodFigures(
    DateTimeOffset Start, DateTimeOffset End, decimal Target, decimal Revenue, decimal Projection, double Attainment, double ProjectedAttainment);

/// <summary>Periods and projections: pure arithmetic on the history.</summary>
public static class TargetPeriods
{
    /// <summary>Days of recent history the run rate is measured over.</summary>
    public const int RunRateDays = 14;

    /// <summary>
    /// Start (UTC) of the fiscal quarter holding <paramref name="at"/>, for fiscal years starting in month
    /// <paramref name="fiscalYearStartMonth"/> (1: calendar quarters; 10: Oct–Dec is Q1).
    /// </summary>
    /// <param name="timeZone">The company's time zone (its setup's): the quarter starts at local midnight there; null: UTC.</param>
    public static DateTimeOffset QuarterStart(DateTimeOffset at, int fiscalYearStartMonth = 1, string? timeZone = null)
    {
        if (timeZone is not null)
            return new Setup.FiscalCalendar(new Setup.CompanySetup { FiscalYearStartMonth = fiscalYearStartMonth, TimeZone = timeZone }).QuarterOf(at).Start;
        var u = at.UtcDateTime;
        var offset = (Math.Clamp(fiscalYearStartMonth, 1, 12) - 1) % 3;
        // Months since the quarter's first month, counted from the fiscal year's start month.
        var intoQuarter = ((u.Month - 1 - offset) % 3 + 3) % 3;
        return new DateTimeOffset(u.Year, u.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-intoQuarter);
    }

    /// <summary>
    /// Revenue booked since the period began, and that plus the recent daily run rate times the days left.
    /// <paramref name="revenueAtStart"/> is the cumulative revenue when the period began.
    /// </summary>
    public static PeriodFigures Project(DateTimeOffset asOf, decimal target, decimal revenueNow, decimal revenueAtStart, WorkspaceHistory history,
        int fiscalYearStartMonth = 1, string? timeZone = null)
    {
        var start = QuarterStart(asOf, fiscalYearStartMonth, timeZone);
        var end = timeZone is null ? start.AddMonths(3) : QuarterStart(start.AddDays(100), fiscalYearStartMonth, timeZone);
        var inPeriod = revenueNow - revenueAtStart;
        var runFrom = asOf.AddDays(-RunRateDays) > start ? asOf.AddDays(-RunRateDays) : start;
        var past = history.At(runFrom);
        var days = past is null ? 0 : (asOf - past.AsOf).TotalDays;
        var rate = days >= 1 && past is not null ? (revenueNow - past.Revenue.Total) / (decimal)days : 0;
        var projection = inPeriod + Math.Max(0, rate) * (decimal)Math.Max(0, (end - asOf).TotalDays);
        return new PeriodFigures(start, end, target, inPeriod, Math.Round(projection, 0),
            target == 0 ? 0 : (double)(inPeriod / target), target == 0 ? 0 : (double)(projection / target));
    }
}
