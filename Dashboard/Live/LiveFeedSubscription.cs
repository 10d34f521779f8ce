using Growth.Grains.LiveFeed;

namespace Growth.Dashboard.Live;

/// <summary>
/// This web host's single observer of the cluster's live feed: registered at start and every 5 s after
/// (so a restarted cluster finds it again), removed at stop.
/// </summary>
public sealed class LiveFeedSubscription(IGrainFactory grains, LiveBroadcaster broadcaster, ILogger<LiveFeedSubscription> logger)
    : BackgroundService, ILiveFeedObserver
{
    // Often enough that a registry lost with a silo hears of this host again within seconds.
    static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);
    ILiveFeedObserver? reference;
    volatile bool stopped;

    public Task OnUpdatesAsync(IReadOnlyList<LiveUpdate> updates)
    {
        if (!stopped) broadcaster.Publish(updates);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference = grains.CreateObjectReference<ILiveFeedObserver>(this);
        using var timer = new PeriodicTimer(Renewal);
        do
        {
            try { await grains.GetGrain<ILiveFeedRegistryGrain>(0).RegisterAsync(reference); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Could not register for the live feed; retrying"); }
        } while (await WaitAsync(timer, stoppingToken));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try { return await timer.WaitForNextTickAsync(token); }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>
    /// Unregisters; the object reference itself stays until the client goes (deleting it made an update already in
    /// flight log "Unexpected target grain" at Error on every stop).
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        stopped = true;
        if (reference is not null)
        {
            try { await grains.GetGrain<ILiveFeedRegistryGrain>(0).UnregisterAsync(reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken); }
            catch (Exception e) { logger.LogDebug(e, "Could not unregister from the live feed at shutdown"); }
        }
        await base.StopAsync(cancellationToken);
    }
}
