using System.IO.Compression;
using System.Text.Json;
using Growth.Domain.Backup;
using Growth.Domain.Ledger;
using Growth.Domain.Workspaces;
using Growth.Grains.Backup;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;
using Orleans.Serialization;

namespace Growth.Dashboard.Application.Backup;

/// <summary>What a restore did: the workspace it made, from which backup, what it wrote, and the figures it checked.</summary>
public sealed record RestoreReport(
    string Workspace, string From, DateTimeOffset ExportedAt, int FormatVersion, IReadOnlyDictionary<string, long> Records,
    long LedgerEntries, bool OpeningLedger, BackupFigures Figures, long Bytes, double Seconds);

/// <summary>
/// Restores a backup (<see cref="WorkspaceBackup"/>) into a workspace that does not exist yet, on this deployment's
/// storage. All or nothing: the whole file is read and checked first (format and version, each file's line count and
/// SHA-256, every record decoded) before anything is written; then the records are written, the figures are
/// recounted from the restored journeys and compared with the backup's, and only then is the workspace created. A
/// failure on the way forgets everything written (records, shards and journeys, ledger entries) and says what was wrong.
/// </summary>
public sealed partial class WorkspaceRestore(IGrainFactory grains, Serializer serializer, ILogger<WorkspaceRestore> logger)
{
    /// <summary>Largest backup a restore takes, in bytes (assumed: 2 GiB, about 40 times the demo after 60 days).</summary>
    public const long MaxBytes = 2L << 30;
    /// <summary>Records written at once.</summary>
    const int Batch = 256;

    IBackupStoreGrain Store => grains.GetGrain<IBackupStoreGrain>(0);

    /// <summary>What the checking pass learned: the workspace's kind and organisation, and each shard's journeys.</summary>
    sealed record Plan(WorkspaceRecord Workspace, Dictionary<string, ShardEntry>[] Shards, List<(string Part, string Id)> Records, ShardArchiveBackup?[] Archives);

    public async Task<Outcome<RestoreReport>> RestoreAsync(string workspace, Stream upload, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (Refusal.OfWorkspaceName(workspace) is { } badName) return badName;
        if (await ExistingAsync(workspace) is { } exists) return exists;
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var bytes = await CopyAsync(upload, file, cancellationToken);
        if (bytes > MaxBytes) return new Refusal(RefusalKind.TooLarge, "Backup too large", $"a backup may be at most {MaxBytes} bytes");
        if (bytes == 0) return Unreadable("the body is empty: send the backup file (application/zip) as the body");
        BackupManifest manifest;
        Plan plan;
        try { (manifest, plan) = await CheckAsync(file, cancellationToken); }
        catch (InvalidDataException e) { return Unreadable(e.Message); }
        // Asked again: the name may have been taken while the file was checked.
        if (await ExistingAsync(workspace) is { } taken) return taken;
        var written = new List<(string Part, string Id)>();
        try
        {
            // Nothing of the name may be in memory behind the records written (a page may have woken a grain of it).
            await DiscardAsync(workspace, written);
            await DeactivateAsync(workspace, plan.Records);
            var (ledger, opening) = await WriteAsync(workspace, file, manifest, plan, written, cancellationToken);
            var figures = BackupFigures.Of((await grains.GetGrain<IStatisticsExportGrain>(workspace).ExportAsync()).Figures);
            if (figures.DifferencesFrom(manifest.Figures!) is { Count: > 0 } differences)
                throw new BackupMismatchException("the restored figures differ from the backup's: " + string.Join("; ", differences.Take(10)));
            await grains.GetGrain<IWorkspaceGrain>(workspace).DefineAsync(plan.Workspace.Kind, plan.Workspace.Organisation);
            return new RestoreReport(workspace, manifest.Workspace, manifest.ExportedAt, manifest.FormatVersion, manifest.Counts, ledger, opening,
                figures, bytes, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "restore of {From} into {Workspace} failed; forgetting what it wrote", manifest.Workspace, workspace);
            // The caller went away: nothing to answer. (A grain activation that timed out is a TaskCanceledException
            // too, but with the request still open: the deployment's failure, answered below.)
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) { await DiscardAsync(workspace, written); throw; }
            var left = await TryDiscardAsync(workspace, written);
            var kept = left is null ? "nothing was kept"
                : $"the workspace was not created, but forgetting what was written failed too ({Cause(left)}): restore this backup into the same name again once the storage answers, which replaces what is left";
            if (e is BackupMismatchException) return new Refusal(RefusalKind.Conflict, "Restore refused", $"{e.Message}; {kept}");
            // The file was whole and checked before anything was written: a failure now is the deployment's (storage, silo).
            return new Refusal(RefusalKind.Unavailable, "Storage failed during the restore",
                $"the deployment's storage or silos failed while the restore wrote workspace {workspace} ({Cause(e)}); {kept}; the backup file is fine: try again when the storage answers");
        }
    }

    /// <summary>The root exception's type and the first line of its message (at most 300 characters).</summary>
    static string Cause(Exception e)
    {
        var root = e.GetBaseException();
        var line = root.Message.Split('\n')[0].Trim();
        return $"{root.GetType().Name}: {(line.Length > 300 ? line[..300] + "…" : line)}";
    }

    /// <summary><see cref="DiscardAsync"/>, answering its failure (logged there) instead of throwing it.</summary>
    async Task<Exception?> TryDiscardAsync(string workspace, List<(string Part, string Id)> written)
    {
        try { await DiscardAsync(workspace, written); return null; }
        catch (Exception e) { return e; }
    }

    async Task<Refusal?> ExistingAsync(string workspace) =>
        await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is { } info
            ? new Refusal(RefusalKind.Conflict, "Workspace exists",
                $"workspace {workspace} already exists ({info.Kind}, created {info.CreatedAt:yyyy-MM-dd}): a restore never writes over a workspace; restore into a new name")
            : null;

    static Refusal Unreadable(string detail) => new(RefusalKind.Invalid, "Not a readable backup", detail + "; nothing was restored");

    static ZipArchive Open(Stream file)
    {
        file.Position = 0;
        try { return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new InvalidDataException($"the file is not a complete zip archive (truncated, or not a Growth backup): {e.Message}", e); }
    }

    static Stream OpenEntry(ZipArchive zip, string name) =>
        (zip.GetEntry(name) ?? throw new InvalidDataException($"{name} is missing from the archive")).Open();

    /// <summary>Reads the whole file once and checks everything; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    async Task<(BackupManifest, Plan)> CheckAsync(Stream file, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = Open(file);
            BackupManifest manifest;
            await using (var stream = OpenEntry(zip, BackupManifest.FileName))
            {
                try { manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupJson.Options, cancellationToken) ?? throw new JsonException("null"); }
                catch (JsonException e) { throw new InvalidDataException($"{BackupManifest.FileName} is not readable: {e.Message}", e); }
            }
            if (manifest.Problems() is { Count: > 0 } problems) throw new InvalidDataException($"{BackupManifest.FileName}: {string.Join("; ", problems)}");
            WorkspaceRecord? workspace = null;
            var shards = Enumerable.Range(0, Keys.ShardCount).Select(_ => new Dictionary<string, ShardEntry>(StringComparer.Ordinal)).ToArray();
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var records = new List<(string Part, string Id)>();
            var archives = new ShardArchiveBackup?[Keys.ShardCount];
            await using (var stream = OpenEntry(zip, BackupManifest.RecordsFile))
            using (var reader = new JsonLinesReader(stream, BackupManifest.RecordsFile))
            {
                await foreach (var line in reader.ReadAsync<BackupLine>(cancellationToken))
                {
                    var (part, record) = Decode(serializer, line, reader.Lines);
                    counts[part.Name] = counts.GetValueOrDefault(part.Name) + 1;
                    if (record is WorkspaceRecord w) workspace = w;
                    else if (record is ShardArchiveBackup archive) archives[ArchiveShard(line.Id, reader.Lines)] = archive;
                    else if (record is not JourneyRecord) records.Add((part.Name, line.Id));
                    if (record is JourneyRecord j) shards[Keys.ShardOf(line.Id)][line.Id] = ShardEntry.Of(j.Plan?.NextDue(), dormant: true);
                }
                Verify(manifest, BackupManifest.RecordsFile, reader.Lines, reader.Bytes, reader.Sha256());
            }
            await using (var stream = OpenEntry(zip, BackupManifest.LedgerFile))
            using (var reader = new JsonLinesReader(stream, BackupManifest.LedgerFile))
            {
                await foreach (var entry in reader.ReadAsync<LedgerEntry>(cancellationToken))
                    if (entry.JourneyId is not { Length: > 0 } || entry.EventId is not { Length: > 0 })
                        throw new InvalidDataException($"{BackupManifest.LedgerFile} line {reader.Lines}: a ledger entry needs a journeyId and an eventId");
                counts["ledger"] = reader.Lines;
                Verify(manifest, BackupManifest.LedgerFile, reader.Lines, reader.Bytes, reader.Sha256());
            }
            foreach (var part in counts.Keys.Union(manifest.Counts.Keys))
                if (counts.GetValueOrDefault(part) != manifest.Counts.GetValueOrDefault(part))
                    throw new InvalidDataException($"the file holds {counts.GetValueOrDefault(part)} {part} records, the manifest says {manifest.Counts.GetValueOrDefault(part)}");
            if (workspace is not { Exists: true }) throw new InvalidDataException($"{BackupManifest.RecordsFile} holds no workspace record");
            // An archived journey is not a kept one too.
            for (var i = 0; i < archives.Length; i++)
                if (archives[i]?.Marks.Keys.FirstOrDefault(shards[i].ContainsKey) is { } both)
                    throw new InvalidDataException($"{BackupManifest.RecordsFile}: journey {both} is both archived and kept");
            return (manifest, new Plan(workspace, shards, records, archives));
        }
        catch (IOException e)
        {
            // A damaged compressed stream surfaces as an I/O error of the entry being read.
            throw new InvalidDataException($"the archive is damaged: {e.Message}", e);
        }
    }

    /// <summary>Writes shards first (a failure from then on is cleaned up through them: they know every journey), then every record and the ledger.</summary>
    async Task<(long Ledger, bool Opening)> WriteAsync(string workspace, Stream file, BackupManifest manifest, Plan plan,
        List<(string Part, string Id)> written, CancellationToken cancellationToken)
    {
        // Each shard's list in pages, as a shard keeps it: the record (counting the pages) first, then the pages.
        var shardRecords = new List<BackupRecord>();
        var pageRecords = new List<BackupRecord>();
        var archiveRecords = new List<BackupRecord>();
        for (var i = 0; i < plan.Shards.Length; i++)
        {
            var generation = ShardPages.NewGeneration();
            var pages = ShardPages.Split(plan.Shards[i], generation);
            var shard = new ShardRecord { Pages = pages.Count, Generation = generation };
            if (plan.Archives[i] is { } archive)
            {
                // The archive as the shard keeps it: its pages, counted by the record as archiving 1 with its totals.
                var archivePages = ShardArchive.Split(archive, generation);
                (shard.ArchivePages, shard.ArchivedBatch, shard.ArchivedTotals) = (archivePages.Count, 1, archive.Totals);
                archiveRecords.AddRange(archivePages.Select((page, p) => new BackupRecord($"shard-{i}/{p}", serializer.SerializeToArray(page))));
            }
            shardRecords.Add(new BackupRecord($"shard-{i}", serializer.SerializeToArray(shard)));
            pageRecords.AddRange(pages.Select((page, p) => new BackupRecord($"shard-{i}/{p}", serializer.SerializeToArray(page))));
        }
        // Archive pages before the records counting them (a mark no record counts is ignored).
        written.AddRange(archiveRecords.Select(r => (BackupParts.ShardArchivePage.Name, r.Id)));
        await Store.WriteAsync(BackupParts.ShardArchivePage.Name, workspace, archiveRecords);
        written.AddRange(shardRecords.Select(r => (BackupParts.Shard.Name, r.Id)));
        await Store.WriteAsync(BackupParts.Shard.Name, workspace, shardRecords);
        written.AddRange(pageRecords.Select(r => (BackupParts.ShardPage.Name, r.Id)));
        await Store.WriteAsync(BackupParts.ShardPage.Name, workspace, pageRecords);
        // A source without a ledger (in-memory storage) moving to a deployment with one: opening entries from the journeys.
        var opening = !manifest.LedgerKept && await Store.LedgerDurableAsync();
        long ledger = 0;
        using var zip = Open(file);
        await using (var stream = OpenEntry(zip, BackupManifest.RecordsFile))
        using (var reader = new JsonLinesReader(stream, BackupManifest.RecordsFile))
        {
            string? part = null;
            var batch = new List<BackupRecord>(Batch);
            var money = new List<LedgerEntry>();
            async Task FlushAsync()
            {
                if (part is null || batch.Count == 0) return;
                if (part != BackupParts.Journey.Name) written.AddRange(batch.Select(r => (part, r.Id)));
                await Store.WriteAsync(part, workspace, batch);
                if (money.Count > 0) await Store.AppendLedgerAsync(workspace, money);
                ledger += money.Count;
                batch.Clear();
                money.Clear();
            }
            await foreach (var line in reader.ReadAsync<BackupLine>(cancellationToken))
            {
                // The workspace itself is created last, by its grain, once everything else is in place; archives are written with the shards.
                if (line.Part == BackupParts.Workspace.Name || line.Part == BackupParts.ShardArchive.Name) continue;
                if (line.Part != part || batch.Count >= Batch)
                {
                    await FlushAsync();
                    part = line.Part;
                }
                var data = Convert.FromBase64String(line.Data);
                batch.Add(new BackupRecord(line.Id, data));
                if (opening && part == BackupParts.Journey.Name)
                    money.AddRange(OpeningLedger.Of(line.Id, ((JourneyRecord)BackupParts.Journey.Decode(serializer, data)).State));
            }
            await FlushAsync();
        }
        if (!manifest.LedgerKept) return (ledger, opening);
        await using (var stream = OpenEntry(zip, BackupManifest.LedgerFile))
        using (var reader = new JsonLinesReader(stream, BackupManifest.LedgerFile))
        {
            var batch = new List<LedgerEntry>(Batch);
            await foreach (var entry in reader.ReadAsync<LedgerEntry>(cancellationToken))
            {
                batch.Add(entry);
                if (batch.Count < Batch) continue;
                await Store.AppendLedgerAsync(workspace, batch);
                ledger += batch.Count;
                batch.Clear();
            }
            await Store.AppendLedgerAsync(workspace, batch);
            ledger += batch.Count;
        }
        return (ledger, false);
    }

    /// <summary>
    /// Forgets everything of the workspace a restore may have written or woken: shards (with their journeys and ledger
    /// slices) and statistics through their grains, which then leave memory; other records in storage; the ledger.
    /// </summary>
    async Task DiscardAsync(string workspace, List<(string Part, string Id)> written)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IShardDiscardGrain>(Keys.Shard(workspace, i)).DiscardAsync()));
            await grains.GetGrain<IStatisticsExportGrain>(workspace).DiscardAsync();
            foreach (var part in written.GroupBy(w => w.Part))
                await Store.ClearAsync(part.Key, workspace, [.. part.Select(w => w.Id)]);
            // A grain may have read a written record while the restore ran (a shard reads the setup's culture as it
            // starts): out of memory too, so it cannot answer with a record no longer stored.
            await DeactivateAsync(workspace, written);
            await Store.DeleteLedgerAsync(workspace);
            written.Clear();
        }
        catch (Exception e)
        {
            logger.LogError(e, "could not forget everything a restore wrote into {Workspace}", workspace);
            throw;
        }
    }

    /// <summary>Makes the grains of these records leave memory if they are in it, so they read the restored records when next called.</summary>
    async Task DeactivateAsync(string workspace, IReadOnlyList<(string Part, string Id)> records)
    {
        foreach (var chunk in records.Chunk(32))
            await Task.WhenAll(chunk.Select(r => BackupParts.Named(r.Part) is { } p
                ? grains.GetGrain(p.GrainIdOf(grains, p.GrainKey(workspace, r.Id))).AsReference<ILeaveMemoryExtension>().LeaveMemoryAsync()
                : Task.CompletedTask));
    }
}

/// <summary>The restored workspace's figures are not the backup's.</summary>
public sealed class BackupMismatchException(string message) : Exception(message);
