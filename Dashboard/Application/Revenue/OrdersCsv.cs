using System.Globalization;
using System.Text;
using Growth.Domain.Orders;

namespace Growth.Dashboard.Application.Revenue;

/// <summary>The orders behind a point of the revenue line as CSV (every row): one line per order, invariant culture, RFC 4180 quoting.</summary>
public static class OrdersCsv
{
    public const string Header = "journeyId,customerUrl,eventId,bookedAt,amount,kind,name,company,owner,ownerId,team,region,campaign";

    public static string Write(IEnumerable<RevenueOrder> orders, IReadOnlyDictionary<string, string> repNames, string workspace)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var o in orders)
        {
            string[] cells =
            [
                o.JourneyId, $"/customer/{Uri.EscapeDataString(o.JourneyId)}?workspace={Uri.EscapeDataString(workspace)}", o.EventId,
                o.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), o.Amount.ToString(CultureInfo.InvariantCulture),
                o.Kind.ToString(), o.Name, o.Company,
                o.RepId is { } r ? repNames.GetValueOrDefault(r, r) : "", o.RepId ?? "", o.TeamId ?? "", o.RegionId ?? "", o.CampaignId ?? "",
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
