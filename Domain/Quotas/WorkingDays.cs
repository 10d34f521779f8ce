using Growth.Domain.Setup;

namespace Growth.Domain.Quotas;

/// <summary>The company's working days in a fiscal period: its local dates that fall on one of the setup's working weekdays.</summary>
public static class WorkingDays
{
    /// <summary>Each working date in [<paramref name="period"/>.Start, End), in the company's time zone, in order.</summary>
    public static IReadOnlyList<DateOnly> In(FiscalCalendar calendar, FiscalPeriod period) => Between(calendar, period.Start, period.End);

    /// <summary>Each working date from the local date of <paramref name="from"/> up to (not including) the local date of <paramref name="to"/>.</summary>
    public static IReadOnlyList<DateOnly> Between(FiscalCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var working = calendar.Company.WorkingDays.ToHashSet();
        var first = calendar.LocalDate(from);
        var end = calendar.LocalDate(to);
        var dates = new List<DateOnly>();
        for (var d = first; d < end; d = d.AddDays(1))
            if (working.Contains(d.DayOfWeek)) dates.Add(d);
        return dates;
    }
}
