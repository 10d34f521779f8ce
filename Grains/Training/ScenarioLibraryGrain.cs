using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Training;

/// <summary>The library's own state: every version's information, oldest first (texts live in version grains).</summary>
[GenerateSerializer]
public sealed class ScenarioLibraryRecord
{
    [Id(0)] public List<ScenarioVersionInfo> Versions { get; set; } = [];
}

/// <summary>A workspace's own scenarios: checks a text by the scenario rules, then versions it.</summary>
public sealed class ScenarioLibraryGrain(
    [PersistentState("training-scenarios", GrainStorage.Name)] IPersistentState<ScenarioLibraryRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IScenarioLibraryGrain
{
    string Workspace => this.GetPrimaryKeyString();
    List<ScenarioVersionInfo> Versions => record.State.Versions;

    public async Task<ScenarioVersionInfo> SaveAsync(string json, string language, string author)
    {
        var lang = ScenarioLibrary.Normalise(language) ?? throw new DomainException(ScenarioLibrary.LanguageProblem(language)!);
        if (json is null || json.Length > ScenarioLibrary.MaxChars)
            throw new DomainException($"(root): the file is {json?.Length ?? 0} characters long; at most {ScenarioLibrary.MaxChars} are kept");
        var (scenario, problems) = TrainingScenarios.Check(json);
        if (scenario is null) throw new DomainException($"the scenario has {problems.Count} problem(s): {string.Join("; ", problems)}");
        return await AddAsync(scenario.Id, lang, scenario.Title, json, author, null);
    }

    public async Task<ScenarioVersionInfo> RestoreAsync(string id, string language, int number, string author)
    {
        var old = await GetAsync(id, ScenarioLibrary.Normalise(language) ?? "", number)
            ?? throw new DomainException($"scenario '{id}' ({language}) has no version {number} in {Workspace}", DomainErrorKind.NotFound);
        return await AddAsync(id, old.Version.Language, old.Version.Title, old.Json, author, number);
    }

    async Task<ScenarioVersionInfo> AddAsync(string id, string language, string title, string json, string author, int? restoredFrom)
    {
        var mine = Versions.Where(v => v.Id == id && v.Language == language).ToList();
        if (mine.Count == 0 && Versions.Select(v => (v.Id, v.Language)).Distinct().Count() >= ScenarioLibrary.MaxScenarios)
            throw new DomainException($"workspace {Workspace} already has {ScenarioLibrary.MaxScenarios} scenarios of its own, the most kept", DomainErrorKind.Conflict);
        if (mine.Count >= ScenarioLibrary.MaxVersions)
            throw new DomainException($"scenario '{id}' ({language}) already has {ScenarioLibrary.MaxVersions} versions, the most kept", DomainErrorKind.Conflict);
        var info = new ScenarioVersionInfo(id, language, mine.Count == 0 ? 1 : mine.Max(v => v.Number) + 1, title, author, time.GetUtcNow(), restoredFrom);
        // The text first: a version counts only once its text is stored.
        await Version(info).WriteAsync(json);
        Versions.Add(info);
        try { await record.WriteStateAsync(); }
        catch
        {
            Versions.Remove(info);
            throw;
        }
        return info;
    }

    public Task<IReadOnlyList<ScenarioVersionInfo>> ListAsync() => Task.FromResult(Newest());

    public async Task<IReadOnlyList<StoredScenario>> CurrentAsync()
    {
        var newest = Newest();
        var texts = await Task.WhenAll(newest.Select(v => Version(v).GetAsync()));
        return newest.Zip(texts, (v, json) => new StoredScenario(v, json ?? "")).Where(s => s.Json.Length > 0).ToList();
    }

    public Task<IReadOnlyList<ScenarioVersionInfo>> VersionsAsync(string id, string language) =>
        Task.FromResult<IReadOnlyList<ScenarioVersionInfo>>(Versions.Where(v => v.Id == id && v.Language == language).Reverse().ToList());

    public async Task<StoredScenario?> GetAsync(string id, string language, int? number)
    {
        var info = Versions.LastOrDefault(v => v.Id == id && v.Language == language && (number is null || v.Number == number));
        return info is null || await Version(info).GetAsync() is not { } json ? null : new StoredScenario(info, json);
    }

    IReadOnlyList<ScenarioVersionInfo> Newest() =>
        Versions.GroupBy(v => (v.Id, v.Language)).Select(g => g.Last())
            .OrderBy(v => v.Id, StringComparer.Ordinal).ThenBy(v => v.Language, StringComparer.Ordinal).ToList();

    IScenarioVersionGrain Version(ScenarioVersionInfo v) => GrainFactory.GetGrain<IScenarioVersionGrain>(Keys.Of(Workspace, $"{v.Id}.{v.Language}.{v.Number}"));
}
