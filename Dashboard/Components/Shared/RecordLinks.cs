using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Shared;

/// <summary>Addresses of the record lists behind a chart's bar: the list of one kind with the bar's filters in the query string.</summary>
public static class RecordLinks
{
    /// <summary>"records?workspace=…&amp;kind=…&amp;name=value…" (filters without a value are left out).</summary>
    public static string Of(string workspace, RecordKind kind, params (string Name, string? Value)[] filters) =>
        $"records?workspace={Uri.EscapeDataString(workspace)}&kind={kind}" + string.Concat(filters.Where(f => f.Value is not null)
            .Select(f => $"&{f.Name}={Uri.EscapeDataString(f.Value!)}"));

    /// <summary>The list a funnel stage's journeys are in: leads before the opportunity, deals at it, customers after.</summary>
    public static RecordKind KindAt(FunnelStage stage) => stage switch
    {
        < FunnelStage.Opportunity => RecordKind.Leads,
        FunnelStage.Opportunity => RecordKind.Deals,
        _ => RecordKind.Customers,
    };

    /// <summary>The index of the clicked point (bar), or -1.</summary>
    public static int IndexOf(Plotly.Blazor.Interop.EventDataPoint point) =>
        int.TryParse((point.PointIndex ?? point.PointNumber)?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1;
}
