using System.Diagnostics;
using Orleans.Concurrency;

namespace Growth.Grains.LiveFeed;

/// <summary>The web hosts listening to the live feed; rarely called (registration every 5 s, reads every 5 s per silo).</summary>
public sealed class LiveFeedRegistryGrain : Grain, ILiveFeedRegistryGrain
{
    static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    // Machine-clock timestamps: host liveness is infrastructure, not workspace time.
    readonly Dictionary<ILiveFeedObserver, long> observers = [];

    public Task RegisterAsync(ILiveFeedObserver observer)
    {
        observers[observer] = Stopwatch.GetTimestamp();
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(ILiveFeedObserver observer)
    {
        observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ILiveFeedObserver>> GetObserversAsync()
    {
        foreach (var stale in observers.Where(o => Stopwatch.GetElapsedTime(o.Value) > Expiry).Select(o => o.Key).ToList()) observers.Remove(stale);
        return Task.FromResult<IReadOnlyList<ILiveFeedObserver>>(observers.Keys.ToList());
    }
}
