namespace Growth.Grains.Projection;

/// <summary>
/// The silo's cores, shared by every projection that runs on it. Each projection's loops (funnel measurement, path
/// chunks, weekly percentiles) are queued to one scheduler that runs at most one task per core, so the runs that
/// worker activations take side by side share the cores instead of each fanning out over all of them. A run alone
/// still gets every core. Chunks own their seeds: the figures are the same whatever ran where.
/// One per silo (a singleton service).
/// </summary>
public sealed class ProjectionCores
{
    readonly TaskScheduler scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Environment.ProcessorCount).ConcurrentScheduler;

    /// <summary>Options for one projection's loops: on the shared scheduler.</summary>
    public ParallelOptions Options => new() { TaskScheduler = scheduler };

    /// <summary>Options for one projection's loops, stopped between iterations when <paramref name="cancellationToken"/> is cancelled.</summary>
    public ParallelOptions OptionsFor(CancellationToken cancellationToken) => new() { TaskScheduler = scheduler, CancellationToken = cancellationToken };
}
