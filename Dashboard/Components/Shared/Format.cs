using System.Globalization;

namespace Growth.Dashboard.Components.Shared;

/// <summary>Number formats a sales leader reads at a glance.</summary>
public static class Format
{
    static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000m => (value / 1_000_000m).ToString("0.00", Culture) + "M",
        >= 10_000m => (value / 1_000m).ToString("0", Culture) + "k",
        _ => value.ToString("N0", Culture),
    };

    public static string Percent(double value) => double.IsFinite(value) ? value.ToString("P1", Culture) : "–";
    public static string Number(long value) => value.ToString("N0", Culture);
    public static string Number(double value, string format = "N1") => double.IsFinite(value) ? value.ToString(format, Culture) : "–";

    /// <summary>"+12.3%" style change, or an empty string when there is no base to compare with.</summary>
    public static string Change(double now, double before) =>
        before == 0 ? "" : ((now - before) / Math.Abs(before)).ToString("+0.0%;-0.0%;0.0%", Culture);
}
