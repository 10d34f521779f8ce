namespace Growth.Grains.Training;

/// <summary>One saved version of a workspace's own scenario (its text lives in a <see cref="IScenarioVersionGrain"/>).</summary>
/// <param name="Id">The scenario's id (as in its file).</param>
/// <param name="Language">"en" or "zh-Hans".</param>
/// <param name="Number">1 for the first save, one more for each save or restore.</param>
/// <param name="Title">The scenario's title in that version.</param>
/// <param name="Author">Who saved it.</param>
/// <param name="SavedAt">When (the domain clock).</param>
/// <param name="RestoredFrom">The version it copies when it was a restore; null for a save.</param>
[GenerateSerializer, Immutable]
public sealed record ScenarioVersionInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Language,
    [property: Id(2)] int Number,
    [property: Id(3)] string Title,
    [property: Id(4)] string Author,
    [property: Id(5)] DateTimeOffset SavedAt,
    [property: Id(6)] int? RestoredFrom);

/// <summary>A version with its file text, exactly as saved (so an export gives back what was imported).</summary>
[GenerateSerializer, Immutable]
public sealed record StoredScenario(
    [property: Id(0)] ScenarioVersionInfo Version,
    [property: Id(1)] string Json);

/// <summary>
/// A workspace's own training scenarios and every version of each. Key: the training workspace. Each save is a new
/// version with its author and time; a restore is a new version copying an old one, so history is never rewritten.
/// The grain keeps the version list; each version's text is written once to its own version grain before it counts.
/// </summary>
public interface IScenarioLibraryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks the text (every problem named by JSON path; refused with them, nothing stored) and stores it as the next
    /// version of its id in <paramref name="language"/>. Refused past <see cref="Growth.Domain.Training.ScenarioLibrary.MaxScenarios"/>
    /// scenarios or <see cref="Growth.Domain.Training.ScenarioLibrary.MaxVersions"/> versions.
    /// </summary>
    Task<ScenarioVersionInfo> SaveAsync(string json, string language, string author);

    /// <summary>Stores version <paramref name="number"/>'s text again as the newest version; refused (not found) for an unknown one.</summary>
    Task<ScenarioVersionInfo> RestoreAsync(string id, string language, int number, string author);

    /// <summary>The newest version of every scenario, by id then language.</summary>
    Task<IReadOnlyList<ScenarioVersionInfo>> ListAsync();

    /// <summary>The newest version of every scenario with its text.</summary>
    Task<IReadOnlyList<StoredScenario>> CurrentAsync();

    /// <summary>Every version of one scenario, newest first; none for one never saved.</summary>
    Task<IReadOnlyList<ScenarioVersionInfo>> VersionsAsync(string id, string language);

    /// <summary>One version with its text (the newest when <paramref name="number"/> is null); null if there is none.</summary>
    Task<StoredScenario?> GetAsync(string id, string language, int? number);
}
