using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// The records behind the Marketing page's campaign bars (<see cref="MarketingCharts.SpendAgainstRevenue"/> and
/// <see cref="MarketingCharts.Roi"/>, one bar per campaign in the snapshot's order): a spend bar opens the leads the
/// campaign brought, a revenue or return bar the customers it won; a day of the leads chart the leads qualified that day.
/// Null: no campaign at that index.
/// </summary>
public static class MarketingDrill
{
    public static string? Campaign(string workspace, WorkspaceSnapshot s, int index, bool customers) =>
        index >= 0 && index < s.Campaigns.Count
            ? RecordLinks.Of(workspace, customers ? RecordKind.Customers : RecordKind.Leads, ("campaign", s.Campaigns[index].Id))
            : null;

    /// <summary>
    /// A point of the leads-a-day chart (<see cref="MarketingCharts.EffectiveLeadsPerDay"/>: two lines per campaign, the
    /// day's and its 7-day average, over <paramref name="history"/>'s days after the first) opens the campaign's leads
    /// qualified (made effective) that day, (previous point, point]: as many as the day's line counts a day.
    /// </summary>
    public static string? LeadsOfDay(string workspace, WorkspaceSnapshot s, IReadOnlyList<HistoryPoint> history, int curve, int index)
    {
        var campaign = curve / 2;
        if (curve < 0 || campaign >= s.Campaigns.Count || index < 0 || index + 1 >= history.Count) return null;
        return RecordLinks.Of(workspace, RecordKind.All, ("campaign", s.Campaigns[campaign].Id),
            ("entered", EnteredWindow.Of(Growth.Domain.Journeys.FunnelStage.QualifiedIntent, history[index].AsOf, history[index + 1].AsOf)));
    }

    /// <summary>The spend-against-revenue chart's trace of a click: 0 spend, 1 attributed revenue (-1 when not given).</summary>
    public static int CurveOf(Plotly.Blazor.Interop.EventDataPoint point) =>
        int.TryParse(point.CurveNumber?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1;
}
