using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// The records behind each bar of the Sales page's charts (<see cref="SalesCharts"/>, same order): a team's attainment
/// bar opens the team's customers (whose orders it booked), a pipeline bar the open deals working on that step, a team's
/// win-rate or cycle bar the team's deals. The receivables ageing has no list behind it (the record lists do not filter
/// by what is overdue): its bars do not click. Null: no bar at that index.
/// </summary>
public static class SalesDrill
{
    public static string? Attainment(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < s.Teams.Count ? RecordLinks.Of(workspace, RecordKind.Customers, ("team", s.Teams[index].Id)) : null;

    public static string? WinRateAndCycle(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < s.Teams.Count ? RecordLinks.Of(workspace, RecordKind.Deals, ("team", s.Teams[index].Id)) : null;

    public static string? Pipeline(string workspace, WorkspaceSnapshot s, int index) =>
        index >= 0 && index < s.Pipeline.Count
            ? RecordLinks.Of(workspace, RecordKind.Deals, ("status", nameof(JourneyStatus.Prospect)), ("step", StepFilter(s.Pipeline[index].Step)))
            : null;

    /// <summary>
    /// The records' step filter (the furthest step passed, "Opened" for none) of the open deals the pipeline counts as
    /// working on <paramref name="working"/> (<see cref="Tally"/>: the step after the last one passed).
    /// </summary>
    public static string StepFilter(ConversationStep working) =>
        working == ConversationStep.Opening ? RecordQuery.Steps[0] : (working - 1).ToString();
}
