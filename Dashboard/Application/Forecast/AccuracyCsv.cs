using System.Globalization;
using System.Text;
using Growth.Domain.Forecast;

namespace Growth.Dashboard.Application.Forecast;

/// <summary>
/// Forecast against actual as CSV: one line per kept week of every closed period, each method's forecast, error
/// (forecast − actual) and percentage error (blank when the actual is 0 or the method did not run); invariant culture.
/// </summary>
public static class AccuracyCsv
{
    public static readonly string Header = "period,week,takenAt,actual," + string.Join(',', ForecastAccuracy.Methods.Select(m =>
    {
        var name = char.ToLowerInvariant(m.ToString()[0]) + m.ToString()[1..];
        return $"{name},{name}Error,{name}PercentError";
    }));

    public static string Write(AccuracyReport report)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var w in report.Weeks)
        {
            csv.Append(w.Period).Append(',').Append(w.Week.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(w.TakenAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(w.Actual.ToString(CultureInfo.InvariantCulture));
            foreach (var c in w.Cells)
                csv.Append(',').Append(c.Forecast?.ToString(CultureInfo.InvariantCulture)).Append(',').Append(c.Error?.ToString(CultureInfo.InvariantCulture))
                    .Append(',').Append(c.PercentError?.ToString("0.####", CultureInfo.InvariantCulture));
            csv.Append("\r\n");
        }
        return csv.ToString();
    }
}
