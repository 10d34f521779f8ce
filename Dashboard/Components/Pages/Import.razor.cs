using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Import;
using Growth.Domain.Progress;
using Growth.Grains.Errors;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The import page: the files of a CRM export, a preset (proposed from the pipeline file's header) and a column mapping,
/// imported with progress and a report.
/// </summary>
public partial class Import : IDisposable
{
    [Inject] WorkspaceImport Imports { get; set; } = null!;
    [Inject] CalibratedSimulations Calibrations { get; set; } = null!;
    [Inject] SimulationControl Simulations { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    [Inject] Microsoft.Extensions.Options.IOptions<ImportOptions> Limits { get; set; } = null!;
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    string workspace = "crm-import";
    /// <summary>The files chosen, read into memory when chosen (the header is read then, to propose a preset).</summary>
    readonly Dictionary<string, (string Name, byte[] Bytes)> files = [];
    string preset = "maven";
    Dictionary<string, string> mapping = CrmUpload.DefaultMapping();
    /// <summary>The pipeline file's header, offered as suggestions for each mapping field.</summary>
    IReadOnlyList<string> headers = [];
    string? proposal;
    bool busy;
    string? phase;
    /// <summary>An import going on: its progress, what cancels it (Cancel, or leaving the page), and what was last said about it.</summary>
    bool importing;
    RunProgress? progress;
    CancellationTokenSource? run;
    string? announcement;
    string? error;
    ImportSummary? report;
    // The calibrated simulation made from the import: its workspace name, what was created, and whether it was started.
    string simulation = "";
    CalibratedSimulation? calibrated;
    bool started;

    // The workspace's saved mappings (offered as layouts), and the one being saved.
    IReadOnlyList<NamedMapping> saved = [];
    string presetName = "";
    string? presetMessage;
    bool presetSaved;
    bool confirmingDelete;
    /// <summary>The history's "now" picked by the user; its last event when empty.</summary>
    DateTime? now;

    string Named(string field) => files.TryGetValue(field, out var f) ? Words["Import.FileChosen", f.Name, f.Bytes.Length.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)] : Words["Import.NoFile"];

    string PresetTitle(string name) => Words["Import.Preset." + name];

    string FileTitle(string field) => Words["Import.FileName." + field];

    /// <summary>The files the chosen preset needs: the pipeline, and the teams and products files for the Maven layout.</summary>
    IReadOnlyList<string> Needed => CrmUpload.RequiredFiles(CrmUpload.MappingOf([new(CrmUpload.PresetField, preset)], saved).Mapping ?? CrmColumnMapping.Maven);

    bool Ready => Needed.All(files.ContainsKey);

    /// <summary>The columns of the chosen layout: a built-in preset's or a saved one's.</summary>
    Dictionary<string, string> LayoutFields(string name) =>
        saved.FirstOrDefault(p => p.Name == name) is { } named && !CrmUpload.Presets.Contains(name) ? CrmUpload.FieldsOf(named.Mapping) : CrmUpload.DefaultMapping(name);

    void Choose(string name)
    {
        preset = name;
        mapping = LayoutFields(name);
    }

    protected override Task OnInitializedAsync() => LoadSavedAsync();

    /// <summary>The workspace's saved mappings, offered beside the built-in layouts.</summary>
    async Task LoadSavedAsync()
    {
        var name = (workspace ?? "").Trim();
        saved = Refusal.OfWorkspaceName(name) is null ? await Imports.SavedMappingsAsync(name) : [];
        if (!CrmUpload.Presets.Contains(preset) && saved.All(p => p.Name != preset)) Choose("maven");
    }

    /// <summary>Saves the mapping as shown (the layout with the fields changed on the page) under the name given, for this workspace.</summary>
    async Task SavePresetAsync()
    {
        presetSaved = false;
        var name = (workspace ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { presetMessage = Words.Refusal(invalid.Detail); return; }
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, name)) { presetMessage = Words["Import.NotAllowed", name]; return; }
        var defaults = LayoutFields(preset);
        var outcome = await Imports.SaveMappingAsync(name, presetName, mapping.Where(m => m.Value != defaults[m.Key] && m.Value.Length > 0)
            .Prepend(new KeyValuePair<string, string>(CrmUpload.PresetField, preset)));
        if (outcome.Refusal is { } refused) { presetMessage = Words.Refusal(refused.Detail); return; }
        saved = outcome.Value!;
        preset = saved.First(p => string.Equals(p.Name, presetName.Trim(), StringComparison.OrdinalIgnoreCase)).Name;
        presetMessage = Words["Import.PresetSaved", preset, name];
        presetSaved = true;
    }

    /// <summary>Deletes the saved layout chosen (after the question was answered), for this workspace; the Maven layout is chosen then.</summary>
    async Task DeletePresetAsync()
    {
        confirmingDelete = false;
        presetSaved = false;
        var name = (workspace ?? "").Trim();
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, name)) { presetMessage = Words["Import.NotAllowed", name]; return; }
        var deleted = preset;
        var outcome = await Imports.DeleteMappingAsync(name, deleted);
        if (outcome.Refusal is { } refused) { presetMessage = Words.Refusal(refused.Detail); return; }
        saved = outcome.Value!;
        Choose("maven");
        presetMessage = Words["Import.PresetDeleted", deleted, name];
        presetSaved = true;
    }

    async Task Pick(string field, InputFileChangeEventArgs e)
    {
        report = null;
        calibrated = null;
        error = null;
        var limit = Limits.Value;
        // Refused before a byte is read: the browser says how large the file is.
        if (e.File.Size > limit.MaxUploadBytes)
        {
            error = Words["Import.TooLarge", e.File.Name, (e.File.Size / 1048576.0).ToString("N1", System.Globalization.CultureInfo.CurrentCulture),
                limit.MaxUploadMegabytes.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)];
            return;
        }
        var buffer = new MemoryStream();
        try
        {
            await using (var upload = e.File.OpenReadStream(limit.MaxUploadBytes)) await upload.CopyToAsync(buffer);
        }
        catch (IOException x) { error = Words["Import.Unreadable", e.File.Name, x.Message]; return; }
        files[field] = (e.File.Name, buffer.ToArray());
        if (field == "pipeline") Propose(e.File.Name, files[field].Bytes);
    }

    /// <summary>Reads the pipeline file's header and proposes the preset it matches; without a match, the preset stays.</summary>
    void Propose(string name, byte[] bytes)
    {
        try { headers = CsvHeader.Read(CrmSource.FromStream(name, new MemoryStream(bytes))); }
        // Only a proposal: a header that cannot be read proposes nothing, and the import itself says what is wrong.
        catch (Exception) { headers = []; }
        var found = CrmPresets.Detect(headers);
        if (found is null)
        {
            proposal = Words["Import.NoMatch", name];
            return;
        }
        if (found.Preset != preset) Choose(found.Preset!);
        proposal = Words["Import.Matched", name, found.Preset!];
    }

    /// <summary>Reports progress from the import to the page (through the renderer, since it comes from another thread); it never goes back.</summary>
    sealed class PageProgress(Import page) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => _ = page.InvokeAsync(() =>
        {
            page.progress = page.progress?.Advance(value) ?? value;
            page.StateHasChanged();
        });
    }

    /// <summary>Stops the import while it reads the files (nothing is stored then); once it applies the journeys it finishes.</summary>
    void Cancel() => run?.Cancel();

    public void Dispose() => run?.Cancel();

    async Task ImportAsync()
    {
        error = null;
        report = null;
        calibrated = null;
        started = false;
        var name = (workspace ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { error = Words.Refusal(invalid.Detail); return; }
        // The page opens for an administrator of some workspace; the import writes only where they administer.
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, name)) { error = Words["Import.NotAllowed", name]; return; }
        var defaults = LayoutFields(preset);
        var (map, mappingError) = CrmUpload.MappingOf(mapping.Where(m => m.Value != defaults[m.Key])
            .Prepend(new KeyValuePair<string, string>(CrmUpload.PresetField, preset)), saved);
        if (mappingError is not null) { error = mappingError; return; }
        busy = importing = true;
        phase = null;
        progress = null;
        announcement = null;
        using var cancel = new CancellationTokenSource();
        run = cancel;
        try
        {
            // The files were buffered when chosen; only those the mapping needs are read.
            var sources = CrmUpload.RequiredFiles(map!).ToDictionary(f => f, f => CrmSource.FromStream(files[f].Name, new MemoryStream(files[f].Bytes)));
            var picked = now is { } day ? new DateTimeOffset(day.Date, TimeSpan.Zero) : (DateTimeOffset?)null;
            report = await Imports.ImportAsync(name, sources, map!, new PageProgress(this), cancel.Token, now: picked);
            phase = Words["Import.Done", report.Imported.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), name];
            announcement = Words["Progress.ImportDone"];
            simulation = $"{name}-sim";
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { announcement = Words["Progress.ImportCancelled"]; phase = announcement; }
        catch (CrmImportException e) { error = Words["Import.NothingImported", e.Message]; phase = null; }
        catch (DomainException e) { error = Words.Refusal(e.Message); phase = null; }
        catch (IOException e) { error = Words["Import.FileUnreadable", e.Message]; phase = null; }
        finally { busy = importing = false; run = null; }
    }

    /// <summary>Creates the calibrated simulation of the imported history, paused, with the setup made from the history.</summary>
    async Task CalibrateAsync()
    {
        error = null;
        if (report is null) return;
        var name = (simulation ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { error = Words.Refusal(invalid.Detail); return; }
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        // As the API asks: administering the new workspace, and the history's (which is read whole).
        if (!viewer.Allows(Area.SimulationControl, name) || !viewer.Allows(Area.SimulationControl, report.Workspace))
        {
            error = Words["Calibration.NoSimulateRight", name, report.Workspace];
            return;
        }
        busy = true;
        phase = Words["Import.Calibrating", name, report.Workspace];
        try
        {
            var outcome = await Calibrations.CreateAsync(name, report.Workspace, new CalibratedRequest(Run: false), viewer.Name ?? "import page");
            if (outcome.Refusal is { } refused) error = Words.Refusal(refused.Detail);
            else
            {
                calibrated = outcome.Value;
                phase = Words["Import.CalibratedPhase", name, report.Workspace];
            }
        }
        catch (DomainException e) { error = Words.Refusal(e.Message); }
        finally { busy = false; }
    }

    /// <summary>Starts the calibrated simulation's clock.</summary>
    async Task StartSimulationAsync()
    {
        if (calibrated is null) return;
        error = null;
        busy = true;
        try
        {
            await Simulations.ResumeAsync(calibrated.Simulation.Workspace);
            started = true;
            phase = Words["Import.RunningPhase", calibrated.Simulation.Workspace];
        }
        catch (DomainException e) { error = Words.Refusal(e.Message); }
        finally { busy = false; }
    }
}
