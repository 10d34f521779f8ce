using System.Globalization;
using System.Text;
using Growth.Domain.Records;

namespace Growth.Dashboard.Application.Records;

/// <summary>A record list as CSV (every matching row, not the page shown): one line per journey, invariant culture, RFC 4180 quoting.</summary>
public static class RecordsCsv
{
    public const string Header = "journeyId,customerUrl,name,company,status,stage,step,owner,ownerId,team,region,channel,campaign,value,category,created,stepSince,expectedClose,closed,lastActivity,grade";

    public static string Write(IEnumerable<CustomerRecord> rows, IReadOnlyDictionary<string, string> owners, string workspace)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in rows)
        {
            string[] cells =
            [
                r.JourneyId, $"/customer/{Uri.EscapeDataString(r.JourneyId)}?workspace={Uri.EscapeDataString(workspace)}", r.Name, r.Company,
                r.Status.ToString(), r.Stage?.ToString() ?? "", RecordList.StepName(r) ?? "",
                r.RepId is { } rep ? owners.GetValueOrDefault(rep, rep) : "", r.RepId ?? "", r.TeamId ?? "", r.RegionId ?? "",
                r.Channel?.ToString() ?? "", r.CampaignId ?? "", r.Value.ToString(CultureInfo.InvariantCulture), r.Category?.ToString() ?? "",
                Day(r.CreatedAt), Day(r.StepAt), Day(r.ExpectedCloseAt), Day(r.ClosedAt), Day(r.LastActivityAt), r.Grade?.ToString() ?? "",
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    static string Day(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    // A cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula (names come from CRMs).
    public static string Quote(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0]) && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }
}
