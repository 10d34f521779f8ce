using Growth.Domain.Twin;
using Orleans.Concurrency;

namespace Growth.Grains.Twin;

/// <summary>
/// A workspace's digital twin: the last one started (its parameters, bands, start and the live counts at the start).
/// Key: workspace. The twin is fitted and run by the caller (pure <see cref="TwinRecord.Start"/>); the grain keeps it.
/// </summary>
public interface ITwinGrain : IGrainWithStringKey
{
    /// <summary>The twin, or null if none was started.</summary>
    [AlwaysInterleave]
    Task<TwinRecord?> GetAsync();

    /// <summary>Keeps <paramref name="twin"/> in place of the previous one; answers it with its version (1 for the first).</summary>
    Task<TwinRecord> SetAsync(TwinRecord twin);
}
