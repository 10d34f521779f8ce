using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Import;
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

    string Named(string field) => files.TryGetValue(field, out var f) ? $"{f.Name} ({f.Size:N0} bytes)" : "no file chosen";

    void Pick(string field, InputFileChangeEventArgs e)
    {
        files[field] = e.File;
        report = null;
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
        }
        catch (CrmImportException e) { error = $"Nothing was imported. {e.Message}"; phase = null; }
        catch (DomainException e) { error = e.Message; phase = null; }
        catch (IOException e) { error = $"A file could not be read: {e.Message}"; phase = null; }
        finally { busy = false; }
    }
}
