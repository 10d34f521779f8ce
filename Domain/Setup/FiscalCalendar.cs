using System.Globalization;
using System.Text.RegularExpressions;

namespace Growth.Domain.Setup;

/// <summary>What kind of fiscal period a name stands for.</summary>
public enum FiscalPeriodKind
{
    /// <summary>A period the company named itself (<see cref="CompanySetup.FiscalPeriods"/>).</summary>
    Named,
    /// <summary>A whole fiscal year ("FY2027").</summary>
    Year,
    /// <summary>A fiscal quarter ("FY2027-Q1").</summary>
    Quarter,
    /// <summary>A fiscal month ("FY2027-M03", numbered from the fiscal year's first month).</summary>
    Month,
}

/// <summary>A fiscal period [Start, End) in UTC, with its name ("FY2027-Q1", "FY2027-M03", or a period the company named).</summary>
public sealed record FiscalPeriod(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Whether this is a year, quarter, month or a period the company named (named unless a calendar says otherwise).</summary>
    public FiscalPeriodKind Kind { get; init; } = FiscalPeriodKind.Named;

    /// <summary>The fiscal year the period belongs to (the calendar year its fiscal year ends in); 0 for named periods.</summary>
    public int FiscalYear { get; init; }

    /// <summary>Quarter (1..4) or fiscal month (1..12) number; 0 for years and named periods.</summary>
    public int Number { get; init; }

    /// <summary>Whether <paramref name="at"/> falls in [Start, End).</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The period's length.</summary>
    public TimeSpan Length => End - Start;
}

/// <summary>
/// The company's fiscal calendar: fiscal years starting in the setup's month (named by the calendar year they end
/// in), their quarters and months, or the periods the company named itself; days counted in the company's time zone.
/// </summary>
/// <remarks>
/// Start month 1: FY2027 is Jan–Dec 2027. Start month 10: FY2027 is Oct 2026–Sep 2027. Every boundary is local midnight
/// in <see cref="CompanySetup.TimeZone"/>, converted to UTC; the end is exclusive. Named periods
/// (<see cref="CompanySetup.FiscalPeriods"/>) are additional names targets may use: <see cref="Find"/> finds them
/// (before the standard names), while <see cref="QuarterOf"/> and <see cref="MonthOf"/> always give the standard
/// fiscal quarters and months. An unknown time zone counts in UTC and a start month outside 1..12 counts as 1
/// (the validator refuses both; the calendar itself never throws on a setup).
/// </remarks>
public sealed partial class FiscalCalendar(CompanySetup company)
{
    /// <summary>Smallest and largest fiscal year a name may have (kept well inside DateTime's range).</summary>
    public const int MinYear = 1901, MaxYear = 9998;

    public static FiscalCalendar Default { get; } = new(new CompanySetup());

    public CompanySetup Company { get; } = company;

    /// <summary>The company's time zone (UTC when the id is unknown).</summary>
    public TimeZoneInfo TimeZone { get; } = FindTimeZone(company.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>Month (1..12) the fiscal year starts in.</summary>
    public int StartMonth { get; } = company.FiscalYearStartMonth is >= 1 and <= 12 ? company.FiscalYearStartMonth : 1;

    readonly Dictionary<string, FiscalPeriod> named = NamedPeriods(company, FindTimeZone(company.TimeZone) ?? TimeZoneInfo.Utc);

    /// <summary>The time zone with this IANA or Windows id, or null if the system has none.</summary>
    public static TimeZoneInfo? FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    /// <summary>The fiscal quarter <paramref name="at"/> falls in (always a standard quarter, never a named period).</summary>
    public FiscalPeriod QuarterOf(DateTimeOffset at)
    {
        var (year, month) = FiscalMonthOf(at);
        return Quarter(year, (month - 1) / 3 + 1);
    }

    /// <summary>The fiscal month <paramref name="at"/> falls in.</summary>
    public FiscalPeriod MonthOf(DateTimeOffset at)
    {
        var (year, month) = FiscalMonthOf(at);
        return Month(year, month);
    }

    /// <summary>The fiscal year <paramref name="at"/> falls in.</summary>
    public FiscalPeriod YearOf(DateTimeOffset at) => Year(FiscalMonthOf(at).Year);

    /// <summary>The period with this name, or null if the calendar has none.</summary>
    /// <remarks>Named periods match exactly; "FY2027", "FY2027-Q1".."Q4" and "FY2027-M01".."M12" are the standard names.</remarks>
    public FiscalPeriod? Find(string name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        if (named.TryGetValue(name, out var period)) return period;
        var m = StandardName().Match(name);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear) return null;
        if (m.Groups["q"].Success) return Quarter(year, m.Groups["q"].Value[0] - '0');
        if (m.Groups["m"].Success) return Month(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        return Year(year);
    }

    /// <summary>The periods the company named, by start.</summary>
    public IReadOnlyList<FiscalPeriod> NamedPeriods() => [.. named.Values.OrderBy(p => p.Start)];

    /// <summary>Fiscal year <paramref name="fiscalYear"/> (named by the calendar year it ends in).</summary>
    public FiscalPeriod Year(int fiscalYear)
    {
        CheckYear(fiscalYear);
        return new FiscalPeriod($"FY{fiscalYear:D4}", Boundary(fiscalYear, 0), Boundary(fiscalYear, 12))
        { Kind = FiscalPeriodKind.Year, FiscalYear = fiscalYear };
    }

    /// <summary>Quarter <paramref name="quarter"/> (1..4) of fiscal year <paramref name="fiscalYear"/>.</summary>
    public FiscalPeriod Quarter(int fiscalYear, int quarter)
    {
        CheckYear(fiscalYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new FiscalPeriod($"FY{fiscalYear:D4}-Q{quarter}", Boundary(fiscalYear, (quarter - 1) * 3), Boundary(fiscalYear, quarter * 3))
        { Kind = FiscalPeriodKind.Quarter, FiscalYear = fiscalYear, Number = quarter };
    }

    /// <summary>Fiscal month <paramref name="month"/> (1..12, counted from the fiscal year's first month).</summary>
    public FiscalPeriod Month(int fiscalYear, int month)
    {
        CheckYear(fiscalYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new FiscalPeriod($"FY{fiscalYear:D4}-M{month:D2}", Boundary(fiscalYear, month - 1), Boundary(fiscalYear, month))
        { Kind = FiscalPeriodKind.Month, FiscalYear = fiscalYear, Number = month };
    }

    /// <summary>The four quarters of fiscal year <paramref name="fiscalYear"/>.</summary>
    public IReadOnlyList<FiscalPeriod> QuartersOfYear(int fiscalYear) => [.. Enumerable.Range(1, 4).Select(q => Quarter(fiscalYear, q))];

    /// <summary>The twelve months of fiscal year <paramref name="fiscalYear"/>.</summary>
    public IReadOnlyList<FiscalPeriod> MonthsOfYear(int fiscalYear) => [.. Enumerable.Range(1, 12).Select(m => Month(fiscalYear, m))];

    /// <summary>The standard quarter a (standard or named) period starts in.</summary>
    public FiscalPeriod QuarterContaining(FiscalPeriod period) => QuarterOf(period.Start);

    /// <summary>The year, quarter or month after a standard period; the next named period (or null) after a named one.</summary>
    public FiscalPeriod? Next(FiscalPeriod period) => Step(period, +1);

    /// <summary>The year, quarter or month before a standard period; the previous named period (or null) before a named one.</summary>
    public FiscalPeriod? Previous(FiscalPeriod period) => Step(period, -1);

    /// <summary>The company's local date at <paramref name="at"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);

    /// <summary>Local midnight starting <paramref name="date"/>, in UTC (a midnight skipped by daylight saving moves to the first valid local time).</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => LocalMidnight(date, TimeZone);

    FiscalPeriod? Step(FiscalPeriod period, int by)
    {
        switch (period.Kind)
        {
            case FiscalPeriodKind.Year:
                return InRange(period.FiscalYear + by) ? Year(period.FiscalYear + by) : null;
            case FiscalPeriodKind.Quarter:
                {
                    var index = period.FiscalYear * 4 + period.Number - 1 + by;
                    return InRange(index / 4) ? Quarter(index / 4, index % 4 + 1) : null;
                }
            case FiscalPeriodKind.Month:
                {
                    var index = period.FiscalYear * 12 + period.Number - 1 + by;
                    return InRange(index / 12) ? Month(index / 12, index % 12 + 1) : null;
                }
            default:
                var ordered = NamedPeriods();
                var i = ordered.ToList().FindIndex(p => p.Name == period.Name);
                if (i < 0) return null;
                var j = i + by;
                return j >= 0 && j < ordered.Count ? ordered[j] : null;
        }
    }

    static bool InRange(int year) => year is >= MinYear and <= MaxYear;

    static void CheckYear(int fiscalYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYear, MaxYear);
    }

    (int Year, int Month) FiscalMonthOf(DateTimeOffset at)
    {
        var local = LocalDate(at);
        var fiscalMonth = (local.Month - StartMonth + 12) % 12 + 1;
        var fiscalYear = StartMonth == 1 || local.Month < StartMonth ? local.Year : local.Year + 1;
        return (fiscalYear, fiscalMonth);
    }

    /// <summary>Local midnight at the start of fiscal month <paramref name="monthsIn"/>+1 (0-based, may be 12) of the year.</summary>
    DateTimeOffset Boundary(int fiscalYear, int monthsIn)
    {
        var first = new DateOnly(StartMonth == 1 ? fiscalYear : fiscalYear - 1, StartMonth, 1);
        return LocalMidnight(first.AddMonths(monthsIn), TimeZone);
    }

    static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Some zones skip midnight when daylight saving starts (the day then begins at 01:00).
        for (var i = 0; i < 24 && zone.IsInvalidTime(local); i++) local = local.AddMinutes(30);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    static Dictionary<string, FiscalPeriod> NamedPeriods(CompanySetup company, TimeZoneInfo zone)
    {
        var periods = new Dictionary<string, FiscalPeriod>(StringComparer.Ordinal);
        foreach (var p in company.FiscalPeriods)
        {
            if (string.IsNullOrEmpty(p.Name) || periods.ContainsKey(p.Name) || p.End < p.Start) continue;
            if (p.Start.Year < MinYear || p.End.Year > MaxYear) continue;
            periods[p.Name] = new FiscalPeriod(p.Name, LocalMidnight(p.Start, zone), LocalMidnight(p.End.AddDays(1), zone));
        }
        return periods;
    }

    [GeneratedRegex(@"^FY(?<year>[0-9]{4})(-(Q(?<q>[1-4])|M(?<m>0[1-9]|1[0-2])))?$", RegexOptions.CultureInvariant)]
    private static partial Regex StandardName();
}
