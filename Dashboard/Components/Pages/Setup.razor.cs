using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Setup;
using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Components.Setup;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Setup;
using Growth.Grains.Workspaces;
using Growth.Domain.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The Setup page: the workspace's company as data, one section per part. Edits build a draft; Preview shows what it
/// changes and every problem beside its field; Apply stores it as the next version (only if nobody stored one
/// meanwhile). Versions can be rolled back to; the setup downloads and uploads as YAML or JSON; a new workspace can be
/// created from a template. Reading is for leadership and administrators; changing too, but not for visitors.
/// </summary>
public partial class Setup
{
    [Inject] SetupService Setups { get; set; } = null!;
    [Inject] SetupTemplatesService Templates { get; set; } = null!;
    [Inject] SimulationControl Simulation { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    [Inject] NavigationManager Nav { get; set; } = null!;
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }
    [SupplyParameterFromQuery(Name = "workspace")] public string? WorkspaceParameter { get; set; }

    string Workspace => string.IsNullOrEmpty(WorkspaceParameter) ? "demo" : WorkspaceParameter;

    readonly SetupDraft draft = new();
    Viewer viewer = new(null, [], Visitor: true);
    SetupView? view;
    IReadOnlyList<SetupVersionInfo> versions = [];
    IReadOnlyList<SetupTemplateInfo> templates = [];
    DateTimeOffset now = DateTimeOffset.UtcNow;
    bool mayChange, mayCreate, busy;
    string? problem, error, message, note, loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (loadedFor == Workspace) return;
        loadedFor = Workspace;
        viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        mayCreate = viewer.MayOpen(Area.Templates, Workspace) && viewer.AllowsAnywhere(Area.SetupChanges);
        templates = mayCreate ? Templates.List() : [];
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        (problem, error) = (null, null);
        if (!Keys.IsValidWorkspace(Workspace)) { problem = Names.InvalidWorkspace(Workspace); view = null; return; }
        mayChange = viewer.Allows(Area.SetupChanges, Workspace);
        var current = await Setups.GetAsync(Workspace);
        if (current.Refusal is { } refused) { problem = Words.Refusal(refused.Detail); view = null; return; }
        // Everything read first, then shown at once: a render between the reads would show the new version over an old draft.
        var history = (await Setups.HistoryAsync(Workspace)).Value ?? [];
        var simulatedNow = (await Simulation.StatusAsync(Workspace)).Value?.SimulatedNow;
        (view, versions, now) = (current.Value!, history, simulatedNow ?? DateTimeOffset.UtcNow);
        draft.Reset(view.Document, view.Version);
    }

    string By => SetupAuthor.Of(null, viewer);

    void Edited() => message = null;

    void Discard()
    {
        if (view is not null) draft.Reset(view.Document, view.Version);
        (message, error) = (null, null);
    }

    async Task PreviewAsync() => await Busy(async () =>
    {
        var outcome = await Setups.PreviewAsync(Workspace, draft.Document);
        if (outcome.Refusal is { } refused) { error = Words.Refusal(refused.Detail); return; }
        draft.Show(outcome.Value!.Changes, outcome.Value.Problems);
        if (outcome.Value.BaseVersion != draft.BaseVersion)
            error = Words["SetupPage.MovedOn", outcome.Value.BaseVersion];
    });

    async Task ApplyAsync() => await Busy(async () =>
    {
        var outcome = await Setups.ApplyAsync(Workspace, draft.Document, By, note ?? draft.Source, draft.BaseVersion);
        if (outcome.Refusal is { } refused)
        {
            error = Words.Refusal(refused.Detail);
            draft.Show(draft.Changes, SetupValidator.Validate(draft.Document), current: false);
            return;
        }
        await LoadAsync();
        note = null;
        message = Words["SetupPage.Stored", outcome.Value!.Number, outcome.Value.Changes.Count];
    });

    async Task RollBackAsync(int number) => await Busy(async () =>
    {
        var outcome = await Setups.RollbackAsync(Workspace, number, By);
        if (outcome.Refusal is { } refused) { error = Words.Refusal(refused.Detail); return; }
        await LoadAsync();
        message = Words["SetupPage.RolledBack", number, outcome.Value!.Number];
    });

    async Task UploadAsync(InputFileChangeEventArgs e) => await Busy(async () =>
    {
        if (view is null) return;
        if (e.File.Size > SetupFiles.MaxBytes) { error = Words.Refusal(SetupFiles.TooLarge.Detail); return; }
        await using var stream = e.File.OpenReadStream(SetupFiles.MaxBytes);
        var text = await SetupFiles.ReadAsync(stream, e.File.Size);
        if (text.Refusal is { } tooLarge) { error = Words.Refusal(tooLarge.Detail); return; }
        var format = SetupFiles.FormatOf(e.File.ContentType, e.File.Name, text.Value!);
        var preview = await Setups.PreviewTextAsync(Workspace, text.Value!, format);
        if (preview.Refusal is { } refused) { error = Words.Refusal(refused.Detail); return; }
        if (preview.Value!.Document is { } uploaded) draft.Reset(uploaded, view.Version, Words["SetupPage.UploadOf", e.File.Name]);
        else error = Words["SetupPage.NotSetup", e.File.Name];
        draft.Show(preview.Value.Changes, preview.Value.Problems, current: preview.Value.Document is not null);
    });

    async Task<string?> CreateAsync(string template, string workspace)
    {
        if (Refusal.OfWorkspaceName(workspace) is { } invalid) return Words.Refusal(invalid.Detail);
        if (!viewer.Allows(Area.SetupChanges, workspace)) return Words["SetupPage.MayNotCreate", workspace];
        var created = await Templates.CreateAsync(workspace, template, By);
        if (created.Refusal is { } refused) return Words.Refusal(refused.Detail);
        Nav.NavigateTo($"./?workspace={Uri.EscapeDataString(workspace)}");
        return null;
    }

    async Task Busy(Func<Task> work)
    {
        busy = true;
        (error, message) = (null, null);
        try { await work(); }
        finally { busy = false; }
    }
}
