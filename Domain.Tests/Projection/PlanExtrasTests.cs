using Growth.Domain.Compensation;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Xunit.Abstractions;
using static Growth.TestSupport.ProjectionSamples;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// Team bonus, clawbacks and draws in the plan what-if: direction and exact size on small cases. Every option draws
/// its deals from the same seeds, so a part of pay that changes no behaviour changes cost by exactly its own amount.
/// </summary>
public class PlanExtrasTests(ITestOutputHelper output)
{
    static readonly Dictionary<string, double> Shares = new() { ["x"] = 0.25, ["y"] = 0.75 };
    static readonly int Reps = Org.Reps.Count();
    static readonly CompensationPlanSetup Flat = CompensationPlanSetup.Flat;

    /// <summary>26 weeks: two whole quarters.</summary>
    static PlanComparisonResult Compare(params CompensationPlanSetup[] plans) =>
        PlanComparison.Compare(Request(weeks: 26, paths: 400) with { Organisation = PlanComparisonTests.Reachable },
            plans.Select((p, i) => PlanComparisonTests.Everyone($"option {i}", p)).ToList(), Shares);

    [Fact]
    public void A_team_bonus_every_team_earns_costs_exactly_its_amount_per_rep_and_quarter()
    {
        var always = Flat with { Id = "bonus", TeamBonus = new() { Amount = 2000, Threshold = 0 } };
        var result = Compare(Flat, always);
        var (flat, bonus) = (result.Options[0], result.Options[1]);
        Assert.Equal(flat.NewBusiness.Mean, bonus.NewBusiness.Mean);
        Assert.Equal(2000.0 * Reps * 2, bonus.Pay!.TeamBonus, 6);
        Assert.Equal(flat.CostOfSales.Mean + 2000.0 * Reps * 2, bonus.CostOfSales.Mean, 4);
        Assert.Equal(0, flat.Pay!.TeamBonus);
    }

    [Fact]
    public void A_team_bonus_at_quota_is_paid_on_some_paths_and_a_higher_threshold_pays_less()
    {
        var atQuota = Flat with { Id = "at-quota", TeamBonus = new() { Amount = 2000, Threshold = 1.0 } };
        var stretch = Flat with { Id = "stretch", TeamBonus = new() { Amount = 2000, Threshold = 1.3 } };
        var result = Compare(Flat, atQuota, stretch);
        var (flat, quota, high) = (result.Options[0], result.Options[1], result.Options[2]);
        output.WriteLine($"team bonus at 100 %: {quota.Pay!.TeamBonus:N0}, at 130 %: {high.Pay!.TeamBonus:N0} (at most {2000.0 * Reps * 2:N0})");
        Assert.InRange(quota.Pay!.TeamBonus, 1, 2000.0 * Reps * 2 - 1);
        Assert.True(high.Pay!.TeamBonus < quota.Pay.TeamBonus);
        // Every bonus paid is a multiple of 2,000 on every path, so the mean cost rises by exactly the mean bonus.
        Assert.Equal(flat.CostOfSales.Mean + quota.Pay.TeamBonus, quota.CostOfSales.Mean, 1);
    }

    [Fact]
    public void A_clawback_takes_back_the_commission_of_deals_reversed_within_its_days_and_longer_windows_take_more()
    {
        var (shared, repurchase) = PlanComparison.Share(Request(weeks: 26, paths: 400) with { Organisation = PlanComparisonTests.Reachable },
            PlanResponseParameters.Default, new ParallelOptions());
        output.WriteLine($"reversed within 30 days {shared.ReversedWithin(30):P2}, 90 days {shared.ReversedWithin(90):P2}, 180 days {shared.ReversedWithin(180):P2}");
        Assert.True(shared.ReversedWithin(180) >= shared.ReversedWithin(30));
        Assert.True(shared.ReversedWithin(180) > 0, "the sample's customers churn");
        PlanOutcome Run(PlanPaths.Shared s, CompensationPlanSetup plan) =>
            PlanPaths.Run(s, PlanComparisonTests.Everyone(plan.Id, plan), Shares, repurchase, new ParallelOptions());
        var flat = Run(shared, Flat);
        var month = Run(shared, Flat with { Id = "30 days", Clawback = new() { Days = 30 } });
        var half = Run(shared, Flat with { Id = "180 days", Clawback = new() { Days = 180 } });
        Assert.Equal(flat.NewBusiness.Mean, half.NewBusiness.Mean);
        Assert.True(half.Pay!.Clawbacks < 0 && half.Pay.Clawbacks <= month.Pay!.Clawbacks);
        Assert.Equal(flat.CostOfSales.Mean + half.Pay.Clawbacks, half.CostOfSales.Mean, 1);
        // Every deal churning within the days: the whole commission comes back, spiffs and base stay.
        var allReversed = shared with { ReversedShareWithin = Enumerable.Repeat(1.0, 366).ToArray() };
        var spiff = Flat with { Id = "all back", Clawback = new() { Days = 30 }, Spiffs = [new() { Product = "x", Amount = 500 }] };
        var back = Run(allReversed, spiff);
        Assert.Equal(-back.Pay!.Commission, back.Pay.Clawbacks, 2);
        Assert.Equal(back.Pay.Spiffs, back.CostOfSales.Mean, 1);
    }

    [Fact]
    public void A_draw_above_any_pay_is_paid_in_full_and_a_small_one_raises_cost_by_less_than_it_advances()
    {
        var big = Flat with { Id = "big draw", Draw = 1_000_000m };
        var small = Flat with { Id = "small draw", Draw = 600m };
        var result = Compare(Flat, big, small);
        var (flat, whole, part) = (result.Options[0], result.Options[1], result.Options[2]);
        // Nobody earns a million a quarter: every rep is paid exactly the draw, twice.
        Assert.Equal(1_000_000.0 * Reps * 2, whole.CostOfSales.Mean, 0);
        output.WriteLine($"flat cost {flat.CostOfSales.Mean:N0}; with a 600 draw {part.CostOfSales.Mean:N0} (draws {part.Pay!.Draws:N0})");
        Assert.True(part.Pay!.Draws > 0);
        Assert.True(part.CostOfSales.Mean > flat.CostOfSales.Mean);
        // Reps who earn more than the draw in a later quarter pay back what they were advanced, so the net cost of
        // the draw stays below paying 600 to every rep whose quarter fell short.
        Assert.Equal(flat.CostOfSales.Mean + part.Pay.Draws, part.CostOfSales.Mean, 1);
        Assert.True(part.Pay.Draws < 600.0 * Reps * 2);
        Assert.Equal(flat.NewBusiness.Mean, part.NewBusiness.Mean);
    }
}
