using System.Globalization;
using Growth.Domain.Figures;

namespace Growth.Dashboard.Components.Shared;

/// <summary>Number formats a sales leader reads at a glance.</summary>
public static class Format
{
    static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>An amount without a currency symbol, en-US digits: "1.25M", "45k", "5,000".</summary>
    public static string Money(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000m => (value / 1_000_000m).ToString("0.00", Culture) + "M",
        >= 10_000m => (value / 1_000m).ToString("0", Culture) + "k",
        _ => value.ToString("N0", Culture),
    };

    /// <summary>
    /// An amount in the workspace's money: its symbol where its culture puts a currency symbol (before or after,
    /// with or without a space), the culture's digits and grouping, and the same short scale as
    /// <see cref="Money(decimal)"/> ("¥1.2M", "€45k", "$5,000", "5.000 €" for de-DE).
    /// </summary>
    public static string Money(decimal value, MoneyStyle? style)
    {
        if (style is null) return Money(value);
        var culture = CultureOf(style.Culture);
        var magnitude = Math.Abs(value);
        var number = magnitude switch
        {
            >= 1_000_000m => (magnitude / 1_000_000m).ToString("0.##", culture) + "M",
            >= 10_000m => (magnitude / 1_000m).ToString("0", culture) + "k",
            _ => magnitude.ToString("N0", culture),
        };
        return WithSymbol(number, value < 0, style.Symbol, culture);
    }

    /// <summary>
    /// A written magnitude with the currency symbol where <paramref name="culture"/> puts one (before or after, with or
    /// without a space), and the culture's negative sign in front when <paramref name="negative"/>.
    /// </summary>
    public static string WithSymbol(string number, bool negative, string symbol, CultureInfo culture)
    {
        var written = culture.NumberFormat.CurrencyPositivePattern switch
        {
            1 => number + symbol,
            2 => symbol + " " + number,
            3 => number + " " + symbol,
            _ => symbol + number,
        };
        return negative ? culture.NumberFormat.NegativeSign + written : written;
    }

    /// <summary>The culture named (the platform caches it), or en-US if the name is not a known culture.</summary>
    public static CultureInfo CultureOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Culture;
        try { return CultureInfo.GetCultureInfo(name, predefinedOnly: true); }
        catch (CultureNotFoundException) { return Culture; }
    }

    public static string Percent(double value) => double.IsFinite(value) ? value.ToString("P1", Culture) : "–";
    public static string Number(long value) => value.ToString("N0", Culture);
    public static string Number(double value, string format = "N1") => double.IsFinite(value) ? value.ToString(format, Culture) : "–";
    /// <summary>A figure that may be unknown (such as the first-contact time of an import without contact times): "–" then.</summary>
    public static string Number(double? value, string format = "N1") => value is { } known ? Number(known, format) : "–";

    /// <summary>"+12.3%" style change, or an empty string when there is no base to compare with.</summary>
    public static string Change(double now, double before) =>
        before == 0 ? "" : ((now - before) / Math.Abs(before)).ToString("+0.0%;-0.0%;0.0%", Culture);
}
