using Growth.Dashboard.Application.Ingestion;
using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Progress;
using Growth.Domain.Setup;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Import;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Import;

/// <summary>
/// Puts a CRM export into a workspace: reads the files (an import of no row at all is refused), then puts the organisation on the workspace and every
/// journey's events through the ingestion path. Idempotent: the import's event ids are deterministic, so importing
/// the same files again finds every event a duplicate and changes nothing. A file that cannot be read stores nothing.
/// </summary>
/// <param name="gate">A test host's hold at the commit point (<see cref="RunGate"/>); none in production.</param>
public sealed class WorkspaceImport(IGrainFactory grains, EventDelivery delivery, RunGate? gate = null)
{
    /// <summary>Journeys sent per round: progress moves at least this often.</summary>
    const int JourneysPerRound = 400;
    const int RefusalsListed = 100;

    /// <summary>
    /// Workspaces an import may not overwrite: a simulation's organisation and journeys are its own. A workspace that
    /// only has a setup (its campaigns set up before the first import; no simulation was ever created) takes an import,
    /// and becomes an import's workspace.
    /// </summary>
    public async Task<Refusal?> RefusalAsync(string workspace) =>
        (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync())?.Kind == WorkspaceKind.Simulation
            && (await grains.GetGrain<ISimulationGrain>(workspace).GetStatusAsync()).Created
            ? new Refusal(RefusalKind.Conflict, "The workspace cannot take an import", $"workspace {workspace} is a simulation; import into a new workspace")
            : null;

    /// <summary>The workspace's saved column mappings, by name.</summary>
    public Task<IReadOnlyList<NamedMapping>> SavedMappingsAsync(string workspace) => grains.GetGrain<IMappingPresetGrain>(workspace).ListAsync();

    /// <summary>What the workspace's leads' origins may be mapped to: its setup's campaigns and channels, or Growth's channels.</summary>
    public async Task<OriginTargets> OriginTargetsAsync(string workspace) =>
        OriginTargets.Of((await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document.Channels);

    /// <summary>
    /// Saves the mapping <paramref name="fields"/> describe (a <c>preset</c> to start from, and column-mapping fields put
    /// over it, as an upload has them) under <paramref name="name"/>; or why not (nothing is saved then).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<NamedMapping>>> SaveMappingAsync(string workspace, string? name, IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (MappingPresets.InvalidName(name) is { } invalid) return new Refusal(RefusalKind.Invalid, "Invalid preset name", invalid);
        var (mapping, error) = CrmUpload.MappingOf(fields, await SavedMappingsAsync(workspace));
        if (error is not null) return new Refusal(RefusalKind.Invalid, "Unknown column mapping", error);
        try { return Outcome(await grains.GetGrain<IMappingPresetGrain>(workspace).SaveAsync(name!, mapping!)); }
        catch (DomainException e) { return new Refusal(e.Kind == DomainErrorKind.Conflict ? RefusalKind.Conflict : RefusalKind.Invalid, "The preset was not saved", e.Message); }
    }

    /// <summary>Deletes the mapping saved under <paramref name="name"/>; or why not (not saved: nothing changes).</summary>
    public async Task<Outcome<IReadOnlyList<NamedMapping>>> DeleteMappingAsync(string workspace, string name)
    {
        try { return Outcome(await grains.GetGrain<IMappingPresetGrain>(workspace).DeleteAsync(name)); }
        catch (DomainException e) { return new Refusal(e.Kind == DomainErrorKind.NotFound ? RefusalKind.NotFound : RefusalKind.Invalid, "The preset was not deleted", e.Message); }
    }

    static Outcome<IReadOnlyList<NamedMapping>> Outcome(IReadOnlyList<NamedMapping> saved) => new(saved, null);

    /// <summary>
    /// The first rows of the pipeline file of <paramref name="files"/> as an import into <paramref name="workspace"/>
    /// would read them (its amount culture and origin targets as the import takes them), storing nothing.
    /// </summary>
    public async Task<ImportPreviewResult> PreviewAsync(string workspace, IReadOnlyDictionary<string, CrmSource> files, CrmColumnMapping mapping)
    {
        var setup = await grains.GetGrain<ISetupGrain>(workspace).GetAsync();
        if (mapping.AmountCulture is null && setup is not null)
            mapping = mapping with { AmountCulture = setup.Document.Company.Currency.Culture };
        var targets = OriginTargets.Of(setup?.Document.Channels);
        var events = new EventFiles(files.GetValueOrDefault(EventFileKinds.Payments), files.GetValueOrDefault(EventFileKinds.Orders),
            files.GetValueOrDefault(EventFileKinds.Activities));
        return await Task.Run(() => ImportPreview.Read(files["pipeline"], files.GetValueOrDefault("teams"), files.GetValueOrDefault("products"), mapping,
            files.GetValueOrDefault("leads"), targets, events));
    }

    /// <summary>
    /// Reads <paramref name="files"/> (by <see cref="CrmUpload.FileFields"/>) and applies them to <paramref name="workspace"/>.
    /// Staged, then committed: the files are read and checked whole (phase 0, characters read of all) before anything is
    /// stored, and <paramref name="cancellationToken"/> stops the import there with the workspace as it was. Then the
    /// journeys are applied (phase 1, journeys applied of all): that is the commit, which runs to its end once begun, so a
    /// cancelled import never leaves half its journeys behind. A <see cref="CrmImportException"/> says which file cannot be imported.
    /// </summary>
    /// <param name="now">The history's "now" (at or after its last event); its last event when null.</param>
    /// <param name="run">
    /// The page's run: its token cancels the reading, and its <see cref="ImportRun.Commit"/> marks the commit point, after
    /// which a cancel is refused instead of ignored. Null: <paramref name="cancellationToken"/> alone (the API's).
    /// </param>
    public async Task<ImportSummary> ImportAsync(string workspace, IReadOnlyDictionary<string, CrmSource> files, CrmColumnMapping mapping,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, DateTimeOffset? now = null, ImportRun? run = null)
    {
        if (run is not null && !cancellationToken.CanBeCanceled) cancellationToken = run.Token;
        // Amounts are read as the workspace writes numbers (its setup's currency culture), unless the mapping says otherwise.
        var setup = await grains.GetGrain<ISetupGrain>(workspace).GetAsync();
        if (mapping.AmountCulture is null && setup is not null)
            mapping = mapping with { AmountCulture = setup.Document.Company.Currency.Culture };
        // Each file counted by its length, so the reading reports its true share; a file read from a stream stays streamed.
        var sources = files.ToDictionary(f => f.Key, f => (Source: f.Value, Measured: Measured(f.Value.Reader)));
        var reading = new ProgressCounter(ProgressUnit.Characters, sources.Values.Sum(s => s.Measured.Length), progress);
        reading.Begin();
        CrmSource? Source(string field) => sources.TryGetValue(field, out var s)
            ? s.Source with { Reader = new ProgressReader(s.Measured.Reader, reading, cancellationToken) } : null;
        // CPU work off the caller's thread (a page's circuit stays free to show the progress).
        // A lead's origin maps to the workspace's own campaigns and channels (its setup's), else to Growth's channels.
        var targets = OriginTargets.Of(setup?.Document.Channels);
        var events = new EventFiles(Source(EventFileKinds.Payments), Source(EventFileKinds.Orders), Source(EventFileKinds.Activities));
        var result = await Task.Run(() => CrmImport.Read(Source("pipeline")!, Source("teams"), Source("products"), mapping, Source("leads"), targets, events), cancellationToken);
        // Nothing importable: refused before anything is stored (the organisation would otherwise be replaced).
        if (result.Journeys.Count == 0) throw CrmImportException.NothingImported(files["pipeline"].Name, result.Report);
        // The figures are placed at the events' times; a "now" before the last event is refused before anything is stored.
        EventTimeHistory history;
        try
        {
            history = EventTimeHistory.Replay(result.Journeys.Select(j => (j.Id, (IReadOnlyList<JourneyEvent>)j.Events)), now,
                setup?.Document.Company.FiscalYearStartMonth ?? 1, setup?.Document.Company.TimeZone);
        }
        catch (ArgumentException e) { throw new CrmImportException(files["pipeline"].Name, e.Message.Split(" (Parameter")[0]); }
        // An origin mapped anew would make its imported leads conflict: refused whole, before anything is stored.
        if (await OriginChangesAsync(workspace, result.Origins) is { Count: > 0 } changes)
            throw new CrmImportException(files["leads"].Name, ImportedOrigin.Refusal(changes));
        // The last moment a cancel is honoured: from here on the import commits.
        if (gate is not null) await gate.PassAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        run?.Commit();
        var summary = await ApplyAsync(workspace, result, progress, files["pipeline"].Name);
        await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).PlaceInTimeAsync(history);
        return summary with { Now = history.Now };
    }

    /// <summary>
    /// The origins of <paramref name="origins"/> that a workspace holding an import already has under another campaign or
    /// channel, each said by <see cref="ImportedOrigin.ChangeFrom"/> (at most five): asked of each origin's first leads
    /// the workspace's shards know, the first one found deciding. A workspace that holds no import has none.
    /// </summary>
    async Task<IReadOnlyList<string>> OriginChangesAsync(string workspace, IReadOnlyList<ImportedOrigin> origins)
    {
        if (origins.Count == 0 || (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync())?.Kind != WorkspaceKind.Import) return [];
        var changes = await Task.WhenAll(origins.Select(async origin =>
        {
            foreach (var id in origin.LeadIds)
            {
                // The shard knows its journeys without waking them; only a lead it has is read.
                if (await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, Keys.ShardOf(id))).EntryAsync(id) is null) continue;
                if (await grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, id)).GetAsync() is not { } lead) continue;
                return origin.ChangeFrom(id, lead.State.CampaignId, lead.State.Channel);
            }
            return null;
        }));
        return changes.OfType<string>().Take(5).ToList();
    }

    /// <summary>
    /// A file's reader and its length in characters: a seekable stream by its bytes left (one character a byte for the
    /// UTF-8 and Windows-1252 exports met, two for UTF-16: the counter stops at the total, so an estimate a little high
    /// only ends the reading phase early); any other source is text in memory already and is measured as such.
    /// </summary>
    static (TextReader Reader, long Length) Measured(TextReader reader)
    {
        if (reader is StreamReader { BaseStream.CanSeek: true } stream)
            return (stream, (stream.BaseStream.Length - stream.BaseStream.Position) / (stream.CurrentEncoding is System.Text.UnicodeEncoding ? 2 : 1));
        var text = reader.ReadToEnd();
        return (new StringReader(text), text.Length);
    }

    /// <summary>The commit: the organisation, then every journey's events, round by round (never stopped halfway).</summary>
    async Task<ImportSummary> ApplyAsync(string workspace, CrmImportResult result, IProgress<RunProgress>? progress, string pipelineName)
    {
        if (await RefusalAsync(workspace) is { } refusal) throw new DomainException(refusal.Detail, DomainErrorKind.Conflict);
        await grains.GetGrain<IWorkspaceGrain>(workspace).DefineAsync(WorkspaceKind.Import, result.Organisation);

        int changed = 0, unchanged = 0, refused = 0, accepted = 0, duplicates = 0, rejected = 0;
        var refusals = new List<string>();
        var journeys = result.Journeys;
        var applying = new ProgressCounter(ProgressUnit.Journeys, journeys.Count, progress, phase: 1);
        applying.Begin();
        // A test host's second hold: past the commit point, as the journeys begin to be stored (never cancelled).
        if (gate is not null) await gate.PassAsync(CancellationToken.None);
        for (var start = 0; start < journeys.Count; start += JourneysPerRound)
        {
            // By index: the journeys are written when asked for, and skipping to a round must not walk the ones before it.
            // No cancel here: applying is the commit, and stopping part-way would leave the import half-applied.
            var round = Enumerable.Range(start, Math.Min(JourneysPerRound, journeys.Count - start))
                .Select(i => journeys[i]).Select(j => new JourneyBatch(j.Id, j.Events)).ToList();
            var outcomes = await delivery.SendAsync(workspace, round);
            for (var i = 0; i < round.Count; i++)
            {
                var o = outcomes[i];
                accepted += o.Count(x => x.Result == EventResult.Accepted);
                duplicates += o.Count(x => x.Result == EventResult.Duplicate);
                var bad = o.Where(x => x.Result is EventResult.Rejected or EventResult.Conflict).ToList();
                rejected += bad.Count;
                if (bad.Count > 0)
                {
                    refused++;
                    if (refusals.Count < RefusalsListed) refusals.Add($"{round[i].JourneyId}: {bad[0].Reason}");
                }
                else if (o.Any(x => x.Result == EventResult.Accepted)) changed++;
                else unchanged++;
            }
            applying.Add(round.Count);
        }
        // The figures are drained now, so the snapshot read right after the import shows all of it.
        await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        var notes = result.Report.Notes.ToList();
        if (await StorePriceListAsync(workspace, result.Products) is { } unstored) notes.Add(unstored);

        var r = result.Report;
        var org = result.Organisation;
        // Every rejected row, the pipeline's and the event files' (each naming its file), counted by reason together.
        var rejectedRows = r.Rejected.Concat(r.EventFiles.SelectMany(f => f.Rejected)).ToArray();
        var rejectedByReason = rejectedRows.GroupBy(i => i.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new ImportSummary(workspace, r.RowsRead, r.Imported, r.RowsFixedUp, r.FixedUpByReason, rejectedByReason,
            r.FixedUp, rejectedRows, notes, r.UndatedProspectsAt, org.Regions.Count, org.Teams.Count, org.Reps.Count(), result.Products.Count,
            changed, unchanged, refused, accepted, duplicates, rejected, refusals)
        {
            LeadsRead = r.LeadsRead, LeadsWithoutDeal = r.LeadsWithoutDeal, EventFiles = r.EventFiles, PipelineFile = pipelineName,
        };
    }

    /// <summary>
    /// Keeps the price list as the import workspace's setup catalogue, so a simulation calibrated on this history names
    /// its products and their series. A workspace without a setup gets one (the company named after the workspace, no
    /// organisation of its own: the import's stays); a workspace with one keeps every other part of it (its own
    /// campaigns and channels above all: the next import maps origins to them). A price list the setup refuses is not
    /// kept; the import stands, and the note says why.
    /// </summary>
    async Task<string?> StorePriceListAsync(string workspace, IReadOnlyList<CrmProduct> products)
    {
        if (products.Count == 0) return null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var current = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument { Company = new CompanySetup { Name = workspace } };
        var setup = current with
        {
            Catalogue = current.Catalogue with
            {
                Products = products.Select(p => new ProductSetup { Id = ImportedSetup.UniqueId(CrmNames.Slug(p.Name), ids), Name = p.Name, Series = p.Series, ListPrice = p.ListPrice }).ToArray(),
            },
        };
        try
        {
            await grains.GetGrain<ISetupGrain>(workspace).ApplyAsync(setup, "import", "price list of the import");
            return null;
        }
        catch (DomainException e) { return $"the price list was not kept as the workspace's setup: {e.Message}"; }
    }
}
