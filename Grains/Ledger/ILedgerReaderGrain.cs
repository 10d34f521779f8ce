using Growth.Domain.Ledger;

namespace Growth.Grains.Ledger;

/// <summary>Reads a workspace's money ledger for hosts that have none of their own (the web host). Key: workspace.</summary>
public interface ILedgerReaderGrain : IGrainWithStringKey
{
    /// <summary>The entries dated in [from, to); null without a durable ledger (in-memory storage keeps none).</summary>
    Task<IReadOnlyList<LedgerEntry>?> EntriesAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The entries of one journey (a customer's data export); null without a durable ledger.</summary>
    Task<IReadOnlyList<LedgerEntry>?> JourneyEntriesAsync(string journeyId);
}
