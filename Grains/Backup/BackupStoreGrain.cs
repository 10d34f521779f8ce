using Growth.Domain.Ledger;
using Growth.Grains.Errors;
using Growth.Grains.Ledger;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Grains.Backup;

/// <summary>Thin: the grain storage and the ledger of the silo it runs on, by part and workspace.</summary>
[StatelessWorker]
public sealed class BackupStoreGrain(
    [FromKeyedServices(GrainStorage.Name)] IGrainStorage storage,
    Serializer serializer,
    IMoneyLedger ledger) : Grain, IBackupStoreGrain
{
    /// <summary>Records read or written at once (each is one storage call).</summary>
    const int Parallel = 32;

    static BackupPart Part(string name) => BackupParts.Writable(name) ?? throw new DomainException($"no backup part {name}");

    public async Task<IReadOnlyList<BackupRecord>> ReadAsync(string part, string workspace, IReadOnlyList<string> ids)
    {
        var p = Part(part);
        var found = new List<BackupRecord>(ids.Count);
        foreach (var chunk in ids.Chunk(Parallel))
        {
            var read = await Task.WhenAll(chunk.Select(id => p.ReadAsync(storage, serializer, p.GrainIdOf(GrainFactory, p.GrainKey(workspace, id)))));
            for (var i = 0; i < chunk.Length; i++)
                if (read[i] is { } data) found.Add(new BackupRecord(chunk[i], data));
        }
        return found;
    }

    public async Task WriteAsync(string part, string workspace, IReadOnlyList<BackupRecord> records)
    {
        var p = Part(part);
        foreach (var chunk in records.Chunk(Parallel))
            await Task.WhenAll(chunk.Select(r => p.WriteAsync(storage, serializer, p.GrainIdOf(GrainFactory, p.GrainKey(workspace, r.Id)), r.Data)));
    }

    public async Task ClearAsync(string part, string workspace, IReadOnlyList<string> ids)
    {
        var p = Part(part);
        foreach (var chunk in ids.Chunk(Parallel))
            await Task.WhenAll(chunk.Select(id => p.ClearAsync(storage, p.GrainIdOf(GrainFactory, p.GrainKey(workspace, id)))));
    }

    public Task<bool> LedgerDurableAsync() => Task.FromResult(ledger.Durable);

    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string workspace)
    {
        if (!ledger.Durable) return [];
        var entries = new List<LedgerEntry>();
        await foreach (var entry in ledger.ReadAsync(workspace)) entries.Add(entry);
        return entries;
    }

    public async Task AppendLedgerAsync(string workspace, IReadOnlyList<LedgerEntry> entries)
    {
        if (!ledger.Durable) return;
        foreach (var chunk in entries.GroupBy(e => e.JourneyId).Chunk(Parallel))
            await Task.WhenAll(chunk.Select(g => ledger.AppendAsync(workspace, g.Key, g.ToList())));
    }

    public async Task DeleteLedgerAsync(string workspace)
    {
        if (!ledger.Durable) return;
        await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => ledger.DeleteShardAsync(workspace, i)));
    }
}
