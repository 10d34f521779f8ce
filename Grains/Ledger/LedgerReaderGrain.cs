using Growth.Domain.Ledger;
using Orleans.Concurrency;

namespace Growth.Grains.Ledger;

/// <summary>A thin, stateless reader over <see cref="IMoneyLedger"/>: filters by date, nothing else.</summary>
[StatelessWorker]
public sealed class LedgerReaderGrain(IMoneyLedger ledger) : Grain, ILedgerReaderGrain
{
    public async Task<IReadOnlyList<LedgerEntry>?> EntriesAsync(DateTimeOffset from, DateTimeOffset to)
    {
        if (!ledger.Durable) return null;
        var entries = new List<LedgerEntry>();
        await foreach (var e in ledger.ReadAsync(this.GetPrimaryKeyString()))
            if (e.At >= from && e.At < to) entries.Add(e);
        return entries;
    }

    public async Task<IReadOnlyList<LedgerEntry>?> JourneyEntriesAsync(string journeyId)
    {
        if (!ledger.Durable) return null;
        var entries = new List<LedgerEntry>();
        await foreach (var e in ledger.ReadAsync(this.GetPrimaryKeyString()))
            if (e.JourneyId == journeyId) entries.Add(e);
        return entries.OrderBy(e => e.At).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
    }
}
