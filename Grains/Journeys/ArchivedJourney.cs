using Growth.Domain.Journeys;
using Growth.Domain.Orders;
using Growth.Domain.Records;

namespace Growth.Grains.Journeys;

/// <summary>
/// What a shard's archive keeps of an archived journey beyond its mark, stored in the archive page beside the mark and
/// only for a journey that booked orders or was won (a churned customer; a lost or disqualified lead keeps nothing):
/// <list type="bullet">
/// <item>its orders (<see cref="OrderLine"/>, as <see cref="ArchivedOrder"/>) and the customer they are listed under
/// (owner, team, region, campaign and, for a simulated persona, the seed its name is drawn from; no name is stored), so
/// the revenue line's drill-down lists them after the shard reactivates;</item>
/// <item>for a won journey, what a payout statement reads of it (<see cref="PayState"/>), so statements of closed
/// periods stay as they were before the journey was archived.</item>
/// </list>
/// In memory the shard keeps this without the orders (its order book holds them).
/// </summary>
[GenerateSerializer]
public sealed class ArchivedJourney
{
    [Id(0)] public string? RegionId { get; set; }
    [Id(1)] public string? TeamId { get; set; }
    [Id(2)] public string? RepId { get; set; }
    [Id(3)] public string? CampaignId { get; set; }
    [Id(4)] public ulong? NameSeed { get; set; }
    /// <summary>The orders (stored; null in memory, where the shard's order book holds them).</summary>
    [Id(5)] public List<ArchivedOrder>? Orders { get; set; }
    [Id(6)] public bool Won { get; set; }
    [Id(7)] public int Status { get; set; }
    [Id(8)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(9)] public DateTimeOffset? LastEventAt { get; set; }
    [Id(10)] public decimal WonValue { get; set; }
    [Id(11)] public decimal OpportunityValue { get; set; }
    [Id(12)] public int? Channel { get; set; }
    [Id(13)] public decimal Collected { get; set; }
    [Id(14)] public decimal Refunded { get; set; }

    /// <summary>What to keep of a journey archived as <paramref name="state"/> with <paramref name="orders"/> (null: nothing beyond its mark).</summary>
    public static ArchivedJourney? Of(JourneyState state, CustomerRecord? row, IReadOnlyList<OrderLine> orders) =>
        !state.Won && orders.Count == 0 ? null : new ArchivedJourney
        {
            RegionId = state.RegionId, TeamId = state.TeamId, RepId = state.RepId, CampaignId = state.CampaignId,
            NameSeed = row is { Erased: false } ? row.NameSeed : null,
            Won = state.Won, Status = (int)state.Status, ClosedAt = state.ClosedAt, LastEventAt = state.LastEventAt,
            WonValue = state.WonValue, OpportunityValue = state.OpportunityValue, Channel = (int?)state.Channel,
            Collected = state.Collected, Refunded = state.Refunded,
        };

    /// <summary>The orders as the order book keeps them.</summary>
    public IReadOnlyList<OrderLine> Lines() =>
        Orders is null ? [] : [.. Orders.Select(o => new OrderLine(o.EventId, o.At, o.Amount, (OrderKind)o.Kind))];

    /// <summary>A copy carrying <paramref name="lines"/> (what a page stores).</summary>
    public ArchivedJourney WithLines(IReadOnlyList<OrderLine>? lines)
    {
        var copy = (ArchivedJourney)MemberwiseClone();
        copy.Orders = lines is null || lines.Count == 0 ? null : [.. lines.Select(l => new ArchivedOrder { EventId = l.EventId, At = l.At, Amount = l.Amount, Kind = (int)l.Kind })];
        return copy;
    }

    /// <summary>The customer its orders are listed under (name drawn by the record store from <see cref="NameSeed"/>).</summary>
    public CustomerRecord Face(string journeyId) => new()
    {
        JourneyId = journeyId, Status = (JourneyStatus)Status, RegionId = RegionId, TeamId = TeamId, RepId = RepId, CampaignId = CampaignId,
        NameSeed = NameSeed, ClosedAt = ClosedAt, LastActivityAt = LastEventAt,
    };

    /// <summary>The journey as a payout statement reads it (<see cref="Domain.Compensation.PayoutSources"/>); null: never won.</summary>
    public JourneyState? PayState(string journeyId) => !Won ? null : new JourneyState
    {
        Id = journeyId, Status = (JourneyStatus)Status, RegionId = RegionId, TeamId = TeamId, RepId = RepId, CampaignId = CampaignId, Channel = (Growth.Domain.Journeys.Channel?)Channel,
        Won = true, WonValue = WonValue, OpportunityValue = OpportunityValue, ClosedAt = ClosedAt, LastEventAt = LastEventAt,
        Collected = Collected, Refunded = Refunded,
    };
}

/// <summary>One order of an archived journey, as stored (<see cref="OrderLine"/>; the kind as its number, as the model's surrogates store enums).</summary>
[GenerateSerializer]
public struct ArchivedOrder
{
    [Id(0)] public string EventId;
    [Id(1)] public DateTimeOffset At;
    [Id(2)] public decimal Amount;
    [Id(3)] public int Kind;
}
