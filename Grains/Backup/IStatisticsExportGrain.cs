using Growth.Grains.Figures;

namespace Growth.Grains.Backup;

/// <summary>The statistics grain's record with everything the shards held drained in first, for a backup. Key: workspace.</summary>
public interface IStatisticsExportGrain : IGrainWithStringKey
{
    Task<StatisticsRecord> ExportAsync();

    /// <summary>Forgets the figures and leaves memory, so the next activation reads storage afresh (before and after a restore that failed).</summary>
    Task DiscardAsync();
}
