using Growth.Domain.Ledger;

namespace Growth.Grains.Ledger;

/// <summary>With in-memory storage nothing survives the process, so there is no ledger to keep.</summary>
public sealed class NoMoneyLedger : IMoneyLedger
{
    public bool Durable => false;
    public Task AppendAsync(string workspace, string journeyId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public IAsyncEnumerable<LedgerEntry> ReadAsync(string workspace, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<LedgerEntry>();
    public Task DeleteShardAsync(string workspace, int shard, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
