using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Growth.Grains.LiveFeed;

/// <summary>
/// One per silo: coalesces updates (latest per workspace) and fans them out to the web hosts every 100 ms,
/// one call per host whatever the number of browsers. Observers are one-way, so a slow host never slows a silo.
/// </summary>
[StatelessWorker(1)]
public sealed class LiveFeedNotifierGrain(ILogger<LiveFeedNotifierGrain> logger) : Grain, ILiveFeedNotifierGrain
{
    static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(5);

    readonly Dictionary<string, LiveUpdate> pending = [];
    IReadOnlyList<ILiveFeedObserver> observers = [];
    // Infrastructure housekeeping runs on the machine clock, not on a workspace's (possibly simulated) time.
    long observersAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushPeriod, FlushPeriod) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task PublishAsync(LiveUpdate update)
    {
        pending[update.Workspace] = update.Replacing(pending.GetValueOrDefault(update.Workspace));
        return Task.CompletedTask;
    }

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        var batch = pending.Values.ToList();
        pending.Clear();
        if (observers.Count == 0 || Stopwatch.GetElapsedTime(observersAt) > ObserverRefresh)
        {
            try
            {
                observers = await GrainFactory.GetGrain<ILiveFeedRegistryGrain>(0).GetObserversAsync();
                observersAt = Stopwatch.GetTimestamp();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not read the live feed's web hosts; keeping the last known {Count}", observers.Count);
            }
        }
        foreach (var observer in observers)
        {
            try { await observer.OnUpdatesAsync(batch); }
            catch (Exception e) { logger.LogDebug(e, "A web host missed a live update"); }
        }
    }
}
