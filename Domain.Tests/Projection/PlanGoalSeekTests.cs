using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.TestSupport;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>Goal seek's plan lever: the smallest multiplier on the pay plan's rates that reaches a target with the chance asked.</summary>
public class PlanGoalSeekTests(ITestOutputHelper output)
{
    static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = 2 };
    static readonly Dictionary<string, double> Shares = new() { ["x"] = 0.25, ["y"] = 0.75 };

    static GoalSeekRequest Ask(decimal target) => new()
    {
        Base = ProjectionSamples.Request(paths: 400) with { Organisation = PlanComparisonTests.Reachable },
        Period = "FY2026-Q1",
        End = ProjectionSamples.Request().Start.AddDays(66.5),
        Booked = 100_000m,
        Probability = 0.8,
        Target = target,
    };

    static Dictionary<string, CompensationPlanSetup> Flat() => PlanComparisonTests.Reachable.Reps.ToDictionary(r => r.Id, _ => CompensationPlanSetup.Flat);

    static PlanAnswer Seek(decimal target, PlanLever lever, FunnelStore? store = null) =>
        PlanGoalSeek.Seek(Ask(target), lever, Flat(), Shares, Cores, store);

    /// <summary>The 80 % line under today's plans, from the same per-rep paths (the answer at multiplier 1 reaches it exactly).</summary>
    static decimal Line(FunnelStore store)
    {
        decimal lo = 100_000m, hi = 2_000_000m;
        while (hi - lo > 500) { var mid = (lo + hi) / 2; if (Seek(mid, PlanLever.Accelerator, store).OddsNow >= 0.8) lo = mid; else hi = mid; }
        return lo;
    }

    [Fact]
    public void A_higher_target_needs_higher_rates_a_lower_one_less_and_the_answer_reaches_the_odds()
    {
        var store = new FunnelStore();
        var line = Line(store);
        var hard = Seek(line * 1.01m, PlanLever.Commission, store);
        var easy = Seek(line * 0.99m, PlanLever.Commission, store);
        var far = Seek(line * 3, PlanLever.Commission, store);
        output.WriteLine($"line {line:N0}; hard {hard}; easy {easy}; far {far}");

        Assert.True(hard.Reachable && hard.Multiplier > 1, $"a target above the 80 % line needs more commission ({hard})");
        Assert.True(hard.OddsNow < 0.8 && hard.Odds >= 0.8);
        Assert.True(hard.CostChange > 0);
        Assert.True(easy.Reachable && easy.Multiplier < 1 && easy.CostChange < 0, $"below it, less commission does ({easy})");
        Assert.True(easy.Odds >= 0.8);
        Assert.False(far.Reachable);
        Assert.Equal(PlanGoalSeek.MaxCommission, far.Multiplier);
        // Same question, same answer (one seed, one funnel: common random numbers); the funnel was measured once.
        Assert.Equal(hard, Seek(line * 1.01m, PlanLever.Commission, store));
        Assert.Equal(1, store.Measured);
    }

    [Fact]
    public void The_accelerator_alone_needs_a_larger_multiplier_than_every_rate_and_never_less_than_today()
    {
        var store = new FunnelStore();
        var line = Line(store);
        var commission = Seek(line * 1.01m, PlanLever.Commission, store);
        var accelerator = Seek(line * 1.01m, PlanLever.Accelerator, store);
        var easy = Seek(line * 0.9m, PlanLever.Accelerator, store);
        output.WriteLine($"commission {commission}; accelerator {accelerator}; easy {easy}");
        Assert.True(accelerator.Multiplier >= commission.Multiplier, $"{accelerator.Multiplier} vs {commission.Multiplier}");
        Assert.Equal(1, easy.Multiplier);
    }

    [Fact]
    public void Moving_the_accelerator_splits_the_tier_at_quota_and_caps_rates()
    {
        var flat = PlanGoalSeek.Moved(CompensationPlanSetup.Flat, PlanLever.Accelerator, 1.5);
        Assert.Equal([(0.0, (double?)1.0, 0.08), (1.0, null, 0.12)], flat.Tiers.Select(t => (t.From, t.To, Math.Round(t.Rate, 6))));
        var all = PlanGoalSeek.Moved(CompensationPlanSetup.Flat, PlanLever.Commission, 20);
        Assert.Equal(1, Assert.Single(all.Tiers).Rate);
        var tiered = CompensationPlanSetup.Flat with { Tiers = [new() { From = 0, To = 1, Rate = 0.06 }, new() { From = 1, Rate = 0.10 }] };
        Assert.Equal([0.06, 0.2], PlanGoalSeek.Moved(tiered, PlanLever.Accelerator, 2).Tiers.Select(t => Math.Round(t.Rate, 6)));
    }

    [Fact]
    public void The_plan_lever_needs_a_target()
    {
        var e = Assert.Throws<ArgumentException>(() => PlanGoalSeek.Seek(Ask(1) with { Target = null }, PlanLever.Commission, Flat(), Shares, Cores));
        Assert.Contains("target", e.Message);
    }
}
