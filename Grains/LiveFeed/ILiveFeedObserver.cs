using Orleans.Concurrency;

namespace Growth.Grains.LiveFeed;

/// <summary>A web host's receiver of the live feed (one per host, not per browser).</summary>
public interface ILiveFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnUpdatesAsync(IReadOnlyList<LiveUpdate> updates);
}
