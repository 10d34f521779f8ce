using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Training;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Components.Training;
using Growth.Dashboard.Security;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Components.Pages;

/// <summary>The scenario editor's state and handlers; the work is the <see cref="ScenarioAuthoringService"/>'s.</summary>
public partial class ScenarioEditor
{
    [Inject] ScenarioAuthoringService Authoring { get; set; } = null!;
    [Inject] TrainingService Training { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    [Inject] Words Words { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "training")] public string? WorkspaceParameter { get; set; }
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    string Workspace => Keys.IsValidWorkspace(WorkspaceParameter) ? WorkspaceParameter! : TrainingKeys.DefaultWorkspace;

    Viewer viewer = new(null, [], true);
    IReadOnlyList<LibraryScenario> library = [];
    IReadOnlyList<ScenarioVersionInfo> versions = [];
    readonly ScenarioDraft draft = new();
    bool editing;
    TrainingSessionView? preview;
    string? message;
    string? error;
    bool busy;

    protected override async Task OnInitializedAsync()
    {
        viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        library = await Authoring.LibraryAsync(Workspace);
    }

    string LanguageName(string language) => Words[language == ScenarioLibrary.Chinese ? "Authoring.Chinese" : "Authoring.English"];

    string ExportLink(string id, string language, int? version = null) =>
        $"api/workspaces/{Uri.EscapeDataString(Workspace)}/training/scenarios/{Uri.EscapeDataString(id)}?language={Uri.EscapeDataString(language)}"
        + (version is { } v ? $"&version={v}" : "");

    /// <summary>Opens a scenario in the editor: the workspace's newest version, or the built-in one as a template.</summary>
    async Task EditAsync(LibraryScenario s) => await Busy(async () =>
    {
        var file = await Authoring.ExportAsync(Workspace, s.Id, s.Language);
        if (file is null) { error = Words["Authoring.Missing", s.Id]; return; }
        Open(file.Json, s.Language);
        await LoadVersionsAsync();
    });

    void Open(string json, string language)
    {
        draft.Load(json, language);
        (editing, preview) = (true, null);
    }

    void Check()
    {
        (message, error) = (null, null);
        draft.Problems = ScenarioAuthoringService.Check(draft.Json, draft.Language).Problems;
    }

    async Task PreviewAsync() => await Busy(async () =>
    {
        Check();
        if (draft.Problems is { Count: > 0 }) return;
        var started = await Authoring.PreviewAsync(Workspace, draft.Json, viewer);
        if (started.Refusal is { } refused) { error = Words.Refusal(refused.Detail); return; }
        preview = started.Value;
    });

    Task ChooseAsync(string choiceId) => TurnAsync(id => Training.ChooseAsync(Workspace, id, choiceId));

    Task SayAsync(string line) => TurnAsync(id => Training.SayAsync(Workspace, id, line));

    async Task TurnAsync(Func<string, Task<TrainingSessionView>> turn) => await Busy(async () =>
    {
        if (preview is not { } current) return;
        try { preview = await turn(current.SessionId); }
        catch (DomainException e) { error = Words.Refusal(e.Message); }
    });

    async Task SaveAsync() => await Busy(async () =>
    {
        Check();
        if (draft.Problems is { Count: > 0 }) return;
        Saved(await Authoring.SaveAsync(Workspace, draft.Json, draft.Language, viewer));
        draft.ReadFields();
        await ReloadAsync();
    });

    async Task RestoreAsync(ScenarioVersionInfo v) => await Busy(async () =>
    {
        var restored = await Authoring.RestoreAsync(Workspace, v.Id, v.Language, v.Number, viewer);
        Saved(restored);
        if (restored.Value is not null && await Authoring.ExportAsync(Workspace, v.Id, v.Language) is { } file) Open(file.Json, v.Language);
        await ReloadAsync();
    });

    /// <summary>Imports a file as the next version of its id; a bad file is refused naming every problem, and nothing is stored.</summary>
    async Task ImportAsync(InputFileChangeEventArgs e) => await Busy(async () =>
    {
        var limit = ScenarioLibrary.MaxChars * 3;
        if (e.File.Size > limit) { error = Words["Authoring.TooLarge", e.File.Name, ScenarioLibrary.MaxChars]; return; }
        using var reader = new StreamReader(e.File.OpenReadStream(limit));
        var json = (await reader.ReadToEndAsync()).TrimStart('\uFEFF');
        var language = ScenarioLibrary.LanguageOfFile(e.File.Name);
        Open(json, language);
        var outcome = await Authoring.ImportAsync(Workspace, e.File.Name, json, language, viewer);
        if (outcome.Refusal is not null) draft.Problems = ScenarioAuthoringService.Check(json, language).Problems;
        Saved(outcome, e.File.Name);
        await ReloadAsync();
    });

    void Saved(Outcome<ScenarioVersionInfo> outcome, string? file = null)
    {
        if (outcome.Value is { } v) message = Words["Authoring.Saved", v.Id, v.Number, LanguageName(v.Language)];
        else error = file is null ? Words.Refusal(outcome.Refusal!.Detail) : Words["Authoring.ImportRefused", file, Words.Refusal(outcome.Refusal!.Detail)];
    }

    async Task ReloadAsync()
    {
        library = await Authoring.LibraryAsync(Workspace);
        await LoadVersionsAsync();
    }

    async Task LoadVersionsAsync() =>
        versions = editing && draft.Id.Length > 0 ? await Authoring.VersionsAsync(Workspace, draft.Id, draft.Language) : [];

    async Task Busy(Func<Task> work)
    {
        if (busy) return;
        (busy, message, error) = (true, null, null);
        try { await work(); }
        finally { busy = false; }
    }
}
