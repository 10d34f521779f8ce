using Growth.Domain.Records;

namespace Growth.Domain.Orders;

/// <summary>
/// One order as the revenue line's drill-down lists it: the order (<see cref="OrderLine"/>) with its customer as the
/// record row stands now (name, company, owner, team, region, campaign).
/// </summary>
public sealed record RevenueOrder(
    string JourneyId, string EventId, DateTimeOffset At, decimal Amount, OrderKind Kind,
    string Name, string Company, string? RepId, string? TeamId, string? RegionId, string? CampaignId)
{
    public static RevenueOrder Of(string journeyId, OrderLine line, CustomerRecord? row) =>
        new(journeyId, line.EventId, line.At, line.Amount, line.Kind, row?.Name ?? "", row?.Company ?? "",
            row?.RepId, row?.TeamId, row?.RegionId, row?.CampaignId);

    /// <summary>The lists' order: by time, then journey and event id (the same every time, whichever shard answered first).</summary>
    public static IReadOnlyList<RevenueOrder> Merge(IEnumerable<IEnumerable<RevenueOrder>> slices) =>
        slices.SelectMany(s => s).OrderBy(o => o.At).ThenBy(o => o.JourneyId, StringComparer.Ordinal).ThenBy(o => o.EventId, StringComparer.Ordinal).ToList();
}
