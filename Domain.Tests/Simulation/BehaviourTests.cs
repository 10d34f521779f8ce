using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>The behaviour model moves the way a sales leader expects, across the whole range of each input.</summary>
public class BehaviourTests
{
    static readonly BehaviourParameters P = BehaviourParameters.Default;
    static readonly double[] Hours = [0, 0.5, 1, 2, 4, 8, 12, 24, 48, 72, 168, 720];
    static readonly double[] Levels = [0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1];
    static double[] Skills(double level) => Enum.GetValues<ConversationStep>().Select(_ => level).ToArray();

    [Fact]
    public void Slower_first_contact_never_raises_conversion()
    {
        foreach (var channel in P.Channels.Values)
        foreach (var skill in Levels)
        {
            var previous = double.MaxValue;
            foreach (var h in Hours)
            {
                var conversion = Behaviour.ExpectedLeadToDeal(P, channel, h, Skills(skill), incentive: 0.5);
                Assert.True(conversion <= previous, $"conversion rose from {previous} to {conversion} at {h} h");
                previous = conversion;
            }
        }
        Assert.True(Behaviour.FirstContactDecay(P, 0) > Behaviour.FirstContactDecay(P, 48), "a two-day delay must cost conversion");
    }

    [Fact]
    public void More_skill_never_lowers_conversion()
    {
        foreach (var step in Enum.GetValues<ConversationStep>())
        foreach (var intent in Levels)
        foreach (var fit in new[] { 0.3, 0.7, 1.0 })
        {
            var previous = -1.0;
            foreach (var skill in Levels)
            {
                var pass = Behaviour.StepPassProbability(P, step, skill, intent, fit);
                Assert.True(pass >= previous, $"{step}: pass fell from {previous} to {pass} at skill {skill}");
                previous = pass;
            }
        }
        var weak = Behaviour.ExpectedLeadToDeal(P, P.Channels[Channel.Events], 4, Skills(0.2), 0.5);
        var strong = Behaviour.ExpectedLeadToDeal(P, P.Channels[Channel.Events], 4, Skills(0.9), 0.5);
        Assert.True(strong > weak * 1.5, $"a strong rep ({strong:P2}) should convert clearly better than a weak one ({weak:P2})");
    }

    [Fact]
    public void Junkier_campaigns_never_raise_effective_leads()
    {
        var previous = double.MaxValue;
        foreach (var junk in Levels)
        {
            var quality = new ChannelQuality(1 - junk, 2m, 0.05);
            var effective = Behaviour.ExpectedEffectiveLeads(quality, 10_000m);
            Assert.True(effective <= previous);
            previous = effective;
        }
    }

    [Fact]
    public void A_junkier_campaign_brings_fewer_real_leads_in_a_seeded_run()
    {
        var clean = P with { Channels = new Dictionary<Channel, ChannelQuality> { [Channel.Ads] = new(0.7, 2m, 0.05) } };
        var junky = P with { Channels = new Dictionary<Channel, ChannelQuality> { [Channel.Ads] = new(0.2, 2m, 0.05) } };
        var campaign = new CampaignProfile { Id = "c", Name = "c", Channel = Channel.Ads, DailyBudget = 1000, RegionIds = ["r"] };
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        int Real(BehaviourParameters p) => CampaignReach.Run(campaign, p, new Prng(7), from, from.AddDays(30)).Leads.Count(l => l.Persona.Effective);

        Assert.True(Real(junky) < Real(clean));
    }

    [Fact]
    public void Effort_and_load_move_contact_speed_and_follow_ups_the_expected_way()
    {
        Assert.True(Behaviour.MeanHoursToContact(P, 0.9, 10, 40) < Behaviour.MeanHoursToContact(P, 0.1, 10, 40));
        Assert.True(Behaviour.MeanHoursToContact(P, 0.5, 80, 40) > Behaviour.MeanHoursToContact(P, 0.5, 40, 40));
        Assert.Equal(Behaviour.MeanHoursToContact(P, 0.5, 0, 40), Behaviour.MeanHoursToContact(P, 0.5, 40, 40));
        Assert.True(Behaviour.FollowUps(P, 1) > Behaviour.FollowUps(P, 0));
    }

    [Fact]
    public void A_price_above_budget_lowers_the_win_and_better_product_raises_satisfaction()
    {
        Assert.True(Behaviour.WinProbability(P, Skills(0.5), 0.7, 0.5) < Behaviour.WinProbability(P, Skills(0.5), 0.7, 1));
        Assert.Equal(1, Behaviour.PriceFit(4000, 6000));
        Assert.True(Behaviour.PriceFit(8000, 4000) < 1);
        Assert.True(Behaviour.Satisfaction(P with { ProductQuality = 0.9 }, 1, 0) > Behaviour.Satisfaction(P with { ProductQuality = 0.5 }, 1, 0));
        Assert.True(Behaviour.RepurchaseMeanDays(P, 0.9) < Behaviour.RepurchaseMeanDays(P, 0.4));
        Assert.True(Behaviour.ReferralMeanDays(P, 0.9) < Behaviour.ReferralMeanDays(P, 0.4));
    }
}
