using System.Globalization;
using System.Text;
using Growth.Dashboard.Application.Records;
using Growth.Domain.Pool;

namespace Growth.Dashboard.Application.Pool;

/// <summary>
/// The lead pool's three lists as one CSV, every lead of each (the page shows the oldest <see cref="LeadPoolService.ListLimit"/>):
/// the list (waiting, overdue, returned), the lead, its team, owner, channel, campaign, since when, returns and the reason.
/// Invariant culture, RFC 4180 quoting, as the record lists' CSV.
/// </summary>
public static class PoolCsv
{
    public const string Header = "list,journeyId,customerUrl,team,teamId,region,ownerId,channel,campaign,since,returns,reason";

    public static string Write(LeadPoolAnswer answer)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        var p = answer.Pool;
        foreach (var (list, leads) in new[] { ("waiting", p.Waiting), ("overdue", p.OverdueLeads), ("returned", p.ReturnedLeads) })
            foreach (var l in leads)
            {
                string[] cells =
                [
                    list, l.JourneyId, $"/customer/{Uri.EscapeDataString(l.JourneyId)}?workspace={Uri.EscapeDataString(answer.Workspace)}",
                    l.TeamId is { } team ? answer.Teams.GetValueOrDefault(team, team) : "", l.TeamId ?? "", l.RegionId ?? "", l.RepId ?? "",
                    l.Channel?.ToString() ?? "", l.CampaignId ?? "",
                    l.Since?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                    l.Returns.ToString(CultureInfo.InvariantCulture), l.Reason ?? "",
                ];
                csv.AppendJoin(',', cells.Select(RecordsCsv.Quote)).Append("\r\n");
            }
        return csv.ToString();
    }
}
