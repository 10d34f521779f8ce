using System.Globalization;

namespace Growth.Domain.Training;

/// <summary>A scenario a workspace's managers wrote: its current version, in one language.</summary>
/// <param name="Scenario">The scenario as validated.</param>
/// <param name="Language">"en" or "zh-Hans" (<see cref="ScenarioLibrary.Languages"/>).</param>
/// <param name="Version">Its version number (1 for the first save).</param>
public sealed record AuthoredScenario(TrainingScenario Scenario, string Language, int Version, string Author, DateTimeOffset SavedAt);

/// <summary>
/// The rules of a workspace's own scenarios: the languages a scenario is written in, the limits of what is stored,
/// the file name an exported scenario gets, and which scenarios a workspace's trainees see.
/// </summary>
public static class ScenarioLibrary
{
    /// <summary>English, the default.</summary>
    public const string English = "en";
    /// <summary>Simplified Chinese, as the shipped sibling files are named (<c>&lt;id&gt;.zh-Hans.json</c>).</summary>
    public const string Chinese = "zh-Hans";
    public static readonly IReadOnlyList<string> Languages = [English, Chinese];

    /// <summary>Longest scenario file kept, in characters (assumed: eight times the largest shipped file, 7,919).</summary>
    public const int MaxChars = 65_536;
    /// <summary>Most authored scenarios (id and language pairs) per workspace (assumed; keeps the index grain's state small).</summary>
    public const int MaxScenarios = 50;
    /// <summary>Most versions kept per scenario (assumed; 50 x 100 version entries of about 120 bytes stay under a table row's 1 MB).</summary>
    public const int MaxVersions = 100;

    /// <summary>The language of a UI culture: Chinese for any "zh" culture, English otherwise.</summary>
    public static string LanguageOf(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>The known language of <paramref name="language"/> (case-insensitive, empty means English); null if unknown.</summary>
    public static string? Normalise(string? language) =>
        string.IsNullOrWhiteSpace(language) ? English : Languages.FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with a language name, naming the allowed ones; null if nothing.</summary>
    public static string? LanguageProblem(string? language) =>
        Normalise(language) is null ? $"language: '{language}' is not one of {string.Join(", ", Languages)}" : null;

    /// <summary>The file name of an exported scenario: <c>&lt;id&gt;.json</c> in English, <c>&lt;id&gt;.zh-Hans.json</c> in Chinese, as the shipped files.</summary>
    public static string FileName(string id, string language) => language == English ? $"{id}.json" : $"{id}.{language}.json";

    /// <summary>The language a file name says (<c>x.zh-Hans.json</c>: Chinese), else English.</summary>
    public static string LanguageOfFile(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? "");
        var dot = name.LastIndexOf('.');
        return dot > 0 && Normalise(name[(dot + 1)..]) is { } l ? l : English;
    }

    /// <summary>
    /// The scenarios a workspace's trainees see in <paramref name="language"/>: the built-in ones (as the catalogue
    /// gives them for that language), each replaced by the workspace's own of the same id written in that language,
    /// then the workspace's own new ids in id order (in that language if written in it, else in the first other).
    /// An authored scenario never leaves its workspace: another workspace's list is built from its own.
    /// </summary>
    public static IReadOnlyList<TrainingScenario> ForWorkspace(IReadOnlyList<TrainingScenario> builtIn, IReadOnlyList<AuthoredScenario> authored, string language)
    {
        var result = builtIn
            .Select(b => authored.FirstOrDefault(a => a.Scenario.Id == b.Id && a.Language == language)?.Scenario ?? b)
            .ToList();
        var extra = authored.Where(a => builtIn.All(b => b.Id != a.Scenario.Id))
            .GroupBy(a => a.Scenario.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.FirstOrDefault(a => a.Language == language) ?? g.OrderBy(a => Languages.ToList().IndexOf(a.Language)).First()).Scenario);
        result.AddRange(extra);
        return result;
    }
}
