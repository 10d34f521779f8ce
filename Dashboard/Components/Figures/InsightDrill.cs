using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// The records behind the Insight page's loss charts (<see cref="InsightCharts"/>, same bars in the same order): a
/// losses-by-step bar opens the deals lost at that step (the last bar, when there is one, those whose step the data did
/// not say), a losses-by-objection bar the deals lost to that objection; a stage-health bar the journeys that entered its
/// stage in its window. Null: no bar at that index.
/// </summary>
public static class InsightDrill
{
    public static string? LostAtStep(string workspace, WorkspaceSnapshot s, int index)
    {
        var steps = s.Losses.ByStep.Select(x => x.Step.ToString()).ToList();
        if (s.Losses.StepUnknown > 0) steps.Add(RecordQuery.LostSteps[^1]);
        return index >= 0 && index < steps.Count ? Lost(workspace, ("lostAt", steps[index])) : null;
    }

    public static string? LostToObjection(string workspace, WorkspaceSnapshot s, int index)
    {
        var objections = s.Losses.ByObjection.Where(x => x.Objection != "Other").ToList();
        return index >= 0 && index < objections.Count ? Lost(workspace, ("lostTo", objections[index].Objection)) : null;
    }

    /// <summary>
    /// A stage-health bar (trace 0: the recent window, 1: the baseline) opens every journey that entered the bar's first
    /// stage in that window (<see cref="InsightTracker.WindowOf"/>): the entries its conversion is counted over.
    /// </summary>
    public static string? StageHealth(string workspace, WorkspaceSnapshot s, IReadOnlyList<HistoryPoint> history, int index, int curve)
    {
        var stages = s.Insight?.Stages ?? [];
        if (index < 0 || index >= stages.Count || curve is not (0 or 1)) return null;
        if (new InsightTracker().WindowOf(new WorkspaceHistory { Points = [.. history] }, recent: curve == 0) is not { } window) return null;
        return RecordLinks.Of(workspace, RecordKind.All, ("entered", EnteredWindow.Of(stages[index].From, window.After, window.Until)));
    }

    static string Lost(string workspace, (string, string?) filter) =>
        RecordLinks.Of(workspace, RecordKind.Deals, ("status", nameof(JourneyStatus.Lost)), filter);
}
