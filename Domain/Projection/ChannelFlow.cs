using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>
/// A channel's expected campaign leads under the scenario: per week of the horizon (<see cref="LeadsByWeek"/>, before the
/// arrival weight) with the share of them with real intent that week (<see cref="EffectiveShareByWeek"/>), and their means
/// over the horizon (<see cref="LeadsPerWeek"/>, <see cref="EffectiveShare"/>: leads with real intent over all leads,
/// <see cref="SpendPerWeek"/>).
/// </summary>
public sealed record ChannelFlow(Channel Channel, double LeadsPerWeek, double EffectiveShare, decimal SpendPerWeek)
{
    /// <summary>
    /// Weeks of campaign leads the live simulation weights a channel spiff by (<see cref="SharesOf"/>): the year from when a
    /// setup is taken up, so a campaign that starts later in the year counts for the weeks it runs (a projection weights by its own horizon).
    /// </summary>
    public const int SpiffWeeks = 52;

    /// <summary>Expected leads in each week of the horizon, before the week's arrival weight (<see cref="PreparedProjection.Season"/>); empty: <see cref="LeadsPerWeek"/> every week.</summary>
    public double[] LeadsByWeek { get; init; } = [];
    /// <summary>Share of each week's leads with real intent; empty: <see cref="EffectiveShare"/> every week.</summary>
    public double[] EffectiveShareByWeek { get; init; } = [];

    public double Leads(int week) => week < LeadsByWeek.Length ? LeadsByWeek[week] : LeadsPerWeek;
    public double Share(int week) => week < EffectiveShareByWeek.Length ? EffectiveShareByWeek[week] : EffectiveShare;

    /// <summary>
    /// The organisation's campaign channels' flows over the <paramref name="weeks"/> weeks from <paramref name="start"/>:
    /// each campaign counts by the simulation's own rules (<see cref="CampaignReach.Expected"/>): only while it runs
    /// (its start and end dates), its leads by its cost model (per touch, per lead, fixed fee) and its own cost and
    /// real-intent share where it has them. <paramref name="budgetScale"/> (a what-if lever; none: as set up) scales each
    /// channel's spend, and its leads by <see cref="LeverEffects.LeadMultiplier"/> (diminishing returns).
    /// </summary>
    public static ChannelFlow[] Of(Organisations.Organisation org, BehaviourParameters p, DateTimeOffset start, int weeks,
        IReadOnlyDictionary<Channel, double>? budgetScale = null)
    {
        if (weeks <= 0) throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "a lead flow needs at least one week");
        return [.. org.Campaigns.GroupBy(c => c.Channel).OrderBy(g => g.Key).Select(g =>
        {
            var scale = budgetScale?.TryGetValue(g.Key, out var s) == true ? s : 1;
            var multiplier = LeverEffects.LeadMultiplier(scale);
            var leads = new double[weeks];
            var shares = new double[weeks];
            double total = 0, effective = 0;
            decimal spend = 0;
            for (var t = 0; t < weeks; t++)
            {
                double week = 0, real = 0, weekWeight = double.NaN;
                var (from, to) = (start.AddDays(7 * t), start.AddDays(7 * (t + 1)));
                foreach (var campaign in g)
                {
                    var bought = CampaignReach.Expected(campaign, p, from, to);
                    if (!bought.Runs) continue;
                    // A campaign running part of the week brings its leads at the arrival weight of its own days (as the
                    // simulation draws them); the week's weight is applied to the whole week later (PreparedProjection.Season).
                    var relative = 1.0;
                    if (bought.From != from || bought.To != to)
                    {
                        if (double.IsNaN(weekWeight)) weekWeight = p.Arrival.MeanWeight(from, to);
                        relative = weekWeight <= 0 ? 1 : p.Arrival.MeanWeight(bought.From, bought.To) / weekWeight;
                    }
                    week += bought.Leads * relative;
                    real += bought.EffectiveLeads * relative;
                    spend += bought.Spend;
                }
                leads[t] = week * multiplier;
                shares[t] = week > 0 ? real / week : p.Channels[g.Key].EffectiveShare;
                total += week;
                effective += real;
            }
            var share = total > 0 ? effective / total : p.Channels[g.Key].EffectiveShare;
            // The means as Scaled rescales them, so the goal seek's quick rescale equals a full preparation.
            return new ChannelFlow(g.Key, total / weeks * multiplier, share, Math.Round(spend / weeks * (decimal)scale, 2))
            {
                LeadsByWeek = leads, EffectiveShareByWeek = shares,
            };
        })];
    }

    /// <summary>This flow with its budget scaled by <paramref name="scale"/> from as set up (what-if lever): leads by <see cref="LeverEffects.LeadMultiplier"/>, spend in proportion.</summary>
    public ChannelFlow Scaled(double scale)
    {
        var multiplier = LeverEffects.LeadMultiplier(scale);
        return this with
        {
            LeadsPerWeek = LeadsPerWeek * multiplier,
            LeadsByWeek = [.. LeadsByWeek.Select(x => x * multiplier)],
            SpendPerWeek = Math.Round(SpendPerWeek * (decimal)scale, 2),
        };
    }

    /// <summary>
    /// Each channel's share of the leads with real intent over the flows' horizon (what spiffs per channel are weighted
    /// by; referrals are not counted).
    /// </summary>
    public static Dictionary<Channel, double> SharesOf(IReadOnlyCollection<ChannelFlow> flows)
    {
        var effective = flows.Sum(c => c.LeadsPerWeek * c.EffectiveShare);
        return flows.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => effective <= 0 ? 0 : g.Sum(c => c.LeadsPerWeek * c.EffectiveShare) / effective);
    }
}
