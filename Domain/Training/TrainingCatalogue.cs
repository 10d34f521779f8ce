
namespace Growth.Domain.Training;

/// <summary>
/// The training scenarios of one folder, read and validated once at start-up: an invalid file stops the start with a
/// <see cref="TrainingScenarioException"/> naming the file and the field. <c>id.json</c> is a scenario in English;
/// <c>id.zh-Hans.json</c> beside it is the same scenario in Simplified Chinese (<see cref="In"/> picks by the reader's language).
/// </summary>
public sealed class TrainingCatalogue
{
    /// <summary>Where the scenarios are copied with the binaries.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Training", "Scenarios");

    readonly Dictionary<string, TrainingCatalogue> languages = new(StringComparer.Ordinal);

    public TrainingCatalogue(IReadOnlyList<TrainingScenario> scenarios, string folder)
        : this(scenarios, folder, new Dictionary<string, IReadOnlyList<TrainingScenario>>())
    {
    }

    /// <param name="translations">Per language other than English, the scenarios written in it (each with an English twin of the same id).</param>
    public TrainingCatalogue(IReadOnlyList<TrainingScenario> scenarios, string folder, IReadOnlyDictionary<string, IReadOnlyList<TrainingScenario>> translations)
    {
        Scenarios = scenarios;
        Folder = folder;
        Translations = translations;
        foreach (var (language, translated) in translations)
        {
            var byId = translated.ToDictionary(s => s.Id, StringComparer.Ordinal);
            languages[language] = new TrainingCatalogue(scenarios.Select(s => byId.GetValueOrDefault(s.Id, s)).ToList(), folder);
        }
    }

    /// <summary>The scenarios in English (the language every scenario has).</summary>
    public IReadOnlyList<TrainingScenario> Scenarios { get; }
    public string Folder { get; }
    /// <summary>Per language other than English, the scenarios translated into it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TrainingScenario>> Translations { get; }

    public TrainingScenario? Find(string id) => Scenarios.FirstOrDefault(s => s.Id == id);

    /// <summary>
    /// The catalogue as a reader of <paramref name="culture"/> (a UI culture name such as "zh-Hans" or "en") sees it:
    /// the same scenarios in the same order, each in that language where it has a translation and in English otherwise.
    /// </summary>
    public TrainingCatalogue In(string? culture) => languages.GetValueOrDefault(TrainingLanguages.Of(culture), this);

    /// <summary>Reads every *.json file of <paramref name="folder"/> (not sub-folders), in name order.</summary>
    public static TrainingCatalogue Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder)) throw new TrainingScenarioException(folder, "(folder)", "the scenario folder does not exist");
        var files = Directory.GetFiles(folder, "*.json").Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        if (files.Count == 0) throw new TrainingScenarioException(folder, "(folder)", "holds no *.json scenario");
        var byLanguage = files.GroupBy(f => LanguageOf(f.Item1)).ToDictionary(g => g.Key, g => g.ToList());
        if (!byLanguage.TryGetValue(TrainingLanguages.English, out var english))
            throw new TrainingScenarioException(folder, "(folder)", "holds no English scenario (id.json): every translation needs its English twin");
        var scenarios = Read(english, TrainingLanguages.English);
        var ids = scenarios.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var translations = new Dictionary<string, IReadOnlyList<TrainingScenario>>(StringComparer.Ordinal);
        foreach (var (language, translated) in byLanguage.Where(l => l.Key != TrainingLanguages.English))
        {
            var read = Read(translated, language);
            foreach (var (s, file) in read.Zip(translated.OrderBy(f => f.Item1, StringComparer.Ordinal).Select(f => f.Item1)))
                if (!ids.Contains(s.Id)) throw new TrainingScenarioException(file, "id", $"'{s.Id}' has no English scenario of the same id (a translation needs its English twin)");
            translations[language] = read;
        }
        return new TrainingCatalogue(scenarios, folder, translations);
    }

    /// <summary>The language a scenario file's name says: <c>id.zh-Hans.json</c> is Chinese, <c>id.json</c> English.</summary>
    static string LanguageOf(string file)
    {
        var parts = file[..^".json".Length].Split('.');
        if (parts.Length == 1) return TrainingLanguages.English;
        var language = parts[^1];
        if (parts.Length > 2 || language == TrainingLanguages.English || !TrainingLanguages.Known.Contains(language))
            throw new TrainingScenarioException(file, "(file name)",
                $"must be id.json (English) or id.<language>.json with a language of {string.Join(", ", TrainingLanguages.Known.Where(l => l != TrainingLanguages.English))}");
        return language;
    }

    /// <summary>Parses one language's files (ids unique among them), each scenario taking the language its file name says.</summary>
    static IReadOnlyList<TrainingScenario> Read(IEnumerable<(string File, string Json)> files, string language)
    {
        var sorted = files.OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        var read = TrainingScenarios.Catalogue(sorted);
        for (var i = 0; i < read.Count; i++)
        {
            // A file may say its language; it must then be the one its name says.
            if (read[i].Language != TrainingLanguages.English && read[i].Language != language)
                throw new TrainingScenarioException(sorted[i].File, "language", $"says '{read[i].Language}' but the file name says '{language}'");
        }
        return read.Select(s => s with { Language = language }).ToList();
    }
}
