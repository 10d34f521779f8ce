using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Orleans.Concurrency;

namespace Growth.Grains.LiveFeed;

/// <summary>
/// Per silo: collects the workspaces' updates, keeps only the latest per workspace, and every 100 ms sends one
/// batch to each registered web host. Statistics grains never wait for web hosts.
/// </summary>
public interface ILiveFeedNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishAsync(LiveUpdate update);
}

/// <summary>One workspace's new snapshot and notable events, as the live feed carries them.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveUpdate([property: Id(0)] string Workspace, [property: Id(1)] WorkspaceSnapshot Snapshot, [property: Id(2)] IReadOnlyList<NotableEvent> Notables)
{
    /// <summary>
    /// This update in place of <paramref name="older"/>, an update of the same workspace not yet passed on: the newer
    /// snapshot wins, and the older update's notable events are kept (after this one's) so none is lost.
    /// </summary>
    public LiveUpdate Replacing(LiveUpdate? older) =>
        older is null || older.Notables.Count == 0 ? this : this with { Notables = [.. Notables, .. older.Notables] };
}
