using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Tests.Projection;
using static Growth.TestSupport.ProjectionSamples;

namespace Growth.Domain.Tests.Compensation;

/// <summary>Spiffs per deal kind (lead channel) in the plan terms and the plan what-if.</summary>
public class SpiffKindTests
{
    static readonly Dictionary<string, double> Shares = new() { ["x"] = 0.25, ["y"] = 0.75 };

    [Fact]
    public void A_channel_spiff_is_expected_on_its_channels_share_of_deals_times_its_products()
    {
        var channels = new Dictionary<Channel, double> { [Channel.Ads] = 0.6, [Channel.Referral] = 0.4 };
        var plan = CompensationPlanSetup.Flat with { Spiffs = [new() { Channel = "referral", Amount = 1000 }, new() { Product = "x", Channel = "Ads", Amount = 100 }] };
        Assert.Equal(1000 * 0.4 + 100 * 0.25 * 0.6, PlanTerms.Of(plan, Shares, channels).SpiffPerDeal, 9);
        // Without channel shares (the live simulation's effort), even over the channels.
        Assert.Equal(1000.0 / Enum.GetValues<Channel>().Length, PlanTerms.Of(plan with { Spiffs = [plan.Spiffs[0]] }, Shares).SpiffPerDeal, 9);
    }

    [Fact]
    public void In_the_what_if_a_spiff_on_one_channels_deals_costs_less_than_on_every_deal_and_more_than_none()
    {
        var request = Request(weeks: 13, paths: 300) with { Organisation = PlanComparisonTests.Reachable, Seed = 9 };
        var channel = PlanComparison.Prepare(request, new ParallelOptions()).Channels.MaxBy(c => c.LeadsPerWeek)!.Channel;
        PlanOption With(string name, params SpiffSetup[] spiffs) => PlanComparisonTests.Everyone(name, CompensationPlanSetup.Flat with { Spiffs = spiffs });
        var result = PlanComparison.Compare(request,
            [With("none"), With("one channel", new SpiffSetup { Channel = channel.ToString(), Amount = 2000 }), With("every deal", new SpiffSetup { Product = "x", Amount = 2000 }, new SpiffSetup { Product = "y", Amount = 2000 })],
            Shares);
        var (none, one, every) = (result.Options[0].Pay!.Spiffs, result.Options[1].Pay!.Spiffs, result.Options[2].Pay!.Spiffs);
        Assert.Equal(0, none);
        Assert.True(one > 0 && one < every, $"none {none}, {channel} deals {one}, every deal {every}");
    }
}
