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

/// <summary>The import page: three files of a CRM export and a column mapping, imported with progress and a report.</summary>
public partial class Import
{
    [Inject] WorkspaceImport Imports { get; set; } = null!;
    [Inject] CalibratedSimulations Calibrations { get; set; } = null!;
    [Inject] SimulationControl Simulations { get; set; } = null!;
    [Inject] AccessResolver Access { get; set; } = null!;
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    string workspace = "crm-import";
    readonly Dictionary<string, IBrowserFile> files = [];
    readonly Dictionary<string, string> mapping = CrmUpload.DefaultMapping();
    bool busy;
    string? phase;
    int done, total;
    string? error;
    ImportSummary? report;
    // The calibrated simulation made from the import: its workspace name, what was created, and whether it was started.
    string simulation = "";
    CalibratedSimulation? calibrated;
    bool started;

    string Named(string field) => files.TryGetValue(field, out var f) ? $"{f.Name} ({f.Size:N0} bytes)" : "no file chosen";

    void Pick(string field, InputFileChangeEventArgs e)
    {
        files[field] = e.File;
        report = null;
        calibrated = null;
        error = null;
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
        var defaults = CrmUpload.DefaultMapping();
        var (map, mappingError) = CrmUpload.MappingOf(mapping.Where(m => m.Value != defaults[m.Key]));
        if (mappingError is not null) { error = mappingError; return; }
        busy = true;
        phase = "Reading the files…";
        done = total = 0;
        try
        {
            // Browser streams are read asynchronously; the CSV reader reads synchronously, so each file is buffered first.
            var sources = new Dictionary<string, CrmSource>();
            foreach (var field in CrmUpload.FileFields)
            {
                var buffer = new MemoryStream();
                await using (var upload = files[field].OpenReadStream(CrmUpload.MaxUploadBytes)) await upload.CopyToAsync(buffer);
                buffer.Position = 0;
                sources[field] = CrmSource.FromStream(files[field].Name, buffer);
            }
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
