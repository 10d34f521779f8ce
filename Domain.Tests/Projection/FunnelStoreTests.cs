using System.Text.Json;
using Growth.Domain.Compensation;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Tests.Compensation;
using static Growth.TestSupport.ProjectionSamples;

namespace Growth.Domain.Tests.Projection;

/// <summary>A workspace's measured funnel kept between comparisons: same answers, measured once, measured anew when its inputs change.</summary>
public class FunnelStoreTests
{
    static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = 2 };
    static readonly Dictionary<string, double> Shares = new() { ["x"] = 0.25, ["y"] = 0.75 };

    static PlanOption[] Options() =>
    [
        PlanComparisonTests.Everyone("current", CompensationPlanSetup.Flat),
        PlanComparisonTests.Everyone("accelerated", PlanResponseTests.Accelerated),
    ];

    static ProjectionRequest Ask() => Request(weeks: 13, paths: 300) with { Organisation = PlanComparisonTests.Reachable, Seed = 3 };

    [Fact]
    public void A_kept_funnel_gives_the_comparison_a_fresh_measurement_gives_and_is_measured_once()
    {
        var store = new FunnelStore();
        var fresh = JsonSerializer.Serialize(PlanComparison.Compare(Ask(), Options(), Shares, parallel: Cores));
        var first = JsonSerializer.Serialize(PlanComparison.Compare(Ask(), Options(), Shares, parallel: Cores, store: store));
        var second = JsonSerializer.Serialize(PlanComparison.Compare(Ask(), Options(), Shares, parallel: Cores, store: store));
        Assert.Equal(fresh, first);
        Assert.Equal(fresh, second);
        Assert.Equal(1, store.Measured);
        Assert.Equal(1, store.BaselinesMeasured);
        Assert.True(store.Holds(Ask()));
        // Levers are not part of the funnel's key (plans are the only change a comparison makes).
        Assert.True(store.Holds(Ask() with { Levers = ProjectionLevers.None with { PriceChange = 0.1 } }));
    }

    [Fact]
    public void A_change_of_roster_targets_or_seed_measures_the_funnel_anew_while_history_keeps_it()
    {
        var store = new FunnelStore();
        store.Get(Ask(), Cores);
        var org = Ask().Organisation;
        ProjectionRequest[] changed =
        [
            // The setup changed a target.
            Ask() with { Organisation = org with { Teams = [org.Teams[0] with { Reps = [.. org.Teams[0].Reps.Select(r => r with { Target = r.Target + 1 })] }, .. org.Teams.Skip(1)] } },
            // The workspace's time moved on (history), or its customers changed.
            Ask() with { Start = Ask().Start.AddHours(1) },
            Ask() with { ExistingCustomers = Ask().ExistingCustomers + 1 },
            Ask() with { Seed = 4 },
        ];
        foreach (var request in changed) Assert.False(store.Holds(request));
        foreach (var request in changed) store.Get(request, Cores);
        // Every change runs the baseline's paths again; only the target and the seed measure the funnel again (the funnel's
        // sample journeys start at a fixed origin and carry no customers: time moving on does not change it).
        Assert.Equal(5, store.BaselinesMeasured);
        Assert.Equal(3, store.Measured);
        Assert.True(store.HoldsFunnel(changed[1]) && store.HoldsFunnel(changed[2]));
        // Capacity bounds what is kept: the least recently used goes first.
        var small = new FunnelStore(capacity: 2);
        small.Get(Ask(), Cores);
        small.Get(changed[1], Cores);
        small.Get(Ask(), Cores);
        small.Get(changed[2], Cores);
        Assert.True(small.Holds(Ask()) && small.Holds(changed[2]));
        Assert.False(small.Holds(changed[1]));
        Assert.Equal(3, small.BaselinesMeasured);
        Assert.Equal(1, small.Measured);
    }

    [Fact]
    public void A_funnel_measured_ahead_serves_the_first_ask_after_time_moved_on_with_the_answer_a_fresh_measurement_gives()
    {
        var store = new FunnelStore();
        // Measured when the What-if page opened; the workspace then ran on a week and won customers before the first ask.
        store.Warm(Ask() with { Levers = ProjectionLevers.None with { PriceChange = 0.1 } }, Cores);
        Assert.Equal(1, store.Measured);
        var later = Ask() with { Start = Ask().Start.AddDays(7), ExistingCustomers = Ask().ExistingCustomers + 12, OpenOpportunities = 5 };
        Assert.True(store.HoldsFunnel(later));
        Assert.False(store.Holds(later));
        var fresh = JsonSerializer.Serialize(PlanComparison.Compare(later, Options(), Shares, parallel: Cores));
        var first = JsonSerializer.Serialize(PlanComparison.Compare(later, Options(), Shares, parallel: Cores, store: store));
        Assert.Equal(fresh, first);
        Assert.Equal(1, store.Measured);
        // A changed behaviour model (the workspace was calibrated) is a new funnel.
        var calibrated = later with { Parameters = later.Parameters with { ListPrice = later.Parameters.ListPrice + 1 } };
        Assert.False(store.HoldsFunnel(calibrated));
    }
}
