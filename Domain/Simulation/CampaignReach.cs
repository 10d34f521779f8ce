using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>A lead a campaign produced, before routing.</summary>
public sealed record GeneratedLead(DateTimeOffset At, string RegionId, LeadPersona Persona);

/// <summary>What a campaign's spend over an interval buys: reach (touches) and leads of its channel's quality.</summary>
public static class CampaignReach
{
    public static (long Touches, decimal Spend, IReadOnlyList<GeneratedLead> Leads) Run(
        CampaignProfile campaign, BehaviourParameters p, Prng rng, DateTimeOffset from, DateTimeOffset to)
    {
        var days = (to - from).TotalDays;
        if (days <= 0 || campaign.DailyBudget <= 0 || campaign.RegionIds.Count == 0) return (0, 0, []);
        var quality = p.Channels[campaign.Channel];
        var spend = Math.Round(campaign.DailyBudget * (decimal)days, 2);
        var expectedTouches = quality.CostPerTouch <= 0 ? 0 : (double)(spend / quality.CostPerTouch);
        var touches = rng.Poisson(expectedTouches);
        var leadCount = rng.Poisson(touches * quality.LeadRate);
        var leads = new List<GeneratedLead>(leadCount);
        for (var i = 0; i < leadCount; i++)
        {
            var at = from + (to - from) * rng.NextDouble();
            var region = campaign.RegionIds[rng.Next(campaign.RegionIds.Count)];
            leads.Add(new GeneratedLead(at, region, LeadPersonas.Draw(rng, quality, p)));
        }
        leads.Sort((a, b) => a.At.CompareTo(b.At));
        return (touches, spend, leads);
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
