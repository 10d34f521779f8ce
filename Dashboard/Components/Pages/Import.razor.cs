using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Components.Shared;
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
    [Inject] AccessResolver Access { get; set; } = null!;
    [Inject] Microsoft.Extensions.Options.IOptions<ImportOptions> Limits { get; set; } = null!;
    [CascadingParameter] Task<AuthenticationState>? AuthenticationState { get; set; }

    string workspace = "crm-import";
    /// <summary>The files chosen, streamed to disk when chosen (the header is read then, to propose a preset); made on first use.</summary>
    UploadedFiles? uploads;
    UploadedFiles Files => uploads ??= new UploadedFiles(Limits.Value);
    /// <summary>What the workspace's leads' origins may be mapped to, and the origins the chosen leads file names (at most <see cref="OriginsShown"/>).</summary>
    OriginTargets targets = OriginTargets.Fixed;
    IReadOnlyList<string> origins = [];
    const int OriginsShown = 50;
    string preset = "maven";
    Dictionary<string, string> mapping = CrmUpload.DefaultMapping();
    /// <summary>The pipeline file's header, offered as suggestions for each mapping field.</summary>
    IReadOnlyList<string> headers = [];
    string? proposal;
    bool busy;
    string? phase;
    /// <summary>An import going on: its progress, what cancels it (Cancel, or leaving the page, until it commits), and what was last said about it.</summary>
    bool importing;
    RunProgress? progress;
    ImportRun? run;
    /// <summary>Cancel was pressed after the import had begun to store: it runs to its end, and the page says why.</summary>
    bool tooLateToCancel;
    string? announcement;
    string? error;
    ImportSummary? report;

    // The workspace's saved mappings (offered as layouts), and the one being saved.
    IReadOnlyList<NamedMapping> saved = [];
    string presetName = "";
    string? presetMessage;
    bool presetSaved;
    bool confirmingDelete;
    /// <summary>The history's "now" picked by the user; its last event when empty.</summary>
    DateTime? now;

    string Named(string field) => Files[field] is { } f ? Words["Import.FileChosen", f.Name, f.Bytes.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)] : Words["Import.NoFile"];

    string PresetTitle(string name) => Words["Import.Preset." + name];

    string FileTitle(string field) => Words["Import.FileName." + field];

    /// <summary>The files the chosen preset needs: the pipeline, and the teams and products files for the Maven layout.</summary>
    IReadOnlyList<string> Needed => CrmUpload.RequiredFiles(CrmUpload.MappingOf([new(CrmUpload.PresetField, preset)], saved).Mapping ?? CrmColumnMapping.Maven);

    bool Ready => Needed.All(Files.Has);

    /// <summary>The columns of the chosen layout: a built-in preset's or a saved one's.</summary>
    Dictionary<string, string> LayoutFields(string name) =>
        saved.FirstOrDefault(p => p.Name == name) is { } named && !CrmUpload.Presets.Contains(name) ? CrmUpload.FieldsOf(named.Mapping) : CrmUpload.DefaultMapping(name);

    void Choose(string name)
    {
        preset = name;
        mapping = LayoutFields(name);
        preview = null;
        if (uploads is not null) ReadOrigins();
    }

    /// <summary>A mapping field changed on the page; a new origin column reads the leads file's origins again.</summary>
    void SetField(string field, string value)
    {
        mapping[field] = value;
        preview = null;
        if (field == "leadOrigin") ReadOrigins();
    }

    /// <summary>Whether the import has passed its commit point (it stores the journeys and can no longer be cancelled).</summary>
    bool Committing => (run?.Committed ?? false) || progress?.Phase == 1;

    /// <summary>The workspace the address names (<c>?workspace=</c>): the page opens ready to import there; else <c>crm-import</c>.</summary>
    [SupplyParameterFromQuery(Name = "workspace")] public string? WorkspaceParameter { get; set; }

    protected override Task OnInitializedAsync()
    {
        if (Growth.Domain.Workspaces.Names.IsValidWorkspace(WorkspaceParameter)) workspace = WorkspaceParameter!;
        return LoadSavedAsync();
    }

    /// <summary>The workspace's saved mappings, offered beside the built-in layouts.</summary>
    async Task LoadSavedAsync()
    {
        var name = (workspace ?? "").Trim();
        saved = Refusal.OfWorkspaceName(name) is null ? await Imports.SavedMappingsAsync(name) : [];
        targets = Refusal.OfWorkspaceName(name) is null ? await Imports.OriginTargetsAsync(name) : OriginTargets.Fixed;
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
        preview = null;
        calibrated = null;
        error = null;
        // Streamed to disk, never into memory; over the limit (the files together) it is refused before a byte is read.
        if (await Files.AddAsync(field, e.File) is { } problem)
        {
            error = UploadMessage(Words, problem, Limits.Value);
            return;
        }
        if (field == "pipeline") Propose(e.File.Name);
        if (CrmUpload.EventFields.Contains(field)) GuessEventFile(field, e.File.Name);
        if (field == "leads") ReadOrigins();
    }

    /// <summary>What the page says of a file not taken: unreadable, over the limit, or over it with the files already chosen.</summary>
    public static string UploadMessage(Words words, UploadProblem problem, ImportOptions limit)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        string MiB(long bytes) => (bytes / 1048576.0).ToString("N1", culture);
        return problem.Unreadable is { } why ? words["Import.Unreadable", problem.File, why]
            : problem.OthersBytes > 0 ? words["Import.TooLargeTogether", problem.File, MiB(problem.Bytes), MiB(problem.OthersBytes), limit.MaxUploadMegabytes.ToString("N0", culture)]
            : words["Import.TooLarge", problem.File, MiB(problem.Bytes), limit.MaxUploadMegabytes.ToString("N0", culture)];
    }

    /// <summary>The origins the chosen leads file names in the mapped origin column (the first ones), to show what each maps to.</summary>
    void ReadOrigins()
    {
        origins = [];
        if (!Files.Has("leads") || mapping.GetValueOrDefault("leadOrigin") is not { Length: > 0 } column) return;
        var (source, stream) = Files.Open("leads");
        using (stream)
        {
            try { origins = CsvHeader.Values(source, column, OriginsShown); }
            // Only a preview: the import itself says what is wrong with the file.
            catch (Exception) { origins = []; }
        }
    }

    /// <summary>Reads the pipeline file's header and proposes the preset it matches; without a match, the preset stays.</summary>
    void Propose(string name)
    {
        var (source, stream) = Files.Open("pipeline");
        try { headers = CsvHeader.Read(source); }
        // Only a proposal: a header that cannot be read proposes nothing, and the import itself says what is wrong.
        catch (Exception) { headers = []; }
        finally { stream.Dispose(); }
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

    /// <summary>
    /// Stops the import while it reads the files (nothing is stored then). Once it stores the journeys it can no longer be
    /// cancelled (stopping would leave part of the history stored): it finishes, and the page says so.
    /// </summary>
    void Cancel()
    {
        if (run is { } going && !going.TryCancel()) tooLateToCancel = true;
    }

    /// <summary>Leaving the page cancels an import that has not committed; one that has finishes on its own.</summary>
    public void Dispose()
    {
        run?.TryCancel();
        uploads?.Dispose();
    }

    async Task ImportAsync()
    {
        error = null;
        report = null;
        calibrated = null;
        started = false;
        if (await CheckedRequestAsync() is not { } request) return;
        var (name, map) = request;
        busy = importing = true;
        phase = null;
        progress = null;
        announcement = null;
        tooLateToCancel = false;
        using var cancel = new ImportRun();
        run = cancel;
        var opened = new List<Stream>();
        try
        {
            // The files were streamed to disk when chosen; only those the mapping needs (and the event files chosen) are read, as streams.
            var sources = ChosenFiles(map).ToDictionary(f => f, f =>
            {
                var (source, stream) = Files.Open(f);
                opened.Add(stream);
                return source;
            });
            var picked = now is { } day ? new DateTimeOffset(day.Date, TimeSpan.Zero) : (DateTimeOffset?)null;
            report = await Imports.ImportAsync(name, sources, map, new PageProgress(this), cancel.Token, now: picked, run: cancel);
            phase = Words["Import.Done", report.Imported.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), name];
            announcement = Words["Progress.ImportDone"];
            simulation = $"{name}-sim";
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { announcement = Words["Progress.ImportCancelled"]; phase = announcement; }
        catch (CrmImportException e) { error = Words["Import.NothingImported", Words.ImportRefusal(e)]; phase = null; }
        catch (DomainException e) { error = Words.Refusal(e.Message); phase = null; }
        catch (IOException e) { error = Words["Import.FileUnreadable", e.Message]; phase = null; }
        finally
        {
            busy = importing = false;
            run = null;
            opened.ForEach(s => s.Dispose());
        }
    }
}
