using Growth.Domain.Ledger;
using Growth.Grains.Ledger;
using Growth.Grains.Runtime;

namespace Growth.Hosting;

/// <summary>The configured ledger, with a span (<see cref="GrowthTracing"/>) around each write and each shard deletion.</summary>
public sealed class TracedMoneyLedger(IMoneyLedger inner) : IMoneyLedger
{
    public bool Durable => inner.Durable;

    public async Task AppendAsync(string workspace, string journeyId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        using var activity = GrowthTracing.Source.StartActivity("growth.ledger.append");
        activity?.SetTag("growth.workspace", workspace);
        activity?.SetTag("growth.journey", journeyId);
        activity?.SetTag("growth.ledger.entries", entries.Count);
        activity?.SetTag("growth.ledger.durable", inner.Durable);
        await inner.AppendAsync(workspace, journeyId, entries, cancellationToken);
    }

    public IAsyncEnumerable<LedgerEntry> ReadAsync(string workspace, CancellationToken cancellationToken = default) => inner.ReadAsync(workspace, cancellationToken);

    public async Task DeleteShardAsync(string workspace, int shard, CancellationToken cancellationToken = default)
    {
        using var activity = GrowthTracing.Source.StartActivity("growth.ledger.delete-shard");
        activity?.SetTag("growth.workspace", workspace);
        activity?.SetTag("growth.shard", shard);
        await inner.DeleteShardAsync(workspace, shard, cancellationToken);
    }
}
