using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Growth.Grains.LiveFeed;

/// <summary>
/// One per silo: coalesces updates (latest per workspace) and fans them out to the web hosts, one call per host
/// whatever the number of browsers: at once when nothing was sent for a <see cref="LiveTimings.Flush"/> period
/// (100 ms unless configured), else at the next tick. Observers are one-way, so a slow host never slows a silo.
/// </summary>
[StatelessWorker(1)]
public sealed class LiveFeedNotifierGrain(ILogger<LiveFeedNotifierGrain> logger, LiveTimings timings) : Grain, ILiveFeedNotifierGrain
{
    static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(5);

    readonly Dictionary<string, LiveUpdate> pending = [];
    IReadOnlyList<ILiveFeedObserver> observers = [];
    // Infrastructure housekeeping runs on the machine clock, not on a workspace's (possibly simulated) time.
    long observersAt;
    // When the last batch went out (machine clock; 0: never).
    long flushedAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(timings.Flush, timings.Flush) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task PublishAsync(LiveUpdate update)
    {
        pending[update.Workspace] = update.Replacing(pending.GetValueOrDefault(update.Workspace));
        // A feed that sent nothing for a period sends now: waiting for the tick would add up to a period to every update.
        return flushedAt == 0 || Stopwatch.GetElapsedTime(flushedAt) >= timings.Flush ? FlushAsync(CancellationToken.None) : Task.CompletedTask;
    }

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        flushedAt = Stopwatch.GetTimestamp();
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
