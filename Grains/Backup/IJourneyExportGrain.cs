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
