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
        Assert.True(store.Holds(Ask()));
        // Levers are not part of the funnel's key (plans are the only change a comparison makes).
        Assert.True(store.Holds(Ask() with { Levers = ProjectionLevers.None with { PriceChange = 0.1 } }));
    }

    [Fact]
    public void A_change_of_roster_targets_history_or_seed_is_measured_anew()
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
        Assert.Equal(5, store.Measured);
        // Capacity bounds what is kept: the least recently used goes first.
        var small = new FunnelStore(capacity: 2);
        small.Get(Ask(), Cores);
        small.Get(changed[1], Cores);
        small.Get(Ask(), Cores);
        small.Get(changed[2], Cores);
        Assert.True(small.Holds(Ask()) && small.Holds(changed[2]));
        Assert.False(small.Holds(changed[1]));
        Assert.Equal(3, small.Measured);
    }
}
