using System.IO.Compression;
using System.Text.Json;
using Growth.Domain.Backup;
using Growth.Grains.Backup;
using Growth.Grains.Journeys;
using Growth.Grains.Runtime;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Orleans.Serialization;

namespace Growth.Dashboard.Application.Backup;

/// <summary>A backup written to a temporary file (deleted when the stream is closed), its manifest, and how long it took.</summary>
public sealed record BackupFile(Stream Content, string FileName, BackupManifest Manifest, TimeSpan Took);

/// <summary>
/// Exports a whole workspace to one zip: <c>records.jsonl</c> (every stored grain record of the workspace: the
/// workspace, simulation, setup and its versions, statistics, forecast calls and history, mapping presets, saved
/// scenarios, training assignments, regions, teams, reps, campaigns, every journey and each shard's archive of the
/// journeys the retention rule archived), <c>ledger.jsonl</c> (the money
/// ledger) and <c>manifest.json</c> (written last: format, counts, checksums, figures). A running simulation is
/// paused for the export (so every record is of the same simulated instant) and resumed after; journeys are read
/// from their activations, not from storage (in-memory storage writes them only when an activation ends). Records
/// stream to a temporary file batch by batch, never the whole workspace in memory.
/// </summary>
public sealed class WorkspaceBackup(IGrainFactory grains, Serializer serializer, [FromKeyedServices(DomainClock.Key)] TimeProvider time)
{
    /// <summary>Journeys read at once.</summary>
    const int Batch = 128;

    /// <summary>What a backup leaves behind, as the manifest and the README say.</summary>
    public static readonly IReadOnlyList<string> NotIncluded =
    [
        "users and their grants (they belong to the deployment)",
        "ingestion keys (secrets: create new keys for the restored workspace)",
        "saved views (kept per user, across workspaces)",
        "training sessions, trainees' results and cohorts' leaderboards (only the assignments move)",
        "the projection cache and live-feed subscriptions (rebuilt on demand)",
    ];

    IBackupStoreGrain Store => grains.GetGrain<IBackupStoreGrain>(0);

    public async Task<Outcome<BackupFile>> ExportAsync(string workspace, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is not { } info) return Refusal.UnknownWorkspace(workspace);
        var simulation = grains.GetGrain<ISimulationGrain>(workspace);
        var status = await simulation.GetStatusAsync();
        var wasRunning = status.Running;
        if (wasRunning) status = await simulation.PauseAsync();
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var manifest = await WriteAsync(workspace, info, status, wasRunning, file, cancellationToken);
            file.Position = 0;
            var name = $"{workspace}-{time.GetUtcNow():yyyyMMdd-HHmmss}.growth-backup.zip";
            return new BackupFile(file, name, manifest, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        finally
        {
            if (wasRunning) await simulation.ResumeAsync();
        }
    }

    async Task<BackupManifest> WriteAsync(string workspace, WorkspaceInfo info, SimulationStatus status, bool wasRunning, Stream file, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var entries = new List<BackupEntry>();
        var statistics = await grains.GetGrain<IStatisticsExportGrain>(workspace).ExportAsync();
        var setup = await grains.GetGrain<ISetupGrain>(workspace).GetAsync();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var records = zip.CreateEntry(BackupManifest.RecordsFile, CompressionLevel.Fastest).Open())
            using (var writer = new JsonLinesWriter(records))
            {
                async Task Put(string part, string id, byte[] data)
                {
                    await writer.WriteAsync(new BackupLine(part, id, Convert.ToBase64String(data)), cancellationToken);
                    counts[part] = counts.GetValueOrDefault(part) + 1;
                }
                async Task Stored(BackupPart part, IReadOnlyList<string> ids)
                {
                    foreach (var chunk in ids.Chunk(Batch))
                        foreach (var r in await Store.ReadAsync(part.Name, workspace, chunk))
                            await Put(part.Name, r.Id, r.Data);
                }
                await Stored(BackupParts.Workspace, [""]);
                var organisation = await grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync() ?? new();
                foreach (var part in BackupParts.Stored)
                    await Stored(part, IdsOf(part, organisation, setup?.Version ?? 0));
                await Put(BackupParts.Statistics.Name, "", serializer.SerializeToArray(statistics));
                for (var shard = 0; shard < Keys.ShardCount; shard++)
                {
                    var ids = await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, shard)).JourneyIdsAsync();
                    // Its archive (retention rule): totals, marks, and archived journeys' orders and pay lines.
                    if (await grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, shard)).ArchiveBackupAsync() is { } archive)
                        await Put(BackupParts.ShardArchive.Name, $"shard-{shard}", serializer.SerializeToArray(archive));
                    foreach (var chunk in ids.Chunk(Batch))
                    {
                        var journeys = await Task.WhenAll(chunk.Select(id => grains.GetGrain<IJourneyExportGrain>(Keys.Of(workspace, id)).ExportAsync()));
                        for (var i = 0; i < chunk.Length; i++)
                            if (journeys[i] is { } journey) await Put(BackupParts.Journey.Name, chunk[i], serializer.SerializeToArray(journey));
                    }
                }
                entries.Add(writer.Entry(BackupManifest.RecordsFile));
            }
            var ledgerKept = await Store.LedgerDurableAsync();
            await using (var ledger = zip.CreateEntry(BackupManifest.LedgerFile, CompressionLevel.Fastest).Open())
            using (var writer = new JsonLinesWriter(ledger))
            {
                foreach (var entry in await Store.LedgerAsync(workspace)) await writer.WriteAsync(entry, cancellationToken);
                counts["ledger"] = writer.Lines;
                entries.Add(writer.Entry(BackupManifest.LedgerFile));
            }
            var manifest = new BackupManifest
            {
                Workspace = workspace, Kind = info.Kind.ToString(), ExportedAt = time.GetUtcNow(),
                SimulatedNow = status.Created ? status.SimulatedNow : null, WasRunning = wasRunning,
                SetupVersion = setup?.Version ?? 0, LedgerKept = ledgerKept, Counts = counts, Entries = entries,
                Figures = BackupFigures.Of(statistics.Figures), NotIncluded = NotIncluded,
            };
            await using (var stream = zip.CreateEntry(BackupManifest.FileName, CompressionLevel.Fastest).Open())
                await JsonSerializer.SerializeAsync(stream, manifest, BackupJson.Indented, cancellationToken);
            return manifest;
        }
    }

    /// <summary>The ids (relative to the workspace) a stored part may have records under; ids without a record are skipped.</summary>
    static IReadOnlyList<string> IdsOf(BackupPart part, Domain.Organisations.Organisation organisation, int setupVersion)
    {
        if (part.ByWorkspace) return [""];
        if (part == BackupParts.SetupVersion) return [.. Enumerable.Range(1, setupVersion).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        if (part == BackupParts.Region) return [.. organisation.Regions.Select(r => r.Id)];
        if (part == BackupParts.Team) return [.. organisation.Teams.Select(t => t.Id)];
        if (part == BackupParts.Rep) return [.. organisation.Reps.Select(r => r.Id).Distinct()];
        if (part == BackupParts.Campaign) return [.. organisation.Campaigns.Select(c => c.Id)];
        return [];
    }
}
