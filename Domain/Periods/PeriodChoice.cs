using System.Globalization;
using System.Text.RegularExpressions;

namespace Growth.Domain.Periods;

/// <summary>What a period is: the fiscal month, quarter or year to date, the last N days, or a range of dates.</summary>
public enum PeriodKind { Month, Quarter, Year, LastDays, Custom }

/// <summary>What a period is compared with: nothing, the period of equal length just before it, or the same dates a year earlier.</summary>
public enum PeriodComparison { None, Previous, YearEarlier }

/// <summary>
/// A period as a person picks it, before it is placed on a calendar. Written in a URL as
/// <c>period=month|quarter|year|last-30|2026-01-01..2026-03-31</c> and <c>compare=previous|year|none</c>.
/// </summary>
public sealed partial record PeriodChoice(PeriodKind Kind, PeriodComparison Comparison, int Days = 0, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Fewest and most days "last N days" may span (ten years at most: the history holds 720 daily points).</summary>
    public const int MinDays = 1, MaxDays = 3650;

    /// <summary>The period pages show when none is picked: the fiscal quarter to date against the period before it.</summary>
    public static PeriodChoice Default { get; } = new(PeriodKind.Quarter, PeriodComparison.Previous);

    /// <summary>The values <see cref="Parse"/> accepts for the period, as an error names them.</summary>
    public const string AllowedPeriods = "month, quarter, year, last-N (N in 1..3650) or YYYY-MM-DD..YYYY-MM-DD";
    public const string AllowedComparisons = "previous, year or none";

    /// <summary>The URL value of the period ("quarter", "last-30", "2026-01-01..2026-03-31").</summary>
    public string PeriodValue => Kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        PeriodKind.Year => "year",
        PeriodKind.LastDays => $"last-{Days.ToString(CultureInfo.InvariantCulture)}",
        _ => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}",
    };

    /// <summary>The URL value of the comparison ("previous", "year", "none").</summary>
    public string ComparisonValue => Comparison switch
    {
        PeriodComparison.Previous => "previous",
        PeriodComparison.YearEarlier => "year",
        _ => "none",
    };

    /// <summary>
    /// Reads a period and a comparison from their URL values; a missing value takes the default's
    /// (<see cref="Default"/>). Checks what can be checked without a calendar: the form, N in 1..3650, from not after to.
    /// </summary>
    /// <exception cref="PeriodException">A value is not one of the allowed forms, N is out of range, or from is after to.</exception>
    public static PeriodChoice Parse(string? period, string? compare)
    {
        var comparison = (compare ?? "").Trim().ToLowerInvariant() switch
        {
            "" => Default.Comparison,
            "previous" => PeriodComparison.Previous,
            "year" => PeriodComparison.YearEarlier,
            "none" => PeriodComparison.None,
            _ => throw new PeriodException("compare", $"compare '{compare}' is not one of {AllowedComparisons}"),
        };
        var value = (period ?? "").Trim().ToLowerInvariant();
        switch (value)
        {
            case "": return Default with { Comparison = comparison };
            case "month": return new(PeriodKind.Month, comparison);
            case "quarter": return new(PeriodKind.Quarter, comparison);
            case "year": return new(PeriodKind.Year, comparison);
        }
        if (LastDays().Match(value) is { Success: true } last)
        {
            if (!int.TryParse(last.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < MinDays or > MaxDays)
                throw new PeriodException("period", $"period '{period}': the number of days must be in {MinDays}..{MaxDays}");
            return new(PeriodKind.LastDays, comparison, days);
        }
        if (Range().Match(value) is { Success: true } range)
        {
            var from = Date(range.Groups[1].Value, "from", period);
            var to = Date(range.Groups[2].Value, "to", period);
            if (from > to) throw new PeriodException("period", $"period '{period}': from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd})");
            return new(PeriodKind.Custom, comparison, 0, from, to);
        }
        throw new PeriodException("period", $"period '{period}' is not one of {AllowedPeriods}");
    }

    /// <summary>Like <see cref="Parse"/>, but gives the error instead of throwing it.</summary>
    public static bool TryParse(string? period, string? compare, out PeriodChoice choice, out string? error)
    {
        try
        {
            choice = Parse(period, compare);
            error = null;
            return true;
        }
        catch (PeriodException e)
        {
            choice = Default;
            error = e.Message;
            return false;
        }
    }

    static DateOnly Date(string text, string which, string? period) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PeriodException("period", $"period '{period}': {which} '{text}' is not a date (YYYY-MM-DD)");

    [GeneratedRegex(@"^last-([0-9]{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex LastDays();

    [GeneratedRegex(@"^([0-9-]+)\.\.([0-9-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}

/// <summary>A period that cannot be read or placed: <see cref="Field"/> names the query value at fault ("period" or "compare").</summary>
public sealed class PeriodException(string field, string message) : ArgumentException(message, field)
{
    public string Field { get; } = field;

    /// <summary>The message alone (ArgumentException appends the parameter name).</summary>
    public override string Message => base.Message.Replace($" (Parameter '{Field}')", "", StringComparison.Ordinal);
}
