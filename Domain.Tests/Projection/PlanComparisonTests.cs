using System.Text.Json;
using Growth.Domain.Compensation;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Tests.Compensation;
using Xunit.Abstractions;
using static Growth.TestSupport.ProjectionSamples;

namespace Growth.Domain.Tests.Projection;

/// <summary>Plans side by side through the projection: determinism, ordered bands, agreement with the projection, directions.</summary>
public class PlanComparisonTests(ITestOutputHelper output)
{
    /// <summary>The sample organisation with quarterly targets about what its reps sell, so about half reach them.</summary>
    internal static readonly Growth.Domain.Organisations.Organisation Reachable = Org with
    {
        Teams = Org.Teams.Select(t => t with { Reps = t.Reps.Select(r => r with { Target = 20_000m }).ToList() }).ToList(),
    };

    static readonly Dictionary<string, double> Shares = new() { ["x"] = 0.25, ["y"] = 0.75 };

    internal static PlanOption Everyone(string name, CompensationPlanSetup plan) =>
        new(name, Org.Reps.ToDictionary(r => r.Id, _ => plan));

    static readonly CompensationPlanSetup WithSpiff = PlanResponseTests.Accelerated with { Spiffs = [new() { Product = "x", Amount = 2000 }] };

    static PlanComparisonResult Compare(ulong seed = 5, int paths = 500, params PlanOption[] options) =>
        PlanComparison.Compare(Request(weeks: 26, paths: paths) with { Seed = seed, Organisation = Reachable },
            options.Length > 0 ? options : [Everyone("current", CompensationPlanSetup.Flat), Everyone("accelerated", WithSpiff)], Shares);

    [Fact]
    public void The_same_seed_gives_the_same_comparison_and_another_seed_another()
    {
        var one = JsonSerializer.Serialize(Compare());
        Assert.Equal(one, JsonSerializer.Serialize(Compare()));
        Assert.NotEqual(one, JsonSerializer.Serialize(Compare(seed: 6)));
    }

    [Fact]
    public void Payout_bands_are_ordered_per_rep_and_in_total()
    {
        var result = Compare();
        foreach (var o in result.Options)
        {
            foreach (var band in new[] { o.Revenue, o.NewBusiness, o.CostOfSales, o.MarginAfterPay, o.RepsAtQuota, o.RepsFarBelowOte })
                Assert.True(band.P10 <= band.P50 && band.P50 <= band.P90, $"{o.Name}: {band}");
            Assert.Equal(Org.Reps.Count(), o.Reps.Count);
            foreach (var rep in o.Reps)
                Assert.True(rep.Payout.P10 <= rep.Payout.P50 && rep.Payout.P50 <= rep.Payout.P90 && rep.Payout.P10 >= 0, $"{o.Name} {rep.RepId}: {rep.Payout}");
            // The company's cost of sales is the reps' pay summed, path by path (so in the mean).
            Assert.Equal(o.Reps.Sum(r => r.Payout.Mean), o.CostOfSales.Mean, 0);
            Assert.InRange(o.ShareAtQuota, 0, 1);
        }
    }

    [Fact]
    public void Under_the_flat_plan_the_reps_book_what_the_projection_books_and_pay_8_percent()
    {
        var request = Request(weeks: 26, paths: 500);
        var projection = ProjectionEngine.Run(request);
        var result = PlanComparison.Compare(request, [Everyone("current", CompensationPlanSetup.Flat)], Shares);
        var current = result.Options[0];
        var gap = (current.Revenue.Mean - projection.Revenue.Mean) / projection.Revenue.Mean;
        output.WriteLine($"projection {projection.Revenue.Mean:N0}, plan paths {current.Revenue.Mean:N0} ({gap:P2}); cost {current.CostOfSales.Mean:N0}");
        Assert.InRange(gap, -0.05, 0.05);
        Assert.Equal(0.08 * current.NewBusiness.Mean, current.CostOfSales.Mean, 0);
    }

    [Fact]
    public void The_demo_plan_changes_revenue_cost_and_reps_at_quota_and_every_spiff_is_paid()
    {
        var result = Compare(paths: 1000);
        var (flat, accelerated) = (result.Options[0], result.Options[1]);
        output.WriteLine($"flat: revenue {flat.Revenue.Mean:N0} cost {flat.CostOfSales.Mean:N0} at quota {flat.RepsAtQuota.Mean:N2}; "
            + $"accelerated: revenue {accelerated.Revenue.Mean:N0} cost {accelerated.CostOfSales.Mean:N0} at quota {accelerated.RepsAtQuota.Mean:N2}");
        Assert.NotEqual(flat.Revenue.Mean, accelerated.Revenue.Mean);
        Assert.NotEqual(flat.CostOfSales.Mean, accelerated.CostOfSales.Mean);
        // 2,000 on a quarter of the deals is far above 8 % of a deal worth a few thousand: pay per revenue rises.
        Assert.True(accelerated.PayoutShare > flat.PayoutShare);
        Assert.InRange(flat.ShareAtQuota, 0.2, 0.8);
        Assert.NotEqual(flat.RepsAtQuota.Mean, accelerated.RepsAtQuota.Mean);
    }

    [Fact]
    public void A_cap_at_quota_costs_revenue_and_a_richer_rate_buys_some()
    {
        var capped = PlanResponseTests.Accelerated with { Tiers = [new() { From = 0, Rate = 0.08 }], Cap = 1 };
        var richer = CompensationPlanSetup.Flat with { Tiers = [new() { From = 0, Rate = 0.12 }] };
        var result = Compare(paths: 1000, options: [Everyone("flat", CompensationPlanSetup.Flat), Everyone("capped", capped), Everyone("richer", richer)]);
        var (flat, cap, rich) = (result.Options[0], result.Options[1], result.Options[2]);
        output.WriteLine($"flat {flat.NewBusiness.Mean:N0}, capped {cap.NewBusiness.Mean:N0}, richer {rich.NewBusiness.Mean:N0}");
        Assert.True(cap.NewBusiness.Mean < flat.NewBusiness.Mean * 0.98, "reps past a cap at quota hold deals back and slow down");
        Assert.True(cap.RepsAtQuota.Mean <= flat.RepsAtQuota.Mean);
        Assert.True(rich.NewBusiness.Mean > flat.NewBusiness.Mean * 1.01, "12 % against 8 % raises effort");
        Assert.True(rich.CostOfSales.Mean > flat.CostOfSales.Mean * 1.4);
    }

    [Fact]
    public void Bad_plans_are_refused_naming_the_field()
    {
        var products = new HashSet<string> { "x" };
        Assert.Equal("plans: give at least one plan to compare with the current one", PlanComparison.Validate([], products));
        var badRate = PlanResponseTests.Accelerated with { Tiers = [new() { From = 0, To = 1, Rate = 0.06 }, new() { From = 1, Rate = 1.5 }] };
        Assert.StartsWith("plans[0].tiers[1].rate:", PlanComparison.Validate([badRate], products));
        var gap = PlanResponseTests.Accelerated with { Tiers = [new() { From = 0, To = 1, Rate = 0.06 }, new() { From = 1.2, Rate = 0.1 }] };
        Assert.StartsWith("plans[0].tiers[1].from:", PlanComparison.Validate([gap], products));
        Assert.StartsWith("plans[1].cap:", PlanComparison.Validate([WithSpiff, PlanResponseTests.Accelerated with { Name = "b", Cap = 0.5 }], products));
        var unknown = PlanComparison.Validate([PlanResponseTests.Accelerated with { Spiffs = [new() { Product = "z", Amount = 1 }] }], products);
        Assert.Equal("plans[0].spiffs[0].product: unknown product 'z' (the catalogue has x)", unknown);
        Assert.StartsWith("plans[1].name:", PlanComparison.Validate([WithSpiff, WithSpiff], products));
        Assert.Null(PlanComparison.Validate([WithSpiff], products));
    }
}
