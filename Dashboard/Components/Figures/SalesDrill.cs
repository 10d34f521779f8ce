using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// The records behind each bar of the Sales page's charts (<see cref="SalesCharts"/>, same order): a team's attainment
/// bar opens the team's customers (whose orders it booked), a pipeline bar the open deals working on that step (the
/// records' <c>working</c> filter counts as the chart does, <see cref="Tally.PipelineStep"/>), a receivables ageing bar
/// the customers with money in that bucket now (<c>overdue</c>, <see cref="ReceivableAge"/>), a team's win-rate or
/// cycle bar the team's deals. Null: no bar at that index.
/// </summary>
public static class SalesDrill
{
    public static string? Attainment(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < s.Teams.Count ? RecordLinks.Of(workspace, RecordKind.Customers, ("team", s.Teams[index].Id)) : null;

    public static string? WinRateAndCycle(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < s.Teams.Count ? RecordLinks.Of(workspace, RecordKind.Deals, ("team", s.Teams[index].Id)) : null;

    public static string? Pipeline(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < s.Pipeline.Count
            ? RecordLinks.Of(workspace, RecordKind.Deals, ("status", nameof(JourneyStatus.Prospect)), ("working", s.Pipeline[index].Step.ToString()))
            : null;

    /// <summary>The ageing chart's bars in order: not yet due, 1–30, 31–60, 61–90 and over 90 days overdue (<see cref="SalesCharts.Ageing"/>).</summary>
    public static string? Ageing(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < AgeingBars.Length ? RecordLinks.Of(workspace, RecordKind.Customers, ("overdue", AgeingBars[index].ToString())) : null;

    /// <summary>The buckets of the ageing chart's bars, in their order.</summary>
    public static readonly OverdueAge[] AgeingBars = Enum.GetValues<OverdueAge>();
}
