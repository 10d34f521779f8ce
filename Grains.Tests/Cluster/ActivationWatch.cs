using System.Collections.Concurrent;
using Orleans.Metadata;

namespace Growth.Grains.Tests.Cluster;

/// <summary>
/// The activations a test silo holds, each until it has deactivated: a test waits for a grain's deactivation itself
/// (<see cref="IGrainContext.Deactivated"/>, completed after the catalog has let go of it) instead of polling with sleeps.
/// </summary>
public sealed class ActivationWatch : IConfigureGrainContextProvider, IConfigureGrainContext
{
    readonly ConcurrentDictionary<GrainId, IGrainContext> live = new();

    public bool TryGetConfigurator(GrainType grainType, GrainProperties properties, out IConfigureGrainContext configurator)
    {
        configurator = this;
        return true;
    }

    public void Configure(IGrainContext context)
    {
        live[context.GrainId] = context;
        context.Deactivated.ContinueWith(_ => live.TryRemove(new KeyValuePair<GrainId, IGrainContext>(context.GrainId, context)), TaskScheduler.Default);
    }

    /// <summary>Completes when the grain's activation on this silo (if any) has deactivated.</summary>
    public Task DeactivatedAsync(GrainId grain) => live.TryGetValue(grain, out var context) ? context.Deactivated : Task.CompletedTask;
}
