using Growth.Dashboard.Components.Shared;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// The records behind the Overview's lifecycle bars (acquired, activated, retained, upsold, referred, churned, in that
/// order): each opens the customers at that stage (<c>lifecycle</c>, <see cref="RecordList.AtLifecycle"/>, counted as the
/// chart's figures are). Null: no bar at that index.
/// </summary>
public static class OverviewDrill
{
    /// <summary>The lifecycle chart's bars, in their order.</summary>
    public static readonly LifecycleStage[] LifecycleBars = Enum.GetValues<LifecycleStage>();

    /// <summary>The height of <paramref name="stage"/>'s bar.</summary>
    public static long Bar(Growth.Domain.Figures.LifecycleFigures l, LifecycleStage stage) => stage switch
    {
        LifecycleStage.Acquired => l.Acquired,
        LifecycleStage.Activated => l.Activated,
        LifecycleStage.Retained => l.Retained,
        LifecycleStage.Upsold => l.Upsold,
        LifecycleStage.Referred => l.Referred,
        _ => l.Churned,
    };

    public static string? Lifecycle(string workspace, int index) =>
        index >= 0 && index < LifecycleBars.Length ? RecordLinks.Of(workspace, RecordKind.Customers, ("lifecycle", LifecycleBars[index].ToString())) : null;

    /// <summary>
    /// The orders behind a point of the revenue line: the line is cumulative (revenue booked since the period began), so
    /// its point <paramref name="index"/> of curve <paramref name="curve"/> (the period, or the comparison laid over it)
    /// lists the orders booked after the point before it and up to it, whose sum is the line's rise there, as the
    /// history counts it (its points' times: <paramref name="curves"/>, one array per curve; other curves, the projection
    /// and the target, have none). The first point is the line's start (nothing booked yet): an empty window at it.
    /// Null: not a point of a revenue curve.
    /// </summary>
    public static (DateTimeOffset After, DateTimeOffset Until)? RevenueWindow(IReadOnlyList<DateTimeOffset[]> curves, int curve, int index)
    {
        if (curve < 0 || curve >= curves.Count || index < 0 || index >= curves[curve].Length) return null;
        var points = curves[curve];
        return (points[Math.Max(0, index - 1)], points[index]);
    }
}
