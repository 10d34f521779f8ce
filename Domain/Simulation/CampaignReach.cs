using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;

namespace Growth.Domain.Simulation;

/// <summary>A lead a campaign produced, before routing.</summary>
public sealed record GeneratedLead(DateTimeOffset At, string RegionId, LeadPersona Persona);

/// <summary>What a campaign's spend over an interval buys: reach (touches) and leads of its channel's quality.</summary>
public static class CampaignReach
{
    /// <summary>The quality reported for an interval the campaign does not run in (it brings no leads).</summary>
    static readonly ChannelQuality Idle = new(0, 0, 0);

    /// <summary>
    /// Spend and reach over [from, to), clipped to the campaign's [Start, End): per touch (reach = spend ÷ cost per
    /// touch, leads = reach × the channel's lead rate), per lead (leads = spend ÷ cost per lead) or for a fixed fee
    /// (reach = reach per day × days). A campaign's own cost and lead quality replace its channel's where it has them.
    /// Leads follow <see cref="BehaviourParameters.Arrival"/>: their number is scaled by the interval's mean arrival
    /// weight and their instants drawn by it.
    /// </summary>
    public static (long Touches, decimal Spend, IReadOnlyList<GeneratedLead> Leads) Run(
        CampaignProfile campaign, BehaviourParameters p, Prng rng, DateTimeOffset from, DateTimeOffset to)
    {
        var bought = Expected(campaign, p, from, to);
        if (!bought.Runs) return (0, 0, []);
        (from, to) = (bought.From, bought.To);
        // Spend runs evenly; people turn into leads more in working time and in busy months (mean 1 over a year).
        var season = p.Arrival.MeanWeight(from, to);
        long touches;
        int leadCount;
        if (campaign.CostModel == CostModel.PerLead)
        {
            leadCount = rng.Poisson(bought.Touches * season);
            touches = leadCount;
        }
        else
        {
            touches = rng.Poisson(bought.Touches);
            leadCount = rng.Poisson(touches * bought.LeadsPerTouch * season);
        }
        var quality = bought.Quality;
        var spend = bought.Spend;
        var leads = new List<GeneratedLead>(leadCount);
        for (var i = 0; i < leadCount; i++)
        {
            var at = p.Arrival.Draw(rng, from, to);
            var region = campaign.RegionIds[rng.Next(campaign.RegionIds.Count)];
            leads.Add(new GeneratedLead(at, region, LeadPersonas.Draw(rng, quality, p)));
        }
        leads.Sort((a, b) => a.At.CompareTo(b.At));
        return (touches, spend, leads);
    }

    /// <summary>
    /// What a campaign's spend buys over [from, to) on average, clipped to the campaign's [Start, End), before the arrival
    /// weight: the rules <see cref="Run"/> draws from (the projection's lead flows use them too, <c>ChannelFlow.Of</c>).
    /// Per touch: touches = spend ÷ cost per touch, leads = touches × lead rate; per lead: leads = spend ÷ cost per lead;
    /// fixed fee: touches = reach per day × days, leads = touches × lead rate.
    /// </summary>
    public static CampaignYield Expected(CampaignProfile campaign, BehaviourParameters p, DateTimeOffset from, DateTimeOffset to)
    {
        if (campaign.Start is { } start && start > from) from = start;
        if (campaign.End is { } end && end < to) to = end;
        var days = (to - from).TotalDays;
        if (days <= 0 || campaign.DailyBudget <= 0 || campaign.RegionIds.Count == 0) return new CampaignYield(from, to, false, 0, 0, 0, Idle);
        var quality = QualityOf(campaign, p);
        var spend = Math.Round(campaign.DailyBudget * (decimal)days, 2);
        switch (campaign.CostModel)
        {
            case CostModel.PerLead:
                var perLead = campaign.CostPerUnit
                    ?? (quality.LeadRate <= 0 ? 0 : quality.CostPerTouch / (decimal)quality.LeadRate);
                return new CampaignYield(from, to, true, spend, perLead <= 0 ? 0 : (double)(spend / perLead), 1, quality);
            case CostModel.Fixed:
                var reachPerDay = campaign.ReachPerDay
                    ?? (quality.CostPerTouch <= 0 ? 0 : (double)(campaign.DailyBudget / quality.CostPerTouch));
                return new CampaignYield(from, to, true, spend, reachPerDay * days, quality.LeadRate, quality);
            default:
                return new CampaignYield(from, to, true, spend, quality.CostPerTouch <= 0 ? 0 : (double)(spend / quality.CostPerTouch), quality.LeadRate, quality);
        }
    }

    /// <summary>The channel's quality with the campaign's own cost per touch and real-intent share where it has them.</summary>
    public static ChannelQuality QualityOf(CampaignProfile campaign, BehaviourParameters p)
    {
        var quality = p.Channels[campaign.Channel];
        if (campaign.CostModel == CostModel.PerTouch && campaign.CostPerUnit is { } cost) quality = quality with { CostPerTouch = cost };
        if (campaign.EffectiveShare is { } share) quality = quality with { EffectiveShare = Math.Clamp(share, 0, 1) };
        return quality;
    }
}

/// <summary>
/// A campaign's expected yield over an interval clipped to its dates (<see cref="CampaignReach.Expected"/>): whether it
/// runs then, its spend, the touches it buys (per lead: the leads), leads per touch and the quality of its leads.
/// </summary>
public readonly record struct CampaignYield(DateTimeOffset From, DateTimeOffset To, bool Runs, decimal Spend, double Touches, double LeadsPerTouch, ChannelQuality Quality)
{
    /// <summary>Expected leads, before the arrival weight of the interval.</summary>
    public double Leads => Touches * LeadsPerTouch;
    /// <summary>Expected leads with real intent, before the arrival weight.</summary>
    public double EffectiveLeads => Leads * Quality.EffectiveShare;
}

/// <summary>Draws the hidden truth of a new lead from its channel's quality.</summary>
public static class LeadPersonas
{
    public static LeadPersona Draw(Prng rng, ChannelQuality quality, BehaviourParameters p)
    {
        var effective = rng.Chance(quality.EffectiveShare);
        var intent = effective ? rng.Uniform(0.4, 1.0) : rng.Uniform(0, 2 * Behaviour.JunkIntent);
        var budget = Math.Round(p.MedianBudget * (decimal)rng.LogNormal(1, p.BudgetSpread), 0);
        return new LeadPersona(effective, intent, budget, rng.NextUInt64());
    }
}
