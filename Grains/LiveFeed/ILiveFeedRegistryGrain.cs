
namespace Growth.Grains.LiveFeed;

/// <summary>The web hosts listening to the live feed. Hosts re-register every 30 s; silent ones are dropped after 2 minutes.</summary>
public interface ILiveFeedRegistryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(ILiveFeedObserver observer);
    Task UnregisterAsync(ILiveFeedObserver observer);
    Task<IReadOnlyList<ILiveFeedObserver>> GetObserversAsync();
}
