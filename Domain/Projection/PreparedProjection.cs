using Growth.Domain.Journeys;

namespace Growth.Domain.Projection;

/// <summary>A channel's expected leads per week under the scenario and the share of them with real intent.</summary>
public sealed record ChannelFlow(Channel Channel, double LeadsPerWeek, double EffectiveShare, decimal SpendPerWeek)
{
    /// <summary>
    /// The organisation's campaign channels' flows: leads a week from each channel's daily budget over its cost per
    /// touch at its lead rate, the budget scaled by <paramref name="budgetScale"/> (a what-if lever; none: as set up).
    /// </summary>
    public static ChannelFlow[] Of(Organisations.Organisation org, Simulation.BehaviourParameters p, IReadOnlyDictionary<Channel, double>? budgetScale = null) =>
        [.. org.Campaigns.GroupBy(c => c.Channel).OrderBy(g => g.Key).Select(g =>
        {
            var q = p.Channels[g.Key];
            var scale = budgetScale?.TryGetValue(g.Key, out var s) == true ? s : 1;
            var budget = g.Sum(c => c.DailyBudget);
            var leads = q.CostPerTouch <= 0 ? 0 : (double)(budget / q.CostPerTouch) * q.LeadRate * 7 * LeverEffects.LeadMultiplier(scale);
            return new ChannelFlow(g.Key, leads, q.EffectiveShare, Math.Round(budget * 7 * (decimal)scale, 2));
        })];

    /// <summary>Each channel's share of the leads with real intent (what spiffs per channel are weighted by; referrals are not counted).</summary>
    public static Dictionary<Channel, double> SharesOf(IReadOnlyCollection<ChannelFlow> flows)
    {
        var effective = flows.Sum(c => c.LeadsPerWeek * c.EffectiveShare);
        return flows.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => effective <= 0 ? 0 : g.Sum(c => c.LeadsPerWeek * c.EffectiveShare) / effective);
    }
}

/// <summary>
/// A projection ready to run: the scenario's channels, rates and delays measured once, and what the paths need to
/// cost and judge themselves. Paths are run in fixed chunks, each with its own derived seed, so any set of workers
/// (cores here, or stateless worker grains across silos) can run any chunks and the result is the same.
/// </summary>
public sealed class PreparedProjection
{
    public required ProjectionRequest Request { get; init; }
    public required FunnelKernels Kernels { get; init; }
    public required ChannelFlow[] Channels { get; init; }
    /// <summary>Share of referral leads with real intent.</summary>
    public required double ReferralEffectiveShare { get; init; }
    public required decimal Quota { get; init; }
    public required decimal Target { get; init; }
    public required int Headcount { get; init; }
    public required double LoadRatio { get; init; }
    public required decimal HireCost { get; init; }
    /// <summary>Lead arrival weight of each week (months weigh differently, <see cref="Simulation.LeadArrival"/>); empty: 1.</summary>
    public double[] SeasonByWeek { get; init; } = [];
    public double Season(int week) => week < SeasonByWeek.Length ? SeasonByWeek[week] : 1;
    public int Weeks => Request.Weeks;
    public int Chunks => (Request.Paths + ProjectionEngine.ChunkPaths - 1) / ProjectionEngine.ChunkPaths;
}
