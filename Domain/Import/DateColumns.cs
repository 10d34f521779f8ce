using System.Globalization;
using System.Text.RegularExpressions;

namespace Growth.Domain.Import;

/// <summary>Which part of a date written with numbers only (<c>20/10/2017</c>, <c>10-20-2017</c>) is the day.</summary>
public enum DateOrder
{
    /// <summary>Day, month, year: <c>20-10-2017</c>, <c>26/02/2018 19:58</c>.</summary>
    DayFirst,
    /// <summary>Month, day, year: <c>10/20/2017</c> (US exports, the Maven sample).</summary>
    MonthFirst,
}

/// <summary>How a date column is read: the order for its day-or-month dates (null when none needs one), a note, or why it cannot be read.</summary>
/// <param name="Order">The order used for dates with slashes or dashes between day, month and year.</param>
/// <param name="Note">What was decided, when some rows could be read either way.</param>
/// <param name="Refusal">Why the whole column cannot be read (then nothing is imported); null when it can.</param>
public sealed record DateColumnReading(DateOrder? Order, string? Note, string? Refusal);

/// <summary>
/// Detects, over every value of a date column, whether its dates are day-first or month-first, so that no date
/// is ever silently swapped. ISO dates (<c>2017-10-20</c>, a time may follow) need no decision; dotted dates
/// (<c>20.10.2017</c>) are day-first by convention (assumed: no export writes dotted dates month-first). For
/// dates with slashes or dashes, a first part above 12 proves day-first, a second part above 12 proves month-first:
/// if the proven rows agree, their order is used for the undecided ones (and said in a note); if nothing decides,
/// or the column contradicts itself, the column is refused unless the mapping names its format.
/// </summary>
public static partial class DateColumns
{
    /// <summary>The format names a mapping may give a date column ("detect" asks for detection).</summary>
    public const string FormatNames = "day-first or month-first";

    /// <summary>A mapping's format name as an order; null for an unknown name.</summary>
    public static DateOrder? ParseFormat(string name) => name.Trim().ToLowerInvariant() switch
    {
        "day-first" or "dayfirst" or "dmy" or "dd/mm/yyyy" or "dd-mm-yyyy" => DateOrder.DayFirst,
        "month-first" or "monthfirst" or "mdy" or "mm/dd/yyyy" or "mm-dd-yyyy" => DateOrder.MonthFirst,
        _ => null,
    };

    /// <summary>Whether a mapping's format name asks for detection ("detect" or "auto").</summary>
    public static bool IsDetect(string name) => name.Trim().ToLowerInvariant() is "detect" or "auto";

    static string Name(DateOrder order) => order == DateOrder.DayFirst ? "day-first" : "month-first";

    /// <summary>
    /// Decides how column <paramref name="column"/> of <paramref name="file"/> is read, from all its values
    /// (line in the file, text). <paramref name="declared"/> is the mapping's format for the column, if any.
    /// </summary>
    public static DateColumnReading Detect(string file, string column, IEnumerable<(int Line, string Text)> values, string? declared)
    {
        if (!string.IsNullOrWhiteSpace(declared) && !IsDetect(declared))
            return ParseFormat(declared) is { } order
                ? new DateColumnReading(order, null, null)
                : new DateColumnReading(null, null, $"{file}: the format '{declared}' given for column {column} is not {FormatNames} (or detect)");

        var ambiguous = 0;
        (int Line, string Text)? dayFirst = null, monthFirst = null;
        foreach (var (line, text) in values)
        {
            if (Parts(text) is not { } p) continue;
            if (p.First > 12 && p.Second <= 12) dayFirst ??= (line, text.Trim());
            else if (p.Second > 12 && p.First <= 12) monthFirst ??= (line, text.Trim());
            else if (p.First <= 12 && p.Second <= 12) ambiguous++;
        }
        if (dayFirst is { } d && monthFirst is { } m)
            return new DateColumnReading(null, null,
                $"{file}: column {column} contradicts itself: row {d.Line} '{d.Text}' can only be day-first, row {m.Line} '{m.Text}' only month-first; " +
                "correct the file or give the column's format");
        var proven = dayFirst is not null ? DateOrder.DayFirst : monthFirst is not null ? DateOrder.MonthFirst : (DateOrder?)null;
        if (ambiguous == 0) return new DateColumnReading(proven, null, null);
        var could = $"{ambiguous.ToString("N0", CultureInfo.InvariantCulture)} row{(ambiguous == 1 ? "" : "s")} of {file} could be day-first or month-first";
        return proven is { } decided
            ? new DateColumnReading(decided, $"column {column}: {could}; every unambiguous row is {Name(decided)}, so {Name(decided)} is used", null)
            : new DateColumnReading(null, null, $"column {column}: {could}; no row decides it, so a format ({FormatNames}) must be chosen for column {column}");
    }

    /// <summary>
    /// Reads a date of the column: ISO and dotted dates as <see cref="CrmValues.TryParseDate"/> does, dates with
    /// slashes or dashes in <paramref name="order"/> (month-first when the column needed no decision). UTC, as there.
    /// </summary>
    public static bool TryParse(string text, DateOrder? order, out DateTimeOffset at)
    {
        at = default;
        if (Parts(text) is not { } p) return CrmValues.TryParseDate(text, out at);
        var (month, day) = (order ?? (p.First > 12 ? DateOrder.DayFirst : DateOrder.MonthFirst)) == DateOrder.DayFirst
            ? (p.Second, p.First) : (p.First, p.Second);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(p.Year, month)) return false;
        if (p.Hour > 23 || p.Minute > 59 || p.SecondOfMinute > 59) return false;
        at = new DateTimeOffset(p.Year, month, day, p.Hour, p.Minute, p.SecondOfMinute, TimeSpan.Zero);
        return true;
    }

    readonly record struct DateParts(int First, int Second, int Year, int Hour, int Minute, int SecondOfMinute);

    /// <summary>The numbers of a date with slashes or dashes between day, month and a four-digit year; null for any other text.</summary>
    static DateParts? Parts(string text)
    {
        var m = DayOrMonthFirst().Match(text.Trim());
        if (!m.Success) return null;
        int N(int group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var year = N(3);
        return year < 1 ? null : new DateParts(N(1), N(2), year, N(4), N(5), N(6));
    }

    // Unnamed groups are numbered before named ones: 1 first part, 2 second part, 3 year, 4-6 time of day.
    [GeneratedRegex(@"^(\d{1,2})(?<sep>[/-])(\d{1,2})\k<sep>(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayOrMonthFirst();
}
