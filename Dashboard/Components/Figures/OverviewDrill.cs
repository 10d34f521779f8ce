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
}
