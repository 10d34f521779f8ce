using System.Globalization;
using System.Text;
using Growth.Domain.Forecast;

namespace Growth.Dashboard.Application.Forecast;

/// <summary>The open deals as CSV (every row, not the page shown): one line per deal, invariant culture, RFC 4180 quoting.</summary>
public static class DealsCsv
{
    public const string Header = "journeyId,customerUrl,name,company,owner,ownerId,team,region,value,step,daysInStep,expectedClose,timesPushed,category";

    public static string Write(IEnumerable<Deal> deals, IReadOnlyDictionary<string, string> repNames, string workspace)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var d in deals)
        {
            string[] cells =
            [
                d.JourneyId, $"/customer/{Uri.EscapeDataString(d.JourneyId)}?workspace={Uri.EscapeDataString(workspace)}",
                d.Name, d.Company,
                d.RepId is { } r ? repNames.GetValueOrDefault(r, r) : "", d.RepId ?? "", d.TeamId ?? "", d.RegionId ?? "",
                d.Amount.ToString(CultureInfo.InvariantCulture), d.Step?.ToString() ?? "Opened",
                d.DaysInStep.ToString("0.0", CultureInfo.InvariantCulture), d.ExpectedCloseAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.Pushes.ToString(CultureInfo.InvariantCulture), d.Category.ToString(),
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
