using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// The activity payouts are computed from, read off a workspace's journeys and (when it keeps one) its money ledger.
/// Won deals come from the journeys (rep, won value, won at); with a ledger each names the journey's first order
/// entry, payments and refunds are the ledger's own entries with their dates. Without a ledger (in-memory storage)
/// a journey's collected and refunded totals are dated at its last event (assumed: the ledger is where money dates
/// live). A churned won deal is reversed at its last event with its whole won value.
/// </summary>
public static class PayoutSources
{
    /// <summary>How a ledger entry is named on a statement line: <c>journey/event</c>.</summary>
    public static string EntryName(LedgerEntry e) => $"{e.JourneyId}/{e.EventId}";

    /// <param name="ledger">The ledger's entries of the time looked at, or null when the workspace keeps no ledger.</param>
    public static PayoutActivity From(IEnumerable<JourneyState> journeys, IReadOnlyList<LedgerEntry>? ledger, CatalogueSetup catalogue)
    {
        var kept = ledger is not null;
        ledger ??= [];
        var byJourney = ledger.GroupBy(e => e.JourneyId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList());
        var priced = catalogue.Products.GroupBy(p => p.ListPrice).ToDictionary(g => g.Key, g => g.First().Id);
        var wins = new List<Credit>();
        var payments = new List<Credit>();
        var reversals = new List<Reversal>();
        foreach (var s in journeys)
        {
            if (!s.Won || s.RepId is not { } rep || s.ClosedAt is not { } wonAt) continue;
            var entries = byJourney.GetValueOrDefault(s.Id, []);
            var order = entries.FirstOrDefault(e => e.Kind == MoneyKind.Order);
            // The product a deal was for: the catalogue product the opportunity was priced at (journeys keep no product id).
            var product = priced.GetValueOrDefault(s.OpportunityValue);
            wins.Add(new Credit(s.Id, rep, wonAt, s.WonValue, product, order is null ? null : EntryName(order), s.Channel));
            if (kept)
            {
                foreach (var e in entries)
                    if (e.Kind == MoneyKind.Payment) payments.Add(new Credit(s.Id, rep, e.At, e.Amount, product, EntryName(e)));
                    else if (e.Kind == MoneyKind.Refund) reversals.Add(new Reversal(s.Id, rep, ReversalKind.Refund, wonAt, e.At, e.Amount, EntryName(e)));
            }
            else if (s.LastEventAt is { } last)
            {
                if (s.Collected > 0) payments.Add(new Credit(s.Id, rep, last, s.Collected, product));
                if (s.Refunded > 0) reversals.Add(new Reversal(s.Id, rep, ReversalKind.Refund, wonAt, last, s.Refunded));
            }
            if (s.Status == JourneyStatus.Churned && s.LastEventAt is { } churned)
                reversals.Add(new Reversal(s.Id, rep, ReversalKind.Churn, wonAt, churned, s.WonValue));
        }
        return new PayoutActivity { Wins = wins, Payments = payments, Reversals = reversals };
    }
}
