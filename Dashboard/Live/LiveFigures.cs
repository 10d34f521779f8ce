using Growth.Domain.Figures;
using Growth.Grains.Figures;

namespace Growth.Dashboard.Live;

/// <summary>
/// What this web host reads of a workspace's figures beside the live feed, the same way for the hub and the pages:
/// the current snapshot (the feed's latest, else the statistics grain's) and the history, fetched from the
/// statistics grain once per history version however many pages show it.
/// </summary>
public sealed class LiveFigures
{
    readonly LiveBroadcaster live;
    readonly Func<string, IWorkspaceStatisticsGrain> statistics;
    readonly object gate = new();
    // One entry per workspace: the history of the latest version asked for (a fetch that may still be running).
    readonly Dictionary<string, (long Version, Task<IReadOnlyList<HistoryPoint>> Points)> histories = new(StringComparer.Ordinal);

    public LiveFigures(LiveBroadcaster live, IGrainFactory grains) : this(live, workspace => grains.GetGrain<IWorkspaceStatisticsGrain>(workspace)) { }

    internal LiveFigures(LiveBroadcaster live, Func<string, IWorkspaceStatisticsGrain> statistics) =>
        (this.live, this.statistics) = (live, statistics);

    /// <summary>The workspace's current snapshot, whole (cut it to the viewer's part), or null if it has no figures yet.</summary>
    public async Task<WorkspaceSnapshot?> CurrentAsync(string workspace) =>
        live.Latest(workspace)?.Snapshot ?? await statistics(workspace).GetSnapshotAsync();

    /// <summary>
    /// The workspace's history as of <paramref name="version"/> (a snapshot's <see cref="WorkspaceSnapshot.HistoryVersion"/>):
    /// the first caller for a version fetches it, the others share that fetch. A failed fetch is tried again by the next caller.
    /// </summary>
    public Task<IReadOnlyList<HistoryPoint>> HistoryAsync(string workspace, long version)
    {
        lock (gate)
        {
            if (histories.TryGetValue(workspace, out var cached) && cached.Version == version && !cached.Points.IsFaulted && !cached.Points.IsCanceled)
                return cached.Points;
            var points = statistics(workspace).GetHistoryAsync();
            histories[workspace] = (version, points);
            return points;
        }
    }
}
