using Growth.Grains.Figures;
using Growth.Grains.Journeys;

namespace Growth.Grains.Backup;

/// <summary>
/// A journey's whole record as it stands in memory, for a backup (in-memory storage writes a journey only when its
/// activation ends, so storage may be behind). Implemented by the journey grain: same key, same activation.
/// </summary>
public interface IJourneyExportGrain : IGrainWithStringKey
{
    /// <summary>The record, or null if the journey does not exist. A journey woken only for this goes back to sleep.</summary>
    Task<JourneyRecord?> ExportAsync();
}

/// <summary>The statistics grain's record with everything the shards held drained in first, for a backup. Key: workspace.</summary>
public interface IStatisticsExportGrain : IGrainWithStringKey
{
    Task<StatisticsRecord> ExportAsync();

    /// <summary>Forgets the figures and leaves memory, so the next activation reads storage afresh (before and after a restore that failed).</summary>
    Task DiscardAsync();
}

/// <summary>A journey shard forgetting everything (its journeys and their ledger slice) and leaving memory, around a restore. Key: "{workspace}/shard-{n}".</summary>
public interface IShardDiscardGrain : IGrainWithStringKey
{
    Task DiscardAsync();
}
