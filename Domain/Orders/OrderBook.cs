using Growth.Domain.Access;
using Growth.Domain.Records;

namespace Growth.Domain.Orders;

/// <summary>
/// A shard's order-level read model: every order its journeys booked, per journey, replaced whole each time a journey
/// reports its orders (so a report repeated or arriving late changes nothing). Answers the revenue line's drill-down:
/// the orders booked in a window <c>(after, until]</c>, as the history's points count revenue, without waking a journey.
/// </summary>
public sealed class OrderBook
{
    readonly Dictionary<string, OrderLine[]> byJourney = new(StringComparer.Ordinal);

    /// <summary>Journeys with at least one order.</summary>
    public int Journeys => byJourney.Count;
    public long Orders => byJourney.Values.Sum(l => (long)l.Length);
    public bool Contains(string journeyId) => byJourney.ContainsKey(journeyId);

    /// <summary>The journey's orders (null: none kept).</summary>
    public IReadOnlyList<OrderLine>? Lines(string journeyId) => byJourney.GetValueOrDefault(journeyId);

    /// <summary>Makes <paramref name="orders"/> the journey's orders (none: forgets it).</summary>
    public void Keep(string journeyId, IReadOnlyList<OrderLine> orders)
    {
        if (orders.Count == 0) byJourney.Remove(journeyId);
        else byJourney[journeyId] = [.. orders];
    }

    public void Clear() => byJourney.Clear();

    /// <summary>
    /// The orders booked after <paramref name="after"/> and up to <paramref name="until"/> whose customer lies in
    /// <paramref name="scope"/> (judged on the customer's row as it stands: <paramref name="rowOf"/>; a journey with no
    /// row is listed only in the full scope).
    /// </summary>
    public IReadOnlyList<RevenueOrder> Between(DateTimeOffset after, DateTimeOffset until, FigureScope scope, Func<string, CustomerRecord?> rowOf)
    {
        if (until < after) throw new ArgumentException($"the window ends ({until:O}) before it starts ({after:O})", nameof(until));
        var found = new List<RevenueOrder>();
        foreach (var (journeyId, lines) in byJourney)
        {
            CustomerRecord? row = null;
            var looked = false;
            foreach (var line in lines)
            {
                if (line.At <= after || line.At > until) continue;
                if (!looked)
                {
                    (row, looked) = (rowOf(journeyId), true);
                    if (!scope.All && (row is null || !scope.Includes(row.RegionId, row.TeamId, row.RepId))) break;
                }
                found.Add(RevenueOrder.Of(journeyId, line, row));
            }
        }
        return found;
    }
}
