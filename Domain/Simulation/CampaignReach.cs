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
        if (campaign.Start is { } start && start > from) from = start;
        if (campaign.End is { } end && end < to) to = end;
        var days = (to - from).TotalDays;
        if (days <= 0 || campaign.DailyBudget <= 0 || campaign.RegionIds.Count == 0) return (0, 0, []);
        var quality = QualityOf(campaign, p);
        // Spend runs evenly; people turn into leads more in working time and in busy months (mean 1 over a year).
        var season = p.Arrival.MeanWeight(from, to);
        var spend = Math.Round(campaign.DailyBudget * (decimal)days, 2);
        long touches;
        int leadCount;
        switch (campaign.CostModel)
        {
            case CostModel.PerLead:
                var perLead = campaign.CostPerUnit
                    ?? (quality.LeadRate <= 0 ? 0 : quality.CostPerTouch / (decimal)quality.LeadRate);
                leadCount = perLead <= 0 ? 0 : rng.Poisson((double)(spend / perLead) * season);
                touches = leadCount;
                break;
            case CostModel.Fixed:
                var reachPerDay = campaign.ReachPerDay
                    ?? (quality.CostPerTouch <= 0 ? 0 : (double)(campaign.DailyBudget / quality.CostPerTouch));
                touches = rng.Poisson(reachPerDay * days);
                leadCount = rng.Poisson(touches * quality.LeadRate * season);
                break;
            default:
                var expectedTouches = quality.CostPerTouch <= 0 ? 0 : (double)(spend / quality.CostPerTouch);
                touches = rng.Poisson(expectedTouches);
                leadCount = rng.Poisson(touches * quality.LeadRate * season);
                break;
        }
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

    /// <summary>The channel's quality with the campaign's own cost per touch and real-intent share where it has them.</summary>
    public static ChannelQuality QualityOf(CampaignProfile campaign, BehaviourParameters p)
    {
        var quality = p.Channels[campaign.Channel];
        if (campaign.CostModel == CostModel.PerTouch && campaign.CostPerUnit is { } cost) quality = quality with { CostPerTouch = cost };
        if (campaign.EffectiveShare is { } share) quality = quality with { EffectiveShare = Math.Clamp(share, 0, 1) };
        return quality;
    }
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
