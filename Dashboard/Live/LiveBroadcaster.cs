using System.Collections.Concurrent;
using System.Threading.Channels;
using Growth.Domain.Access;
using Growth.Grains.LiveFeed;
using Microsoft.AspNetCore.SignalR;

namespace Growth.Dashboard.Live;

/// <summary>
/// The web host's one in-process source of live updates: the Orleans observer feeds it, and it feeds both the
/// SignalR hub's workspace groups and the Blazor components. Keeps the latest update per workspace; each
/// subscriber gets its updates latest-wins (<see cref="LatestWins"/>), so a slow one only delays itself and never
/// makes updates pile up. Hub viewers are grouped by the part of a workspace they see: each group with
/// members gets the update cut to its part (a sales manager's group never receives another region's rows).
/// </summary>
public sealed class LiveBroadcaster(IHubContext<GrowthHub> hub, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    readonly ConcurrentDictionary<string, LiveUpdate> latest = new();
    readonly ConcurrentDictionary<Guid, (string Workspace, LatestWins Delivery)> subscribers = new();
    readonly Channel<LiveUpdate> toHub = Channel.CreateBounded<LiveUpdate>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });

    // Hub connections by workspace and part: which groups have members, so only those get a cut of each update.
    readonly object membersLock = new();
    readonly Dictionary<string, Dictionary<string, (FigureScope Scope, HashSet<string> Connections)>> members = new(StringComparer.Ordinal);

    /// <summary>A hub connection joined the group of <paramref name="scope"/> in <paramref name="workspace"/>.</summary>
    public void Joined(string connectionId, string workspace, FigureScope scope)
    {
        lock (membersLock)
        {
            if (!members.TryGetValue(workspace, out var groups)) members[workspace] = groups = new(StringComparer.Ordinal);
            if (!groups.TryGetValue(scope.Key, out var group)) groups[scope.Key] = group = (scope, new HashSet<string>(StringComparer.Ordinal));
            group.Connections.Add(connectionId);
        }
    }

    /// <summary>A hub connection left a workspace: the parts it had joined.</summary>
    public IReadOnlyList<FigureScope> Left(string connectionId, string workspace)
    {
        lock (membersLock)
        {
            if (!members.TryGetValue(workspace, out var groups)) return [];
            var left = new List<FigureScope>();
            foreach (var (key, group) in groups.ToList())
            {
                if (!group.Connections.Remove(connectionId)) continue;
                left.Add(group.Scope);
                if (group.Connections.Count == 0) groups.Remove(key);
            }
            if (groups.Count == 0) members.Remove(workspace);
            return left;
        }
    }

    public void Disconnected(string connectionId)
    {
        List<string> workspaces;
        lock (membersLock) workspaces = members.Keys.ToList();
        foreach (var workspace in workspaces) Left(connectionId, workspace);
    }

    /// <summary>The parts of a workspace that have hub viewers now.</summary>
    public IReadOnlyList<FigureScope> Audiences(string workspace)
    {
        lock (membersLock) return members.TryGetValue(workspace, out var groups) ? groups.Values.Select(g => g.Scope).ToList() : [];
    }

    /// <summary>The latest update seen for a workspace, if any.</summary>
    public LiveUpdate? Latest(string workspace) => latest.GetValueOrDefault(workspace);

    /// <summary>
    /// Calls <paramref name="handler"/> with the updates of <paramref name="workspace"/> until disposed, one call at a
    /// time: updates that arrive meanwhile are skipped but the latest (whose notable events include theirs).
    /// </summary>
    public IDisposable Subscribe(string workspace, Func<LiveUpdate, Task> handler)
    {
        var id = Guid.NewGuid();
        subscribers[id] = (workspace, new LatestWins(handler, logger));
        return new Subscription(() =>
        {
            if (subscribers.TryRemove(id, out var subscriber)) subscriber.Delivery.Close();
        });
    }

    /// <summary>Accepts a batch from the cluster; never blocks.</summary>
    public void Publish(IReadOnlyList<LiveUpdate> updates)
    {
        foreach (var update in updates)
        {
            latest[update.Workspace] = update;
            toHub.Writer.TryWrite(update);
            foreach (var (_, (workspace, delivery)) in subscribers)
                if (workspace == update.Workspace) delivery.Offer(update);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in toHub.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                foreach (var scope in Audiences(update.Workspace))
                {
                    var group = hub.Clients.Group(GrowthHub.Group(update.Workspace, scope));
                    await group.SendAsync("snapshot", SnapshotFilter.Apply(update.Snapshot, scope), stoppingToken);
                    // Notable events name deals and amounts across the workspace: the full view only.
                    if (scope.All)
                        foreach (var notable in update.Notables) await group.SendAsync("notable", update.Workspace, notable, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send a live update of {Workspace}", update.Workspace);
            }
        }
    }

    sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
