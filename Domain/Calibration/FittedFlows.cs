using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Calibration;

/// <summary>
/// The lead flows fitted on a history: one per region when its leads name no channel (the Maven sample), else one per
/// region and channel, so each channel brings its own leads at its own rate and converts as it did.
/// </summary>
public static class FittedFlows
{
    /// <summary>The group of the fitted flows of leads without a channel (one flow per region).</summary>
    public const string NoChannel = "";

    /// <summary>
    /// The flows, the qualification chance of a real lead, and the channel group each flow's leads are compared in
    /// (flow id to channel name, <see cref="NoChannel"/> for leads without one).
    /// <para>Per channel: a flow brings the channel's leads of the region per day; its share of real leads is the
    /// channel's share of leads that reached an opportunity relative to the best channel's (which sets the
    /// qualification chance; the rest are junk, which rarely opens one), so every channel reaches opportunities as
    /// often as it did. How its opportunities end is fitted per flow too (<see cref="DealCalibration.FlowWinRates"/>).</para>
    /// </summary>
    public static (List<CampaignProfile> Flows, double QualifyEffective, IReadOnlyDictionary<string, string> Groups) Of(
        Organisation organisation, IReadOnlyCollection<JourneyState> leads, double days)
    {
        static string Key(Channel? channel) => channel?.ToString() ?? NoChannel;
        static double ReachedOpportunity(IReadOnlyCollection<JourneyState> group) =>
            group.Count == 0 ? 0 : (double)group.Count(j => j.OpportunityAt is not null) / group.Count;
        decimal PerDay(int count) => Math.Round((decimal)(count / days) * HistoryCalibration.FittedFlow.CostPerTouch, 2);

        var channels = leads.GroupBy(j => Key(j.Channel)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (channels.All(g => g.Key == NoChannel))
        {
            var flows = organisation.Regions.Select(r => new CampaignProfile
            {
                Id = $"flow-{r.Id}",
                Name = $"{r.Name} lead flow (fitted)",
                Channel = HistoryCalibration.FlowChannel,
                DailyBudget = PerDay(leads.Count(j => j.RegionId == r.Id)),
                RegionIds = [r.Id],
            }).Where(c => c.DailyBudget > 0).ToList();
            return (flows, Math.Clamp(ReachedOpportunity(leads.ToList()), 0.01, 1), flows.ToDictionary(f => f.Id, _ => NoChannel));
        }

        var reached = channels.ToDictionary(g => g.Key, g => ReachedOpportunity(g.ToList()));
        var qualify = Math.Clamp(reached.Values.Max(), 0.01, 1);
        var real = channels.ToDictionary(g => g.Key, g => Math.Round(Math.Min(1, reached[g.Key] / qualify), 6));
        var perChannel = (
            from r in organisation.Regions
            from g in channels
            let count = g.Count(j => j.RegionId == r.Id)
            where count > 0
            select (Group: g.Key, Flow: new CampaignProfile
            {
                Id = $"flow-{r.Id}-{(g.Key == NoChannel ? "none" : g.Key.ToLowerInvariant())}",
                Name = $"{r.Name} {(g.Key == NoChannel ? "no channel" : g.Key)} lead flow (fitted)",
                Channel = g.First().Channel ?? HistoryCalibration.FlowChannel,
                DailyBudget = PerDay(count),
                // Paid per lead, one unit a lead, whatever the channel's default reach: the flow brings the history's leads.
                CostModel = Setup.CostModel.PerLead,
                CostPerUnit = HistoryCalibration.FittedFlow.CostPerTouch,
                EffectiveShare = real[g.Key],
                RegionIds = [r.Id],
            })).Where(x => x.Flow.DailyBudget > 0).ToList();
        return (perChannel.Select(x => x.Flow).ToList(), qualify, perChannel.ToDictionary(x => x.Flow.Id, x => x.Group));
    }
}
