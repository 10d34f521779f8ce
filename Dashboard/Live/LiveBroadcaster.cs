using System.Collections.Concurrent;
using System.Threading.Channels;
using Growth.Grains.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Growth.Dashboard.Live;

/// <summary>
/// The web host's one in-process source of live updates: the Orleans observer feeds it, and it feeds both the
/// SignalR hub's workspace groups and the Blazor components. Keeps the latest update per workspace; a slow
/// subscriber only delays itself.
/// </summary>
public sealed class LiveBroadcaster(IHubContext<GrowthHub> hub, ILogger<LiveBroadcaster> logger) : BackgroundService
{
    readonly ConcurrentDictionary<string, LiveUpdate> latest = new();
    readonly ConcurrentDictionary<Guid, (string Workspace, Func<LiveUpdate, Task> Handler)> subscribers = new();
    readonly Channel<LiveUpdate> toHub = Channel.CreateBounded<LiveUpdate>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>The latest update seen for a workspace, if any.</summary>
    public LiveUpdate? Latest(string workspace) => latest.GetValueOrDefault(workspace);

    /// <summary>Calls <paramref name="handler"/> with each update of <paramref name="workspace"/> until disposed.</summary>
    public IDisposable Subscribe(string workspace, Func<LiveUpdate, Task> handler)
    {
        var id = Guid.NewGuid();
        subscribers[id] = (workspace, handler);
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    /// <summary>Accepts a batch from the cluster; never blocks.</summary>
    public void Publish(IReadOnlyList<LiveUpdate> updates)
    {
        foreach (var update in updates)
        {
            latest[update.Workspace] = update;
            toHub.Writer.TryWrite(update);
            foreach (var (_, (workspace, handler)) in subscribers)
                if (workspace == update.Workspace) _ = Deliver(handler, update);
        }
    }

    async Task Deliver(Func<LiveUpdate, Task> handler, LiveUpdate update)
    {
        try { await handler(update); }
        catch (Exception e) { logger.LogDebug(e, "A live subscriber failed to take an update"); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in toHub.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var group = hub.Clients.Group(GrowthHub.Group(update.Workspace));
                await group.SendAsync("snapshot", update.Snapshot, stoppingToken);
                foreach (var notable in update.Notables) await group.SendAsync("notable", update.Workspace, notable, stoppingToken);
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
