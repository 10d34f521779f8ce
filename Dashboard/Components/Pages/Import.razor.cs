using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Import;
using Growth.Grains.Errors;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Components.Pages;

/// <summary>
/// The import page: the files of a CRM export, a preset (proposed from the pipeline file's header) and a column mapping,
/// imported with progress and a report.
/// </summary>
public partial class Import
{
    [Inject] WorkspaceImport Imports { get; set; } = null!;
    [Inject] CalibratedSimulations Calibrations { get; set; } = null!;
    [Inject] SimulationControl Simulations { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
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
    int done, total;
    string? error;
    ImportSummary? report;
    // The calibrated simulation made from the import: its workspace name, what was created, and whether it was started.
    string simulation = "";
    CalibratedSimulation? calibrated;
    bool started;

    string Named(string field) => files.TryGetValue(field, out var f) ? $"{f.Name} ({f.Bytes.Length:N0} bytes)" : "no file chosen";

    /// <summary>The files the chosen preset needs: the pipeline, and the teams and products files for the Maven layout.</summary>
    IReadOnlyList<string> Needed => CrmUpload.RequiredFiles(CrmUpload.MappingOf([new(CrmUpload.PresetField, preset)]).Mapping!);

    bool Ready => Needed.All(files.ContainsKey);

    void Choose(string name)
    {
        preset = name;
        mapping = CrmUpload.DefaultMapping(name);
    }

    async Task Pick(string field, InputFileChangeEventArgs e)
    {
        report = null;
        calibrated = null;
        error = null;
        var buffer = new MemoryStream();
        try
        {
            await using (var upload = e.File.OpenReadStream(CrmUpload.MaxUploadBytes)) await upload.CopyToAsync(buffer);
        }
        catch (IOException x) { error = $"{e.File.Name} could not be read: {x.Message}"; return; }
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
            proposal = $"The headers of {name} match no preset: map its columns below (its headers are offered for each field).";
            return;
        }
        if (found.Preset != preset) Choose(found.Preset!);
        proposal = $"The headers of {name} match the {found.Preset} preset: chosen. Change it if that is wrong.";
    }

    /// <summary>Reports progress from the import to the page (through the renderer, since it may come from another thread).</summary>
    sealed class PageProgress(Import page) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => _ = page.InvokeAsync(() =>
        {
            page.done = value.JourneysDone;
            page.total = value.JourneysTotal;
            page.phase = $"Applying journeys: {value.JourneysDone:N0} of {value.JourneysTotal:N0}";
            page.StateHasChanged();
        });
    }

    async Task ImportAsync()
    {
        error = null;
        report = null;
        calibrated = null;
        started = false;
        var name = (workspace ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { error = invalid.Detail; return; }
        // The page opens for an administrator of some workspace; the import writes only where they administer.
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        if (!viewer.Allows(Area.Import, name)) { error = $"Your roles do not include importing into workspace {name}."; return; }
        var defaults = CrmUpload.DefaultMapping(preset);
        var (map, mappingError) = CrmUpload.MappingOf(mapping.Where(m => m.Value != defaults[m.Key])
            .Prepend(new KeyValuePair<string, string>(CrmUpload.PresetField, preset)));
        if (mappingError is not null) { error = mappingError; return; }
        busy = true;
        phase = "Reading the files…";
        done = total = 0;
        try
        {
            // The files were buffered when chosen; only those the mapping needs are read.
            var sources = CrmUpload.RequiredFiles(map!).ToDictionary(f => f, f => CrmSource.FromStream(files[f].Name, new MemoryStream(files[f].Bytes)));
            report = await Imports.ImportAsync(name, sources, map!, new PageProgress(this));
            phase = $"Done: {report.Imported:N0} rows imported into {name}.";
            simulation = $"{name}-sim";
        }
        catch (CrmImportException e) { error = $"Nothing was imported. {e.Message}"; phase = null; }
        catch (DomainException e) { error = e.Message; phase = null; }
        catch (IOException e) { error = $"A file could not be read: {e.Message}"; phase = null; }
        finally { busy = false; }
    }

    /// <summary>Creates the calibrated simulation of the imported history, paused, with the setup made from the history.</summary>
    async Task CalibrateAsync()
    {
        error = null;
        if (report is null) return;
        var name = (simulation ?? "").Trim();
        if (Refusal.OfWorkspaceName(name) is { } invalid) { error = invalid.Detail; return; }
        var viewer = await Access.ViewerAsync(AuthenticationState is null ? null : (await AuthenticationState).User);
        // As the API asks: administering the new workspace, and the history's (which is read whole).
        if (!viewer.Allows(Area.SimulationControl, name) || !viewer.Allows(Area.SimulationControl, report.Workspace))
        {
            error = $"Your roles do not include creating simulation {name} from workspace {report.Workspace}.";
            return;
        }
        busy = true;
        phase = $"Calibrating {name} on the history of {report.Workspace}…";
        try
        {
            var outcome = await Calibrations.CreateAsync(name, report.Workspace, new CalibratedRequest(Run: false), viewer.Name ?? "import page");
            if (outcome.Refusal is { } refused) error = refused.Detail;
            else
            {
                calibrated = outcome.Value;
                phase = $"Simulation {name} created from the history of {report.Workspace}: review its setup, then start it.";
            }
        }
        catch (DomainException e) { error = e.Message; }
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
            phase = $"Simulation {calibrated.Simulation.Workspace} is running.";
        }
        catch (DomainException e) { error = e.Message; }
        finally { busy = false; }
    }
}
