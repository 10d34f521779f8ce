using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Compensation;

/// <summary>The actor simulation's side of the plan response: each rep's standing from the wins they book, and the effort it gives a new lead.</summary>
public class RepStandingsTests
{
    static readonly Growth.Domain.Organisations.Organisation Org = ProjectionSamples.Org;
    static readonly Growth.Domain.Organisations.RepProfile Rep = Org.Reps.First();
    static readonly DateTimeOffset QuarterStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly SetupDocument Accelerated = new() { Compensation = new() { Plans = [PlanResponseTests.Accelerated] } };

    static JourneyStart Start(DateTimeOffset at) => new()
    {
        JourneyId = "j1", At = at, Persona = new LeadPersona(true, 0.7, 6000m, 1),
        Rep = new RepAssignment("r", Rep.TeamId, Rep.Id, Rep.Skills, Rep.Incentive, 0, Rep.Capacity),
    };

    static double IncentiveAt(RepStandings standings, DateTimeOffset at)
    {
        var starts = new List<JourneyStart> { Start(at) };
        standings.Adjust(starts, Org, PlanResponseParameters.Default);
        return starts[0].Rep.Incentive;
    }

    [Fact]
    public void Without_setup_plans_nothing_is_kept_and_nothing_moves()
    {
        Assert.Null(RepStandings.For(new SetupDocument()));
    }

    [Fact]
    public void A_rep_above_quota_works_harder_and_one_past_the_cap_slows_down()
    {
        var standings = RepStandings.For(Accelerated)!;
        var midQuarter = QuarterStart.AddDays(45);
        // Below quota mid-quarter with the accelerator out of reach: 6 % against the 8 % reference, less effort.
        Assert.True(IncentiveAt(standings, midQuarter) < Rep.Incentive);
        standings.Record([new(Rep.Id, Rep.Target * 1.2m)], QuarterStart.AddDays(40), Org);
        Assert.Equal(1.2, (double)(standings.Credits[Rep.Id].Credited / Rep.Target), 9);
        // At 120 %: the next unit pays 10 %, more effort than the reference.
        Assert.True(IncentiveAt(standings, midQuarter) > Rep.Incentive);
        standings.Record([new(Rep.Id, Rep.Target)], QuarterStart.AddDays(41), Org);
        // Past the 200 % cap: nothing more is paid, lowest effort (incentive 0 at effort 0.5 from 0.5 + incentive).
        Assert.Equal(PlanResponse.Incentive(Rep.Incentive, 0.5), IncentiveAt(standings, midQuarter), 9);
        Assert.Equal(PlanResponseParameters.Default.HoldBackShare, standings.EffectOf(Rep, Org, midQuarter, PlanResponseParameters.Default).HoldBack);
        // A new quarter starts again from nothing.
        standings.Record([new(Rep.Id, 1m)], QuarterStart.AddMonths(3).AddDays(1), Org);
        Assert.Equal(1m, standings.Credits[Rep.Id].Credited);
    }

    [Fact]
    public void Under_a_flat_setup_plan_every_lead_keeps_its_rep_s_incentive_exactly()
    {
        var standings = RepStandings.For(new SetupDocument { Compensation = new() { Plans = [CompensationPlanSetup.Flat] } })!;
        standings.Record([new(Rep.Id, Rep.Target * 3)], QuarterStart.AddDays(10), Org);
        Assert.Equal(Rep.Incentive, IncentiveAt(standings, QuarterStart.AddDays(80)));
    }
}

/// <summary>The live simulation weights a spiff on one channel's deals by that channel's share of the real-intent leads, as the projection does.</summary>
public class RepStandingsChannelSpiffTests
{
    static SetupDocument WithChannelSpiff(string channel) => new()
    {
        Catalogue = new() { Products = [new ProductSetup { Id = "core", ListPrice = 10_000m }] },
        Compensation = new()
        {
            Plans = [PlanResponseTests.Accelerated with { Spiffs = [new SpiffSetup { Channel = channel, Amount = 1_000m }] }],
        },
    };

    [Fact]
    public void A_channel_spiff_is_worth_its_channel_s_share_of_the_leads_with_real_intent()
    {
        var org = ProjectionSamples.Org;
        var flows = Growth.Domain.Projection.ChannelFlow.Of(org, ProjectionSamples.Request().Parameters, ProjectionSamples.Request().Start, 52);
        var shares = Growth.Domain.Projection.ChannelFlow.SharesOf(flows);
        Assert.Equal(1.0, shares.Values.Sum(), 9);
        var (channel, share) = shares.MaxBy(s => s.Value);
        // The sample organisation's campaigns do not bring every channel's leads alike.
        Assert.NotEqual(1.0 / Enum.GetValues<Channel>().Length, share, 3);
        var planId = PlanResponseTests.Accelerated.Id;

        var weighted = RepStandings.For(WithChannelSpiff(channel.ToString().ToLowerInvariant()), channelShares: shares)!;
        Assert.Equal(share * 1_000 / 10_000, weighted.SpiffRates[planId], 12);
        // Without the shares (as the live simulation weighted it before): evenly over the channels.
        var even = RepStandings.For(WithChannelSpiff(channel.ToString().ToLowerInvariant()))!;
        Assert.Equal(1_000.0 / 10_000 / Enum.GetValues<Channel>().Length, even.SpiffRates[planId], 12);
        // A channel no campaign runs is worth nothing.
        var none = Enum.GetValues<Channel>().First(c => !shares.ContainsKey(c));
        Assert.Equal(0, RepStandings.For(WithChannelSpiff(none.ToString().ToLowerInvariant()), channelShares: shares)!.SpiffRates[planId]);
    }
}
