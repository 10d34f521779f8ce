using Growth.Domain.Setup;
using Orleans.Concurrency;

namespace Growth.Grains.Setup;

/// <summary>
/// One stored version of a workspace's setup: its whole document, written once by the setup grain before the
/// version counts (so the setup grain's own state stays small). Key: "{workspace}/{number}".
/// </summary>
public interface ISetupVersionGrain : IGrainWithStringKey
{
    /// <summary>Stores the document (a version number the setup grain never made current may be written again).</summary>
    Task WriteAsync(SetupDocument document);

    /// <summary>The document, or null if none was written.</summary>
    [AlwaysInterleave]
    Task<SetupDocument?> GetAsync();
}
