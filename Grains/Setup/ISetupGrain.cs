using Growth.Domain.Setup;
using Orleans.Concurrency;

namespace Growth.Grains.Setup;

/// <summary>
/// A workspace's setup and its versions: every change is a new version with who, when and what changed; earlier
/// versions stay readable and one can roll back to any of them. Applying a version compiles the organisation into the
/// workspace grain and hands the setup to a running simulation, which takes it up at its next step. Key: workspace.
/// </summary>
public interface ISetupGrain : IGrainWithStringKey
{
    /// <summary>The current setup and its version, or null if the workspace has none yet.</summary>
    [AlwaysInterleave]
    Task<CurrentSetup?> GetAsync();

    /// <summary>One earlier (or the current) version's document, or null if there is no such version.</summary>
    [AlwaysInterleave]
    Task<SetupDocument?> GetVersionAsync(int number);

    /// <summary>Every version, newest first, without their documents.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<SetupVersionInfo>> GetHistoryAsync();

    /// <summary>
    /// Validates <paramref name="document"/> and stores it as the next version (whole or not at all). Refused with a
    /// <see cref="Errors.DomainException"/> listing the problems if invalid, or (Conflict) if
    /// <paramref name="expectedVersion"/> is given and is not the current version. A document equal to the current one
    /// stores no new version.
    /// </summary>
    Task<SetupVersionInfo> ApplyAsync(SetupDocument document, string by, string note, int? expectedVersion = null);

    /// <summary>Stores version <paramref name="number"/>'s document again as the next version.</summary>
    Task<SetupVersionInfo> RollbackAsync(int number, string by);

    /// <summary>Records the simulated time a running simulation took version <paramref name="number"/> up.</summary>
    Task MarkEffectiveAsync(int number, DateTimeOffset simulatedAt);
}

/// <summary>The setup in force: its version number, document and who stored it when.</summary>
[GenerateSerializer, Immutable]
public sealed record CurrentSetup(
    [property: Id(0)] int Version,
    [property: Id(1)] SetupDocument Document,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By);
