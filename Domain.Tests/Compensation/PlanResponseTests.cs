using Growth.Domain.Compensation;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Compensation;

/// <summary>Each effect of the plan response for direction and size, against the flat plan and the demo's accelerator plan.</summary>
public class PlanResponseTests
{
    static readonly PlanResponseParameters P = PlanResponseParameters.Default;

    /// <summary>The demo's question: 6 % below quota, 10 % above, capped at 200 %.</summary>
    internal static readonly CompensationPlanSetup Accelerated = new()
    {
        Id = "accelerated", Name = "6 % / 10 % capped at 200 %",
        Tiers = [new() { From = 0, To = 1, Rate = 0.06 }, new() { From = 1, Rate = 0.10 }], Cap = 2,
    };

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.95, 0.9)]
    [InlineData(1.5, 0.5)]
    [InlineData(3.0, 1.0)]
    public void The_flat_plan_leaves_behaviour_as_it_is(double attainment, double elapsed)
    {
        Assert.Equal(PlanEffect.Neutral, PlanResponse.Of(P, CompensationPlanSetup.Flat, new PlanStanding(attainment, elapsed)));
    }

    [Fact]
    public void A_rep_just_below_the_accelerator_near_the_period_end_pulls_deals_in_at_a_discount()
    {
        var late = PlanResponse.Of(P, Accelerated, new PlanStanding(0.9, 0.9));
        // 10 % below the threshold, half of the 20 % reach: half the pull-in share and half the discount.
        Assert.Equal(0.15 * 0.5, late.PullIn, 9);
        Assert.Equal(0.05 * 0.5, late.Discount, 9);
        Assert.Equal(0, late.HoldBack);
        // Mid-period, or far from the threshold, nothing is pulled in.
        Assert.Equal(0, PlanResponse.Of(P, Accelerated, new PlanStanding(0.9, 0.5)).PullIn);
        Assert.Equal(0, PlanResponse.Of(P, Accelerated, new PlanStanding(0.5, 0.9)).PullIn);
        // Closer pulls more.
        Assert.True(PlanResponse.Of(P, Accelerated, new PlanStanding(0.98, 0.9)).PullIn > late.PullIn);
    }

    [Fact]
    public void A_rep_past_the_cap_holds_half_the_deals_back_and_works_at_the_lowest_effort()
    {
        var capped = PlanResponse.Of(P, Accelerated, new PlanStanding(2.05, 0.6));
        Assert.Equal(0.5, capped.HoldBack);
        Assert.Equal(P.MinEffort, capped.Effort);
        Assert.Equal(0, PlanResponse.Of(P, Accelerated, new PlanStanding(1.95, 0.6)).HoldBack);
    }

    [Fact]
    public void Effort_follows_the_forward_looking_marginal_rate()
    {
        // Above quota the next unit pays 10 % against the 8 % reference: (10/8)^0.25.
        Assert.Equal(Math.Pow(0.10 / 0.08, 0.25), PlanResponse.Of(P, Accelerated, new PlanStanding(1.2, 0.5)).Effort, 9);
        // At 20 % of quota at the period's start the accelerator is 80 % away with a whole period's reach: 6 % + 4 % × 0.2.
        Assert.Equal(Math.Pow(0.068 / 0.08, 0.25), PlanResponse.Of(P, Accelerated, new PlanStanding(0.2, 0)).Effort, 9);
        // Late in the period the same rep can no longer reach it (Misra and Nair's horizon): only the 6 % counts.
        Assert.Equal(Math.Pow(0.06 / 0.08, 0.25), PlanResponse.Of(P, Accelerated, new PlanStanding(0.2, 0.9)).Effort, 9);
        // A spiff worth 2 % of a deal adds to the rate worked for.
        Assert.True(PlanResponse.Of(P, Accelerated, new PlanStanding(0.2, 0.9, 0.02)).Effort > PlanResponse.Of(P, Accelerated, new PlanStanding(0.2, 0.9)).Effort);
    }

    [Fact]
    public void Effort_reaches_the_behaviour_model_through_the_incentive_level()
    {
        Assert.Equal(0.5, PlanResponse.Incentive(0.5, 1), 12);
        Assert.Equal(0.7, PlanResponse.Incentive(0.5, 1.2), 12);
        Assert.Equal(0, PlanResponse.Incentive(0.2, 0.5));
        Assert.Equal(1, PlanResponse.Incentive(0.9, 1.5));
        var p = BehaviourParameters.Default;
        var rep = ProjectionSamples.Org.Reps.First();
        var quality = new ChannelQuality(0.5, 1m, 1);
        Assert.Equal(1, Growth.Domain.Projection.PlanPaths.WinMultiplier(p, quality, rep, 1));
        // More effort: faster first contact and more follow-ups win more; less effort wins less.
        Assert.True(Growth.Domain.Projection.PlanPaths.WinMultiplier(p, quality, rep, 1.2) > 1.02);
        Assert.True(Growth.Domain.Projection.PlanPaths.WinMultiplier(p, quality, rep, 0.5) < 0.9);
    }

    [Fact]
    public void Marginal_rates_and_thresholds_come_from_the_tier_table()
    {
        Assert.Equal(0.06, PlanResponse.MarginalRate(Accelerated, 0.5));
        Assert.Equal(0.10, PlanResponse.MarginalRate(Accelerated, 1.0));
        Assert.Equal(0, PlanResponse.MarginalRate(Accelerated, 2.0));
        Assert.Equal((1.0, 0.10), PlanResponse.NextThreshold(Accelerated, 0.5)!.Value);
        Assert.Null(PlanResponse.NextThreshold(Accelerated, 1.5));
        // Commission on the band from 90 % to 110 % of a 100,000 target: 10,000 at 6 % and 10,000 at 10 %.
        var terms = PlanTerms.Of(Accelerated, new Dictionary<string, double>());
        Assert.Equal(1600, terms.Pay(100_000, 90_000, 110_000), 6);
        Assert.Equal(0, terms.Pay(100_000, 200_000, 250_000));
    }

    [Fact]
    public void Every_effect_is_in_the_assumptions_catalogue_with_a_unit_and_a_source()
    {
        var rows = AssumptionCatalogue.Of(BehaviourParameters.Default).Where(a => a.Key.StartsWith("planResponse.", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, rows.Count);
        Assert.All(rows, a => Assert.False(string.IsNullOrWhiteSpace(a.Unit) || string.IsNullOrWhiteSpace(a.Source)));
        Assert.Contains(rows, a => a.Source.Contains("Chung", StringComparison.Ordinal));
        Assert.Contains(rows, a => a.Source.Contains("Misra", StringComparison.Ordinal));
        Assert.Contains(rows, a => a.Key == "planResponse.pullInDays" && a.Value == "30" && a.Unit == "days after the period's end");
    }
}
