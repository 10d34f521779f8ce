using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Workspaces;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.SignalR;

namespace Growth.Dashboard.Live;

/// <summary>
/// The live feed for any client: subscribe to a workspace to receive its snapshots ("snapshot") and, with the full
/// view, its notable events ("notable", workspace, event). Subscribing is checked against the access table; viewers
/// who see one part of a workspace (a region, a team, a rep, marketing) join that part's group and receive only it.
/// Nothing here calls a grain per message.
/// </summary>
public sealed class GrowthHub(LiveBroadcaster broadcaster, LiveFigures figures, AccessResolver access) : Hub
{
    /// <summary>The group of the viewers of one part (<see cref="FigureScope.Key"/>) of a workspace.</summary>
    public static string Group(string workspace, FigureScope scope) => $"ws:{workspace}:{scope.Key}";

    /// <summary>Joins the workspace's group for the caller's part and returns its current snapshot (null if none yet), cut to that part.</summary>
    public async Task<WorkspaceSnapshot?> Subscribe(string workspace)
    {
        if (!Keys.IsValidWorkspace(workspace)) throw new HubException(Names.InvalidWorkspace(workspace));
        var viewer = await access.ViewerAsync(Context.User);
        if (!viewer.Allows(Area.Figures, workspace))
            throw new HubException(viewer.SignedIn ? $"not allowed: your roles do not include the figures of workspace {workspace}" : $"not allowed: sign in to follow workspace {workspace}");
        var scope = viewer.ScopeOf(workspace);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(workspace, scope));
        broadcaster.Joined(Context.ConnectionId, workspace, scope);
        var snapshot = await figures.CurrentAsync(workspace);
        return snapshot is null ? null : SnapshotFilter.Apply(snapshot, scope);
    }

    public async Task Unsubscribe(string workspace)
    {
        foreach (var scope in broadcaster.Left(Context.ConnectionId, workspace))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(workspace, scope));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        broadcaster.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
