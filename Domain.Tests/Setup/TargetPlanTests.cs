using Growth.Domain.Setup;
using static Growth.Domain.Tests.Setup.ValidSetup;

namespace Growth.Domain.Tests.Setup;

public class TargetPlanTests
{
    /// <summary>North: north-1 (rep-1..3), north-2 (rep-4..6); South: south-1 (rep-7, rep-8). Quotas 90,000 a quarter.</summary>
    static SetupDocument Setup(TargetAllocation allocation, params TargetSetup[] targets) =>
        Document() with { Targets = new TargetsSetup { Allocation = allocation, Targets = targets } };

    static TargetSetup Target(TargetLevel level, string? id, decimal amount, string period = "FY2027-Q1") =>
        new() { Level = level, Id = id, Period = period, Amount = amount };

    [Fact]
    public void Without_any_target_reps_carry_their_quota_and_groups_sum_them()
    {
        var sheet = TargetPlan.For(Setup(TargetAllocation.ByCapacity), "FY2027-Q1")!;
        Assert.Equal(90_000m, sheet.Reps["rep-1"]);
        Assert.Equal(270_000m, sheet.Teams["north-1"]);
        Assert.Equal(540_000m, sheet.Regions["north"]);
        Assert.Equal(720_000m, sheet.Company);
        Assert.Equal(720_000m, sheet.BottomUp);
    }

    [Fact]
    public void A_month_is_a_third_of_the_quarterly_quota_and_a_year_four_quarters()
    {
        var document = Setup(TargetAllocation.Even).WithRep(0, 0, 0, r => r with { Quota = 100_000 });
        Assert.Equal(33_333.33m, TargetPlan.For(document, "FY2027-M02")!.Reps["rep-1"]);
        Assert.Equal(400_000m, TargetPlan.For(document, "FY2027")!.Reps["rep-1"]);
    }

    [Fact]
    public void A_named_period_prorates_the_quota_by_days_against_its_quarter()
    {
        // FY-P2 is 1-28 February 2027 (28 days); the fiscal year starts in April, so February lies in FY2027-Q4 (Jan-Mar, 90 days)
        var sheet = TargetPlan.For(Setup(TargetAllocation.Even), "FY-P2")!;
        Assert.Equal(Math.Round(90_000m * 28 / 90, 2), sheet.Reps["rep-1"]);
    }

    [Fact]
    public void A_company_target_is_allocated_by_capacity()
    {
        var document = Setup(TargetAllocation.ByCapacity, Target(TargetLevel.Company, null, 1_000_000))
            .WithRep(1, 0, 0, r => r with { Capacity = 120 }); // rep-7: 120, everyone else 40 → 400 in all
        var sheet = TargetPlan.For(document, "FY2027-Q1")!;
        Assert.Equal(1_000_000m, sheet.Company);
        Assert.Equal(600_000m, sheet.Regions["north"]); // 240 of 400
        Assert.Equal(400_000m, sheet.Regions["south"]);
        Assert.Equal(300_000m, sheet.Reps["rep-7"]);
        Assert.Equal(100_000m, sheet.Reps["rep-8"]);
        Assert.Equal(100_000m, sheet.Reps["rep-1"]);
        Assert.Equal(720_000m, sheet.BottomUp); // the quotas still show beside the top-down target
        Assert.Equal(180_000m, sheet.BottomUpRegions["south"]);
    }

    [Fact]
    public void Even_allocation_gives_every_rep_the_same()
    {
        var sheet = TargetPlan.For(Setup(TargetAllocation.Even, Target(TargetLevel.Company, null, 800_000)), "FY2027-Q1")!;
        Assert.All(sheet.Reps.Values, v => Assert.Equal(100_000m, v));
        Assert.Equal(600_000m, sheet.Regions["north"]);
    }

    [Fact]
    public void History_allocation_follows_last_periods_revenue_and_falls_back_to_even()
    {
        var history = new Dictionary<string, decimal> { ["rep-7"] = 30_000, ["rep-8"] = 10_000 };
        var sheet = TargetPlan.For(Setup(TargetAllocation.ByHistory, Target(TargetLevel.Team, "south-1", 200_000)), "FY2027-Q1", history)!;
        Assert.Equal(150_000m, sheet.Reps["rep-7"]);
        Assert.Equal(50_000m, sheet.Reps["rep-8"]);

        var noHistory = TargetPlan.For(Setup(TargetAllocation.ByHistory, Target(TargetLevel.Team, "south-1", 200_000)), "FY2027-Q1")!;
        Assert.Equal(100_000m, noHistory.Reps["rep-7"]);
        var zeros = new Dictionary<string, decimal> { ["rep-7"] = 0, ["rep-8"] = 0 };
        Assert.Equal(100_000m, TargetPlan.For(Setup(TargetAllocation.ByHistory, Target(TargetLevel.Team, "south-1", 200_000)), "FY2027-Q1", zeros)!.Reps["rep-8"]);
    }

    [Fact]
    public void An_explicit_target_wins_and_its_siblings_share_what_is_left()
    {
        var document = Setup(TargetAllocation.Even,
            Target(TargetLevel.Company, null, 1_000_000), Target(TargetLevel.Region, "north", 700_000), Target(TargetLevel.Rep, "rep-1", 200_000));
        var sheet = TargetPlan.For(document, "FY2027-Q1")!;
        Assert.Equal(700_000m, sheet.Regions["north"]);
        Assert.Equal(300_000m, sheet.Regions["south"]);
        Assert.Equal(350_000m, sheet.Teams["north-1"]);
        Assert.Equal(200_000m, sheet.Reps["rep-1"]);
        Assert.Equal(75_000m, sheet.Reps["rep-2"]); // (350,000 - 200,000) / 2
        Assert.Equal(150_000m, sheet.Reps["rep-7"]);
    }

    [Fact]
    public void Targets_of_other_periods_do_not_apply()
    {
        var document = Setup(TargetAllocation.Even, Target(TargetLevel.Company, null, 1_000_000, "FY2027-Q2"));
        Assert.Equal(720_000m, TargetPlan.For(document, "FY2027-Q1")!.Company);
        Assert.Equal(1_000_000m, TargetPlan.For(document, "FY2027-Q2")!.Company);
        Assert.Null(TargetPlan.For(document, "FY2027-Q9"));
    }

    [Fact]
    public void A_group_without_a_target_above_sums_its_members_targets()
    {
        var sheet = TargetPlan.For(Setup(TargetAllocation.Even, Target(TargetLevel.Team, "north-2", 30_000)), "FY2027-Q1")!;
        Assert.Equal(10_000m, sheet.Reps["rep-4"]);
        Assert.Equal(270_000m + 30_000m, sheet.Regions["north"]);
        Assert.Equal(300_000m + 180_000m, sheet.Company);
    }

    [Fact]
    public void Allocation_conserves_the_amount_giving_the_rounding_remainder_to_the_largest_share()
    {
        var parts = TargetPlan.Allocate(100m, [1, 1, 1]);
        Assert.Equal(100m, parts.Sum());
        Assert.Equal([33.34m, 33.33m, 33.33m], parts);
        var weighted = TargetPlan.Allocate(1000m, [1, 5, 3]);
        Assert.Equal(1000m, weighted.Sum());
        Assert.Equal(555.56m, weighted[1]);
        Assert.Equal([50m, 50m], TargetPlan.Allocate(100m, [0, 0]));
        Assert.Empty(TargetPlan.Allocate(100m, []));
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var amount = Math.Round((decimal)random.NextDouble() * 1_000_000m, 2);
            var weights = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (decimal)random.Next(0, 500)).ToArray();
            Assert.Equal(amount, TargetPlan.Allocate(amount, weights).Sum());
        }
    }

    [Fact]
    public void A_sheet_adds_up_at_every_level_when_allocated_top_down()
    {
        var document = Setup(TargetAllocation.ByCapacity, Target(TargetLevel.Company, null, 1_000_000.01m))
            .WithRep(0, 0, 1, r => r with { Capacity = 37 }).WithRep(0, 1, 2, r => r with { Capacity = 11 });
        var sheet = TargetPlan.For(document, "FY2027-Q1")!;
        Assert.Equal(sheet.Company, sheet.Regions.Values.Sum());
        Assert.Equal(sheet.Company, sheet.Teams.Values.Sum());
        Assert.Equal(sheet.Company, sheet.Reps.Values.Sum());
        Assert.Equal(sheet.Teams["north-1"] + sheet.Teams["north-2"], sheet.Regions["north"]);
    }
}
