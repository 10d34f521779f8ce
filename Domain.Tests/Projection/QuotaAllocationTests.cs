using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.TestSupport;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>Quota allocation top-down against bottom-up, and its effect on the spread of attainment (direction).</summary>
public class QuotaAllocationTests(ITestOutputHelper output)
{
    static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = 2 };
    static readonly Dictionary<string, double> Shares = new() { ["x"] = 0.25, ["y"] = 0.75 };

    [Fact]
    public void A_top_down_split_adds_up_to_the_total_exactly_in_proportion_to_the_weights()
    {
        var parts = QuotaAllocation.TopDown(100_000m, new Dictionary<string, double> { ["a"] = 1, ["b"] = 2, ["c"] = 0 });
        Assert.Equal(100_000m, parts.Values.Sum());
        Assert.Equal(0m, parts["c"]);
        Assert.InRange(parts["b"] / parts["a"], 1.99m, 2.01m);
        Assert.All(parts.Values, v => Assert.Equal(0m, v % 100));
        var even = QuotaAllocation.TopDown(900m, new Dictionary<string, double> { ["a"] = 0, ["b"] = 0, ["c"] = 0 });
        Assert.Equal(900m, even.Values.Sum());
    }

    [Fact]
    public void Territory_potential_follows_the_campaign_budget_of_each_region_shared_among_its_reps()
    {
        var org = ProjectionSamples.Org;
        var potential = QuotaAllocation.Potential(org);
        Assert.Equal(org.Reps.Count(), potential.Count);
        var budget = (double)org.Campaigns.Where(c => c.RegionIds.Count > 0).Sum(c => c.DailyBudget);
        Assert.Equal(budget, potential.Values.Sum(), 6);
    }

    [Fact]
    public void Quotas_split_by_what_reps_sell_narrow_the_spread_of_attainment_and_higher_quotas_lower_the_share_at_quota()
    {
        var request = ProjectionSamples.Request(weeks: 13, paths: 400) with { Organisation = PlanComparisonTests.Reachable, Seed = 7 };
        var baseline = new FunnelStore().Get(request, Cores);
        var (shared, repurchase) = PlanComparison.Share(baseline, request.Parameters.PlanResponse);
        var flat = new PlanOption("current", shared.Reps.ToDictionary(r => r.Id, _ => CompensationPlanSetup.Flat));
        // What each rep is projected to sell in the quarter (their expected wins × deal value) as last period's history.
        var sells = shared.Reps.Select((r, i) => (r.Id, Sold: shared.WinsPerWeek[i] * 13 * shared.DealValue)).ToDictionary(x => x.Id, x => x.Sold);
        var total = shared.Reps.Sum(r => r.Target);
        var even = shared.Reps.ToDictionary(r => r.Id, _ => 1.0);
        var allocations = new Dictionary<AllocationBasis, IReadOnlyDictionary<string, decimal>>
        {
            [AllocationBasis.History] = QuotaAllocation.TopDown(total, sells),
            [AllocationBasis.Potential] = QuotaAllocation.TopDown(total, even),
            [AllocationBasis.BottomUp] = shared.Reps.ToDictionary(r => r.Id, r => r.Target * 1.5m),
        };
        var outcomes = QuotaAllocation.Compare(shared, repurchase, flat, allocations, Shares, Cores).ToDictionary(o => o.Basis);
        foreach (var o in outcomes.Values)
            output.WriteLine($"{o.Basis}: total {o.Total:N0}, attainment {o.Lower:P0} / {o.Median:P0} / {o.Upper:P0} (spread {o.Spread:P0}), at quota {o.ShareAtQuota:P1}");

        Assert.Equal(total, outcomes[AllocationBasis.History].Total);
        Assert.Equal(total, outcomes[AllocationBasis.Potential].Total);
        Assert.True(outcomes[AllocationBasis.History].Spread < outcomes[AllocationBasis.Potential].Spread,
            $"quotas in proportion to what reps sell leave a narrower spread ({outcomes[AllocationBasis.History].Spread}) than an even split ({outcomes[AllocationBasis.Potential].Spread})");
        Assert.True(outcomes[AllocationBasis.BottomUp].ShareAtQuota < outcomes[AllocationBasis.Potential].ShareAtQuota,
            "half as much again on every quota leaves fewer reps at quota");
        Assert.True(outcomes[AllocationBasis.BottomUp].Median < outcomes[AllocationBasis.Potential].Median);
    }
}
