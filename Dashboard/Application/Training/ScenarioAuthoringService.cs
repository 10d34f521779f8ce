using Growth.Dashboard.Security;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Training;

namespace Growth.Dashboard.Application.Training;

/// <summary>A scenario in a workspace's library: built in, the workspace's own, or its own over a built-in one.</summary>
/// <param name="Current">The newest saved version; null for a built-in scenario the workspace has not written.</param>
public sealed record LibraryScenario(string Id, string Language, string Title, bool BuiltIn, ScenarioVersionInfo? Current);

/// <summary>What the check of a scenario file found: every problem by JSON path (none: it may be saved and played).</summary>
public sealed record ScenarioCheckResult(string? Id, string? Title, IReadOnlyList<ScenarioProblem> Problems);

/// <summary>An exported scenario: its file name (as the shipped files are named) and its text.</summary>
public sealed record ScenarioFile(string FileName, string Json);

/// <summary>
/// Writing training scenarios for a workspace: check, save as a new version, list versions and restore one, import and
/// export files, and preview a draft in a session that counts nowhere. Also the list a workspace's trainees play from:
/// the built-in scenarios with the workspace's own (<see cref="ScenarioLibrary.ForWorkspace"/>).
/// </summary>
public sealed class ScenarioAuthoringService(IGrainFactory grains, TrainingCatalogue catalogue, TrainingService training)
{
    /// <summary>The cohort preview sessions name (they are reported to no cohort).</summary>
    public const string PreviewCohort = "preview";

    /// <summary>The scenarios a workspace's trainees play in <paramref name="language"/>, as a catalogue the pages already show.</summary>
    public async Task<TrainingCatalogue> CatalogueAsync(string workspace, string language) =>
        new(ScenarioLibrary.ForWorkspace(catalogue.In(language).Scenarios, await AuthoredAsync(workspace), language), catalogue.Folder);

    /// <summary>Built-in scenarios, then the workspace's own, each with its newest version.</summary>
    public async Task<IReadOnlyList<LibraryScenario>> LibraryAsync(string workspace)
    {
        var own = await Library(workspace).ListAsync();
        var builtIn = catalogue.Scenarios
            .Select(s => new LibraryScenario(s.Id, ScenarioLibrary.English, s.Title, true, own.FirstOrDefault(v => v.Id == s.Id && v.Language == ScenarioLibrary.English)));
        var added = own.Where(v => v.Language != ScenarioLibrary.English || catalogue.Find(v.Id) is null)
            .Select(v => new LibraryScenario(v.Id, v.Language, v.Title, catalogue.Find(v.Id) is not null, v));
        return [.. builtIn, .. added];
    }

    /// <summary>A built-in scenario as a file, to start a new one from; null for an id that is not built in.</summary>
    public string? Template(string id) => catalogue.Find(id) is { } s ? TrainingScenarios.ToJson(s) : null;

    /// <summary>Every problem of a scenario file's text, by JSON path; the language is checked too.</summary>
    public static ScenarioCheckResult Check(string? json, string? language)
    {
        var (scenario, problems) = TrainingScenarios.Check(json);
        var all = problems.ToList();
        if (ScenarioLibrary.LanguageProblem(language) is { } bad) all.Insert(0, new ScenarioProblem("language", bad["language: ".Length..]));
        if (json?.Length > ScenarioLibrary.MaxChars) all.Insert(0, new ScenarioProblem("(root)", $"the file is {json.Length} characters long; at most {ScenarioLibrary.MaxChars} are kept"));
        return new ScenarioCheckResult(scenario?.Id, scenario?.Title, all);
    }

    /// <summary>Saves a scenario file as the next version of its id; refused, naming every problem, with nothing stored.</summary>
    public async Task<Outcome<ScenarioVersionInfo>> SaveAsync(string workspace, string? json, string? language, Viewer viewer)
    {
        var check = Check(json, language);
        if (check.Problems.Count > 0) return Refused(check.Problems);
        try
        {
            return await Library(workspace).SaveAsync(json!, ScenarioLibrary.Normalise(language)!, AuthorOf(viewer));
        }
        catch (DomainException e) { return new Refusal(Kind(e), "The scenario was refused", e.Message); }
    }

    /// <summary>Imports a scenario file: as a save, in the language its name says (<c>x.zh-Hans.json</c>) unless one is given.</summary>
    public Task<Outcome<ScenarioVersionInfo>> ImportAsync(string workspace, string? fileName, string? json, string? language, Viewer viewer) =>
        SaveAsync(workspace, json, string.IsNullOrWhiteSpace(language) ? ScenarioLibrary.LanguageOfFile(fileName) : language, viewer);

    /// <summary>Every version of one of the workspace's scenarios, newest first.</summary>
    public async Task<IReadOnlyList<ScenarioVersionInfo>> VersionsAsync(string workspace, string id, string? language) =>
        ScenarioLibrary.Normalise(language) is { } l ? await Library(workspace).VersionsAsync(id, l) : [];

    /// <summary>Makes an old version the newest (a new version copying it); refused naming an unknown one.</summary>
    public async Task<Outcome<ScenarioVersionInfo>> RestoreAsync(string workspace, string id, string? language, int number, Viewer viewer)
    {
        if (ScenarioLibrary.LanguageProblem(language) is { } bad) return new Refusal(RefusalKind.Invalid, "Unknown language", bad);
        try
        {
            return await Library(workspace).RestoreAsync(id, ScenarioLibrary.Normalise(language)!, number, AuthorOf(viewer));
        }
        catch (DomainException e) { return new Refusal(Kind(e), "The version was not restored", e.Message); }
    }

    /// <summary>
    /// A scenario as a file: the workspace's version (the newest unless <paramref name="number"/> names one), else the
    /// built-in one in English; null if neither exists.
    /// </summary>
    public async Task<ScenarioFile?> ExportAsync(string workspace, string id, string? language, int? number = null)
    {
        var l = ScenarioLibrary.Normalise(language);
        if (l is null) return null;
        if (await Library(workspace).GetAsync(id, l, number) is { } stored) return new ScenarioFile(ScenarioLibrary.FileName(id, l), stored.Json);
        return number is null && l == ScenarioLibrary.English && Template(id) is { } json ? new ScenarioFile(ScenarioLibrary.FileName(id, l), json) : null;
    }

    /// <summary>
    /// Plays a draft: a session of the checked draft under the viewer's name, reported to no history and no leaderboard.
    /// Refused, naming every problem, if the draft does not pass the check.
    /// </summary>
    public async Task<Outcome<TrainingSessionView>> PreviewAsync(string workspace, string? json, Viewer viewer, TrainingDifficulty difficulty = TrainingDifficulty.Normal)
    {
        var (scenario, problems) = TrainingScenarios.Check(json);
        if (scenario is null) return Refused(problems);
        var trainee = TrainingService.TraineeOf(viewer, workspace).OwnName ?? "author";
        try
        {
            return await training.StartAsync(workspace, new TrainingStart(scenario, difficulty, null, trainee, PreviewCohort, Preview: true));
        }
        catch (DomainException e) { return new Refusal(Kind(e), "The preview was refused", e.Message); }
    }

    async Task<IReadOnlyList<AuthoredScenario>> AuthoredAsync(string workspace) =>
        (await Library(workspace).CurrentAsync())
            .Select(s => (s.Version, Scenario: TrainingScenarios.Check(s.Json).Scenario))
            // Stored texts passed the check when saved; one a later rule refuses is left out rather than breaking the page.
            .Where(x => x.Scenario is not null)
            .Select(x => new AuthoredScenario(x.Scenario! with { Language = x.Version.Language }, x.Version.Language, x.Version.Number, x.Version.Author, x.Version.SavedAt))
            .ToList();

    static Refusal Refused(IReadOnlyList<ScenarioProblem> problems) =>
        new(RefusalKind.Invalid, "The scenario has problems", string.Join("; ", problems),
            new Dictionary<string, object?> { ["problems"] = problems.Select(p => new { path = p.Path, problem = p.Problem }).ToList() });

    static RefusalKind Kind(DomainException e) => e.Kind switch
    {
        DomainErrorKind.NotFound => RefusalKind.NotFound,
        DomainErrorKind.Conflict => RefusalKind.Conflict,
        _ => RefusalKind.Invalid,
    };

    static string AuthorOf(Viewer viewer) => viewer.Name ?? "anonymous";

    IScenarioLibraryGrain Library(string workspace) => grains.GetGrain<IScenarioLibraryGrain>(workspace);
}
