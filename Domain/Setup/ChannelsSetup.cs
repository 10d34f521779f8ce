using Growth.Domain.Journeys;

namespace Growth.Domain.Setup;

/// <summary>Where leads come from: the campaigns, each on a channel with a budget.</summary>
public sealed record ChannelsSetup
{
    public IReadOnlyList<CampaignSetup> Campaigns { get; init; } = [];
}

/// <summary>How a campaign's spend buys reach.</summary>
public enum CostModel
{
    /// <summary>Pay per person reached (impressions, attendees, mailings): reach = spend / cost per unit.</summary>
    PerTouch,
    /// <summary>Pay per lead delivered: leads = spend / cost per unit.</summary>
    PerLead,
    /// <summary>A fixed fee for the period: reach is <see cref="CampaignSetup.ExpectedReach"/>.</summary>
    Fixed,
}

/// <summary>The period a budget or a target amount covers.</summary>
public enum BudgetPeriod { Day, Week, Month, Quarter, Year }

public sealed record CampaignSetup
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public Channel Channel { get; init; } = Channel.Ads;
    /// <summary>Spend per <see cref="Period"/>, in the company currency.</summary>
    public decimal Budget { get; init; }
    public BudgetPeriod Period { get; init; } = BudgetPeriod.Month;
    public CostModel CostModel { get; init; } = CostModel.PerTouch;
    /// <summary>Cost per touch or per lead; null takes the channel's default.</summary>
    public decimal? CostPerUnit { get; init; }
    /// <summary>People reached per period (for a fixed fee); null derives it from budget and cost.</summary>
    public long? ExpectedReach { get; init; }
    /// <summary>Share of its leads without real intent, 0..1; null takes the channel's default.</summary>
    public double? JunkShare { get; init; }
    /// <summary>First and last day the campaign runs (inclusive); null is open-ended.</summary>
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    /// <summary>Region ids it runs in; empty means every region.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
