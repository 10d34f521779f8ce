using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Projection;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// The projection's campaign lead flows (<see cref="ChannelFlow.Of"/>) follow the simulation's campaign rules
/// (<see cref="CampaignReach.Expected"/>, which <see cref="CampaignReach.Run"/> draws from): a campaign counts only while
/// it runs, its leads follow its cost model and their real intent its junk share.
/// </summary>
public class ChannelFlowTests
{
    static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);
    // Leads arrive evenly, so a week's leads are plain arithmetic.
    static readonly BehaviourParameters Even = BehaviourParameters.Default with { Arrival = LeadArrival.Default with { Enabled = false } };

    static CampaignProfile Campaign(string id, Channel channel, decimal daily) => new() { Id = id, Name = id, Channel = channel, DailyBudget = daily, RegionIds = ["r"] };
    static Organisation With(params CampaignProfile[] campaigns) => new() { Campaigns = campaigns };

    [Fact]
    public void A_campaign_that_starts_mid_projection_brings_no_leads_before_its_start_and_none_after_its_end()
    {
        // Ads: 2.0 a touch, 3 % of touches become leads: 1,000 a day buys 105 leads a week.
        var fair = Campaign("fair", Channel.Ads, 1_000) with { Start = Start.AddDays(7 * 3 + 3), End = Start.AddDays(7 * 5) };
        Assert.False(CampaignReach.Expected(fair, Even, Start, Start.AddDays(7)).Runs);
        Assert.Equal(0, CampaignReach.Expected(fair, Even, Start, Start.AddDays(7)).Leads);

        var flow = Assert.Single(ChannelFlow.Of(With(fair), Even, Start, 6));
        Assert.Equal([0, 0, 0, 105 * 4 / 7.0, 105, 0], flow.LeadsByWeek.Select(x => Math.Round(x, 9)));
        Assert.Equal((60 + 105) / 6.0, flow.LeadsPerWeek, 9);
        // It is paid for only while it runs: 4 days and 7.
        Assert.Equal(Math.Round(11_000m / 6, 2), flow.SpendPerWeek);
        // The flow before: the budget over the cost per touch every week, whatever the dates.
        Assert.NotEqual(105, flow.LeadsPerWeek, 3);
    }

    [Fact]
    public void A_per_lead_campaign_brings_its_budget_over_its_cost_per_lead_and_a_fixed_fee_one_its_reach()
    {
        // Incentive's cost per touch (5) and lead rate (10 %) would make 1,000 a day 140 leads a week; at 500 a lead it buys 14.
        var referrals = Campaign("referrals", Channel.Incentive, 1_000) with { CostModel = CostModel.PerLead, CostPerUnit = 500 };
        Assert.Equal(14, CampaignReach.Expected(referrals, Even, Start, Start.AddDays(7)).Leads, 9);
        var flow = Assert.Single(ChannelFlow.Of(With(referrals), Even, Start, 4));
        Assert.All(flow.LeadsByWeek, x => Assert.Equal(14, x, 9));
        Assert.Equal(7_000m, flow.SpendPerWeek);

        // A fixed fee reaches its expected reach whatever it costs: 100 a day at the events' lead rate of 15 %.
        var booth = Campaign("booth", Channel.Events, 5_000) with { CostModel = CostModel.Fixed, ReachPerDay = 100 };
        Assert.Equal(105, Assert.Single(ChannelFlow.Of(With(booth), Even, Start, 4)).LeadsPerWeek, 9);
    }

    [Fact]
    public void A_channel_s_real_intent_share_mixes_its_running_campaigns_junk_shares_by_their_leads()
    {
        // Two ads campaigns of 105 leads a week each: one with 80 % junk, one at the channel's 35 % real intent; the second only from week 2.
        var junky = Campaign("junky", Channel.Ads, 1_000) with { EffectiveShare = 0.2 };
        var late = Campaign("late", Channel.Ads, 1_000) with { Start = Start.AddDays(14) };
        var flow = Assert.Single(ChannelFlow.Of(With(junky, late), Even, Start, 4));
        Assert.Equal([0.2, 0.2, 0.275, 0.275], flow.EffectiveShareByWeek.Select(x => Math.Round(x, 9)));
        Assert.Equal((0.2 * 4 + 0.35 * 2) / 6, flow.EffectiveShare, 9);
    }

    [Fact]
    public void The_budget_lever_scales_the_spend_and_the_leads_with_diminishing_returns()
    {
        var fair = Campaign("fair", Channel.Ads, 1_000) with { Start = Start.AddDays(14) };
        var asSetUp = Assert.Single(ChannelFlow.Of(With(fair), Even, Start, 4));
        var doubled = Assert.Single(ChannelFlow.Of(With(fair), Even, Start, 4, new Dictionary<Channel, double> { [Channel.Ads] = 2 }));
        var m = LeverEffects.LeadMultiplier(2);
        Assert.Equal(asSetUp.LeadsByWeek.Select(x => Math.Round(x * m, 9)), doubled.LeadsByWeek.Select(x => Math.Round(x, 9)));
        Assert.Equal(asSetUp.SpendPerWeek * 2, doubled.SpendPerWeek);
        // The goal seek's quick rescale of a prepared flow agrees.
        var scaled = asSetUp.Scaled(2);
        Assert.Equal(doubled.LeadsPerWeek, scaled.LeadsPerWeek, 9);
        Assert.Equal(doubled.LeadsByWeek.Select(x => Math.Round(x, 9)), scaled.LeadsByWeek.Select(x => Math.Round(x, 9)));
    }

    [Fact]
    public void The_simulation_draws_on_average_the_leads_the_flow_expects_in_a_week_a_campaign_starts()
    {
        // Seasonality on: the campaign starts on a Friday, so its week's leads arrive at the weight of its own days.
        var p = BehaviourParameters.Default;
        var referrals = Campaign("referrals", Channel.Incentive, 1_000) with { CostModel = CostModel.PerLead, CostPerUnit = 100, Start = Start.AddDays(4) };
        var flow = Assert.Single(ChannelFlow.Of(With(referrals), p, Start, 2));
        var expected = flow.Leads(0) * p.Arrival.MeanWeight(Start, Start.AddDays(7));
        const int draws = 2_000;
        var drawn = Enumerable.Range(0, draws).Average(i => CampaignReach.Run(referrals, p, new Prng((ulong)i + 1), Start, Start.AddDays(7)).Leads.Count);
        // 30 leads on 3 days; the mean of 2,000 weeks has a standard error of 0.4 %.
        Assert.InRange(drawn / expected, 0.98, 1.02);
        Assert.NotEqual(30 * p.Arrival.MeanWeight(Start, Start.AddDays(7)), expected, 1);
    }

    [Fact]
    public void A_channel_whose_campaign_starts_after_the_horizon_has_no_share_of_the_real_intent_leads()
    {
        var org = With(Campaign("ads", Channel.Ads, 1_000), Campaign("fair", Channel.Events, 1_000) with { Start = Start.AddDays(7 * 20) });
        var quarter = ChannelFlow.SharesOf(ChannelFlow.Of(org, Even, Start, 13));
        Assert.Equal(1, quarter[Channel.Ads], 9);
        Assert.Equal(0, quarter[Channel.Events], 9);
        var year = ChannelFlow.SharesOf(ChannelFlow.Of(org, Even, Start, ChannelFlow.SpiffWeeks));
        Assert.InRange(year[Channel.Events], 0.1, 0.9);
    }
}
