using Growth.Domain.Setup;

namespace Growth.Domain.Periods;

/// <summary>
/// A stretch of the company's days: <see cref="FirstDay"/>..<see cref="LastDay"/> (local dates, both included) and the
/// instants it spans, [<see cref="Start"/>, <see cref="End"/>): local midnight of the first day to local midnight after
/// the last, or to now when the last day is today.
/// </summary>
public sealed record PeriodRange(DateOnly FirstDay, DateOnly LastDay, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Days the range covers (today counts as a day).</summary>
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    /// <summary>Whether the range runs to its last day's end (false: it stops at now, part-way through today).</summary>
    public bool Complete(FiscalCalendar calendar) => End == calendar.StartOfDay(LastDay.AddDays(1));
}

/// <summary>A chosen period placed on the company's calendar at a moment: the period and what it is compared with.</summary>
public sealed record ResolvedPeriod(PeriodChoice Choice, PeriodRange Current, PeriodRange? Comparison);

/// <summary>
/// Places a <see cref="PeriodChoice"/> on the company's fiscal calendar and time zone (<see cref="FiscalCalendar"/>):
/// month, quarter and year to date start at the fiscal period's local midnight; "last N days" are the N local days
/// ending today; a custom range runs from local midnight of its first day to local midnight after its last (or now).
/// </summary>
public static class PeriodPlacement
{
    /// <summary>The company's calendar a snapshot carries (its setup's fiscal year start and time zone).</summary>
    public static FiscalCalendar CalendarOf(Figures.WorkspaceSnapshot s) =>
        new(new CompanySetup { FiscalYearStartMonth = s.FiscalYearStartMonth, TimeZone = s.TimeZone });

    /// <summary>
    /// The snapshot with the figures of <paramref name="choice"/> (<see cref="Figures.WorkspaceSnapshot.InPeriod"/>),
    /// counted from the workspace's daily <paramref name="history"/> and the snapshot's now, on its calendar.
    /// </summary>
    /// <exception cref="PeriodException">A custom range outside the history.</exception>
    public static Figures.WorkspaceSnapshot WithPeriod(Figures.WorkspaceSnapshot s, PeriodChoice choice, IReadOnlyList<Figures.HistoryPoint> history)
    {
        var placed = Place(choice, CalendarOf(s), s.AsOf, history.Count > 0 ? history.Min(h => h.AsOf) : null);
        return s with { InPeriod = PeriodReport.Of(placed, [.. history, PeriodReport.PointOf(s)]) };
    }

    /// <param name="now">The workspace's now (its simulated clock, or an imported history's now).</param>
    /// <param name="historyStart">When the workspace's history begins; a custom range may not start before its first day.</param>
    /// <exception cref="PeriodException">A custom range outside the history: before its first day or after today.</exception>
    public static ResolvedPeriod Place(PeriodChoice choice, FiscalCalendar calendar, DateTimeOffset now, DateTimeOffset? historyStart = null)
    {
        var today = calendar.LocalDate(now);
        var current = choice.Kind switch
        {
            PeriodKind.Month => ToDate(calendar.MonthOf(now).Start, calendar, now),
            PeriodKind.Quarter => ToDate(calendar.QuarterOf(now).Start, calendar, now),
            PeriodKind.Year => ToDate(calendar.YearOf(now).Start, calendar, now),
            PeriodKind.LastDays => Days(today.AddDays(-(choice.Days - 1)), today, calendar, now),
            _ => Custom(choice, calendar, now, today, historyStart),
        };
        var comparison = choice.Comparison switch
        {
            PeriodComparison.Previous => Shift(current, d => d.AddDays(-current.Days), calendar),
            PeriodComparison.YearEarlier => Shift(current, d => d.AddYears(-1), calendar),
            _ => null,
        };
        return new ResolvedPeriod(choice, current, comparison);
    }

    static PeriodRange ToDate(DateTimeOffset start, FiscalCalendar calendar, DateTimeOffset now) =>
        Days(calendar.LocalDate(start), calendar.LocalDate(now), calendar, now);

    static PeriodRange Days(DateOnly first, DateOnly last, FiscalCalendar calendar, DateTimeOffset now)
    {
        var end = calendar.StartOfDay(last.AddDays(1));
        return new PeriodRange(first, last, calendar.StartOfDay(first), end < now ? end : now);
    }

    static PeriodRange Custom(PeriodChoice choice, FiscalCalendar calendar, DateTimeOffset now, DateOnly today, DateTimeOffset? historyStart)
    {
        var (from, to) = (choice.From!.Value, choice.To!.Value);
        if (to > today)
            throw new PeriodException("period", $"period '{choice.PeriodValue}': to ({to:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}); there are no figures yet");
        if (historyStart is { } h && from < calendar.LocalDate(h))
            throw new PeriodException("period",
                $"period '{choice.PeriodValue}': from ({from:yyyy-MM-dd}) is before the history, which starts on {calendar.LocalDate(h):yyyy-MM-dd}");
        return Days(from, to, calendar, now);
    }

    /// <summary>
    /// The range moved to other days by <paramref name="move"/> (applied to the first and last day). A range stopping
    /// part-way through today stops as far into its new last day (so a to-date period is compared with the same hours).
    /// A leap day a year back is 28 February: the year-earlier range may then be a day shorter.
    /// </summary>
    static PeriodRange Shift(PeriodRange range, Func<DateOnly, DateOnly> move, FiscalCalendar calendar)
    {
        var (first, last) = (move(range.FirstDay), move(range.LastDay));
        var end = range.Complete(calendar)
            ? calendar.StartOfDay(last.AddDays(1))
            : calendar.StartOfDay(last) + (range.End - calendar.StartOfDay(range.LastDay));
        return new PeriodRange(first, last, calendar.StartOfDay(first), end);
    }
}
