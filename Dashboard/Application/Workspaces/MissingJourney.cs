using Growth.Domain.Journeys;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Workspaces;

/// <summary>
/// Why a journey id was not found: archived by the retention rule (its shard says when: <see cref="Archiving"/>) or
/// never known. Opening an archived journey says so, not "unknown".
/// </summary>
public static class MissingJourney
{
    public static async Task<Refusal> RefusalAsync(IGrainFactory grains, string workspace, string journeyId) =>
        await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, Keys.ShardOf(journeyId))).ArchivedAtAsync(journeyId) is { } at
            ? new Refusal(RefusalKind.NotFound, "Archived journey", Archiving.Opened(workspace, journeyId, at))
            : new Refusal(RefusalKind.NotFound, "Unknown journey", $"workspace {workspace} has no journey {journeyId}");
}
