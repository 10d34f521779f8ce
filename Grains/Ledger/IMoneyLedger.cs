using Growth.Domain.Ledger;

namespace Growth.Grains.Ledger;

/// <summary>
/// The append-only record of money (orders, payments, refunds). A journey writes its money events here before
/// its new state is written and before anything is acknowledged; an entry is identified by journey and event id,
/// so a retried write is the same entry.
/// </summary>
public interface IMoneyLedger
{
    /// <summary>False when there is no durable ledger (in-memory storage): nothing is kept and nothing can be read.</summary>
    bool Durable { get; }

    /// <summary>Writes the entries of one journey (idempotent by journey and event id).</summary>
    Task AppendAsync(string workspace, string journeyId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Every entry of a workspace, in no particular order.</summary>
    IAsyncEnumerable<LedgerEntry> ReadAsync(string workspace, CancellationToken cancellationToken = default);

    /// <summary>Forgets one shard's slice of a workspace (the simulation was reset and its journeys cleared).</summary>
    Task DeleteShardAsync(string workspace, int shard, CancellationToken cancellationToken = default);
}
