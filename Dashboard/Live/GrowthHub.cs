using Growth.Grains.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Growth.Dashboard.Live;

/// <summary>
/// The live feed for any client: subscribe to a workspace to receive its snapshots ("snapshot") and notable
/// events ("notable", workspace, event). One group per workspace; nothing here calls a grain per message.
/// </summary>
public sealed class GrowthHub(LiveBroadcaster broadcaster, IGrainFactory grains) : Hub
{
    public static string Group(string workspace) => $"ws:{workspace}";

    /// <summary>Joins the workspace's group and returns its current snapshot (null if none yet).</summary>
    public async Task<Growth.Grains.Model.WorkspaceSnapshot?> Subscribe(string workspace)
    {
        if (!Keys.IsValidWorkspace(workspace)) throw new HubException($"workspace '{workspace}' must be 1-40 lower-case letters, digits or dashes");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(workspace));
        return broadcaster.Latest(workspace)?.Snapshot ?? await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync();
    }

    public Task Unsubscribe(string workspace) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(workspace));
}
