using Growth.Domain.Journeys;
using Growth.Domain.Ledger;

namespace Growth.Domain.Backup;

/// <summary>
/// A ledger for a journey whose money was never written to one (it ran on a deployment with in-memory storage, which
/// keeps no ledger) and moves to a deployment that keeps one: opening entries from the journey's totals, so the
/// ledger rebuilds the same money figures. One order entry per order (the order value in the last), one payment of
/// everything collected, one refund of everything refunded; event ids start with "opening:".
/// </summary>
public static class OpeningLedger
{
    public const string Prefix = "opening:";

    public static IReadOnlyList<LedgerEntry> Of(string journeyId, JourneyState s)
    {
        var entries = new List<LedgerEntry>();
        var at = s.OrderAt ?? s.LastEventAt ?? s.CreatedAt ?? DateTimeOffset.UnixEpoch;
        LedgerEntry Entry(string id, MoneyKind kind, decimal amount) =>
            new(journeyId, Prefix + id, kind, amount, at, s.RegionId, s.TeamId, s.RepId, s.CampaignId);
        for (var i = 1; i <= s.Orders; i++)
            entries.Add(Entry($"order:{i}", MoneyKind.Order, i == s.Orders ? s.OrderValue : 0m));
        if (s.Collected != 0) entries.Add(Entry("payment", MoneyKind.Payment, s.Collected));
        if (s.Refunded != 0) entries.Add(Entry("refund", MoneyKind.Refund, s.Refunded));
        return entries;
    }
}
