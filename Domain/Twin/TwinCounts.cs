using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Domain.Twin;

/// <summary>The live workspace's cumulative counts the twin is judged on, read from its figures, keyed as the twin's series.</summary>
public static class TwinCounts
{
    /// <summary>Channel id of campaigns whose channel is not known (leads ingested without a campaign, for one).</summary>
    public const string OtherChannel = "other";

    /// <summary>The key of one series: scope, id and step.</summary>
    public static string Key(TwinScope scope, string id, TwinStep step) => $"{scope}|{id}|{step}";

    /// <summary>A channel's id in the twin: the channel's name, or <see cref="OtherChannel"/>.</summary>
    public static string ChannelId(Channel? channel) => channel?.ToString() ?? OtherChannel;

    /// <summary>Entries into every step so far: the company's, each team's and each channel's (its campaigns summed; the rest in <see cref="OtherChannel"/>).</summary>
    public static Dictionary<string, long> Of(WorkspaceSnapshot s)
    {
        var counts = new Dictionary<string, long>();
        long Funnel(FunnelStage stage) => s.Funnel.FirstOrDefault(f => f.Stage == stage)?.Entered ?? 0;
        Put(counts, TwinScope.Company, "company", [Funnel(FunnelStage.Lead), Funnel(FunnelStage.QualifiedIntent), Funnel(FunnelStage.Opportunity), s.Deals.Won]);
        foreach (var team in s.Teams) Put(counts, TwinScope.Team, team.Id, Steps(team));
        // Known channels: their campaigns summed; "other": everything not attributed to one (referrals, unnamed campaigns, no campaign).
        var attributed = new long[TwinSimulation.Steps.Length];
        foreach (var channel in s.Campaigns.Where(c => c.Channel is not null).GroupBy(c => ChannelId(c.Channel)))
        {
            var sum = new long[TwinSimulation.Steps.Length];
            foreach (var c in channel)
            {
                var steps = Steps(c);
                for (var i = 0; i < sum.Length; i++) { sum[i] += steps[i]; attributed[i] += steps[i]; }
            }
            Put(counts, TwinScope.Channel, channel.Key, sum);
        }
        Put(counts, TwinScope.Channel, OtherChannel, TwinSimulation.Steps
            .Select((step, i) => Math.Max(0, counts[Key(TwinScope.Company, "company", step)] - attributed[i])).ToArray());
        return counts;
    }

    /// <summary>Counts since <paramref name="baseline"/> (never below 0: a recount may lower a figure); keys missing from the baseline count from 0.</summary>
    public static Dictionary<string, long> Since(IReadOnlyDictionary<string, long> now, IReadOnlyDictionary<string, long> baseline) =>
        now.ToDictionary(kv => kv.Key, kv => Math.Max(0, kv.Value - baseline.GetValueOrDefault(kv.Key)));

    /// <summary>A group's leads, qualified, opportunities and wins.</summary>
    public static long[] Steps(GroupFigures g) =>
    [
        g.EnteredByStage.Length > (int)FunnelStage.Lead ? g.EnteredByStage[(int)FunnelStage.Lead] : g.Leads,
        g.EnteredByStage.Length > (int)FunnelStage.QualifiedIntent ? g.EnteredByStage[(int)FunnelStage.QualifiedIntent] : 0,
        g.EnteredByStage.Length > (int)FunnelStage.Opportunity ? g.EnteredByStage[(int)FunnelStage.Opportunity] : g.Won + g.Lost + g.Open,
        g.Won,
    ];

    static void Put(Dictionary<string, long> counts, TwinScope scope, string id, long[] steps)
    {
        for (var i = 0; i < steps.Length; i++) counts[Key(scope, id, TwinSimulation.Steps[i])] = steps[i];
    }
}
