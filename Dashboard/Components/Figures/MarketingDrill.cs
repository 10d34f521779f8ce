using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// The records behind the Marketing page's campaign bars (<see cref="MarketingCharts.SpendAgainstRevenue"/> and
/// <see cref="MarketingCharts.Roi"/>, one bar per campaign in the snapshot's order): a spend bar opens the leads the
/// campaign brought, a revenue or return bar the customers it won. Null: no campaign at that index.
/// </summary>
public static class MarketingDrill
{
    public static string? Campaign(string workspace, WorkspaceSnapshot s, int index, bool customers) =>
        index >= 0 && index < s.Campaigns.Count
            ? RecordLinks.Of(workspace, customers ? RecordKind.Customers : RecordKind.Leads, ("campaign", s.Campaigns[index].Id))
            : null;

    /// <summary>The spend-against-revenue chart's trace of a click: 0 spend, 1 attributed revenue (-1 when not given).</summary>
    public static int CurveOf(Plotly.Blazor.Interop.EventDataPoint point) =>
        int.TryParse(point.CurveNumber?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1;
}
