using System.Globalization;
using System.Text.RegularExpressions;

namespace Growth.Domain.Import;

/// <summary>
/// Parses the dates and amounts of CRM exports. Strict on purpose: a value that could be read two ways is
/// refused rather than guessed, because a wrong date or amount silently corrupts every figure built on it.
/// </summary>
public static partial class CrmValues
{
    /// <summary>
    /// Accepted date layouts. The separator decides the order of day and month, so no value can match two layouts:
    /// slashes are month first (US exports, the Maven sample), dashes are ISO year-month-day, dots are day first
    /// (European exports). A time of day may follow. Years have four digits (a two-digit year has no known century).
    /// </summary>
    static readonly string[] DateFormats =
    [
        "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss",
        "yyyy-M-d", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm:ss.FFFFFFFK", "yyyy-M-d'T'H:mm:ssK",
        "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss",
    ];

    /// <summary>The accepted layouts, for messages.</summary>
    public const string DateLayouts = "yyyy-MM-dd, d.M.yyyy, or d/M/yyyy, M/d/yyyy, d-M-yyyy, M-d-yyyy as the column decides";

    /// <summary>
    /// Reads a date. A date without an offset is taken as UTC: CRM exports carry no time zone, and UTC keeps
    /// the result the same on every machine (the import must be reproducible).
    /// </summary>
    public static bool TryParseDate(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>
    /// Reads an amount: digits with an optional decimal point, thousands grouped by commas only where the groups
    /// are whole ("1,054.50"), an optional currency symbol or ISO code ("$", "USD 1,054.50"). "1054,50" is refused:
    /// decimal comma or a grouping typo.
    /// </summary>
    public static bool TryParseAmount(string text, out decimal amount) => TryParseAmount(text, null, out amount);

    /// <summary>
    /// Reads an amount written in <paramref name="culture"/> (its thousands separator and decimal mark: "1.054,50" in
    /// de-DE), as strictly as <see cref="TryParseAmount(string, out decimal)"/>; null culture: that rule.
    /// </summary>
    public static bool TryParseAmount(string text, CultureInfo? culture, out decimal amount)
    {
        amount = 0;
        var bare = new string(text.Where(c => !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.CurrencySymbol).ToArray());
        bare = IsoCode().Replace(bare, "");
        if (culture is not null)
        {
            var format = culture.NumberFormat;
            var group = format.NumberGroupSeparator.Trim();
            // A group separator that is a space was taken out with the white space above.
            bare = string.Concat(bare.Select(c =>
                c.ToString() == format.NumberDecimalSeparator ? "." : group.Length > 0 && c.ToString() == group ? "," : c is '.' or ',' ? "?" : c.ToString()));
        }
        if (!AmountPattern().IsMatch(bare)) return false;
        return decimal.TryParse(bare.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>The culture named <paramref name="name"/>; null for none. An unknown name throws <see cref="CrmImportException"/>.</summary>
    public static CultureInfo? CultureOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try { return CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true); }
        catch (CultureNotFoundException) { throw new CrmImportException("mapping", $"amount culture '{name}' is not a known culture name (such as en-US, de-DE, fr-FR)"); }
    }

    [GeneratedRegex(@"^[A-Z]{3}(?=[-\d])|(?<=\d)[A-Z]{3}$")]
    private static partial Regex IsoCode();

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex AmountPattern();
}
