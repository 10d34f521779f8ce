using Growth.Domain.Ledger;
using Orleans.Concurrency;

namespace Growth.Grains.Backup;

/// <summary>
/// Reads and writes a workspace's stored grain records by part (<see cref="BackupParts"/>) and its money ledger,
/// for backups and restores: the silo holds the storage, the web host holds the file. A restore writes records of
/// grains that have never been activated (the workspace is new), so nothing in memory is behind them. Key: 0.
/// </summary>
public interface IBackupStoreGrain : IGrainWithIntegerKey
{
    /// <summary>The stored records of these ids (relative to the workspace) that exist, serialized.</summary>
    Task<IReadOnlyList<BackupRecord>> ReadAsync(string part, string workspace, IReadOnlyList<string> ids);

    /// <summary>Stores each record under the workspace (over whatever was there).</summary>
    Task WriteAsync(string part, string workspace, IReadOnlyList<BackupRecord> records);

    /// <summary>Forgets the stored records of these ids (a restore that failed cleans up).</summary>
    Task ClearAsync(string part, string workspace, IReadOnlyList<string> ids);

    /// <summary>Whether this deployment keeps a money ledger (durable storage).</summary>
    Task<bool> LedgerDurableAsync();

    /// <summary>Every ledger entry of the workspace (none without a durable ledger).</summary>
    Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string workspace);

    /// <summary>Writes ledger entries (idempotent by journey and event id); nothing without a durable ledger.</summary>
    Task AppendLedgerAsync(string workspace, IReadOnlyList<LedgerEntry> entries);

    /// <summary>Forgets the workspace's ledger (a restore that failed cleans up).</summary>
    Task DeleteLedgerAsync(string workspace);
}

/// <summary>One stored record of a backup: its id relative to the workspace ("" for the workspace's own grains) and its bytes.</summary>
[GenerateSerializer, Immutable]
public sealed record BackupRecord([property: Id(0)] string Id, [property: Id(1)] byte[] Data);
