using Growth.Domain.Periods;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Workspaces;

/// <summary>
/// Reads a workspace for the API and the pages: which workspaces a viewer may pick, the snapshot cut to a viewer's
/// part, the history, and one journey if it lies inside the viewer's part. Reads only.
/// </summary>
public sealed class WorkspaceReader(IGrainFactory grains)
{
    /// <summary>The workspaces whose figures the viewer may see, for pickers.</summary>
    public async Task<IReadOnlyList<WorkspaceEntry>> ListAsync(Viewer viewer) =>
        (await grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync()).Where(w => viewer.Allows(Area.Figures, w.Name)).ToList();

    /// <summary>The workspace's current snapshot cut to <paramref name="scope"/>; unknown if the workspace does not exist (or has no figures yet).</summary>
    public async Task<Outcome<WorkspaceSnapshot>> SnapshotAsync(string workspace, FigureScope scope) =>
        await ExistsAsync(workspace) && await Statistics(workspace).GetSnapshotAsync() is { } snapshot
            ? SnapshotFilter.Apply(snapshot, scope)
            : Refusal.UnknownWorkspace(workspace);

    /// <summary>
    /// The snapshot with the figures of a period and its comparison (<see cref="WorkspaceSnapshot.InPeriod"/>), counted
    /// from the daily history. Without <paramref name="period"/> and <paramref name="compare"/>, the plain snapshot.
    /// Period figures are company-wide, like the history: refused to a caller who sees only part of the workspace.
    /// </summary>
    public async Task<Outcome<WorkspaceSnapshot>> SnapshotAsync(string workspace, FigureScope scope, string? period, string? compare)
    {
        if (period is null && compare is null) return await SnapshotAsync(workspace, scope);
        if (!PeriodChoice.TryParse(period, compare, out var choice, out var error)) return InvalidPeriod(error!);
        if (!scope.All) return Refusal.NotAllowed("figures for a period come from the company-wide daily history: only for those who see the whole workspace");
        if (!await ExistsAsync(workspace) || await Statistics(workspace).GetSnapshotAsync() is not { } snapshot) return Refusal.UnknownWorkspace(workspace);
        try { return PeriodPlacement.WithPeriod(snapshot, choice, await Statistics(workspace).GetHistoryAsync()); }
        catch (PeriodException e) { return InvalidPeriod(e.Message); }
    }

    static Refusal InvalidPeriod(string detail) => new(RefusalKind.Invalid, "Invalid period", detail);

    /// <summary>The workspace's history (company-wide); unknown if the workspace does not exist.</summary>
    public async Task<Outcome<IReadOnlyList<HistoryPoint>>> HistoryAsync(string workspace) =>
        await ExistsAsync(workspace)
            ? new Outcome<IReadOnlyList<HistoryPoint>>(await Statistics(workspace).GetHistoryAsync(), null)
            : Refusal.UnknownWorkspace(workspace);

    /// <summary>Whether the workspace exists: its workspace grain knows.</summary>
    public async Task<bool> ExistsAsync(string workspace) => await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is not null;

    IWorkspaceStatisticsGrain Statistics(string workspace) => grains.GetGrain<IWorkspaceStatisticsGrain>(workspace);

    /// <summary>
    /// The journey, if the workspace has it and it lies inside <paramref name="scope"/> (a sales manager or rep sees
    /// the journeys of their region, team or own pipeline only). Names are checked by the caller.
    /// </summary>
    public async Task<Outcome<JourneyView>> JourneyAsync(string workspace, string journeyId, FigureScope scope)
    {
        if (await grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, journeyId)).GetAsync() is not { } view)
            return await MissingJourney.RefusalAsync(grains, workspace, journeyId);
        return scope.Includes(view.State.RegionId, view.State.TeamId, view.State.RepId)
            ? view
            : Refusal.NotAllowed($"journey {journeyId} is outside your part of workspace {workspace}");
    }
}
