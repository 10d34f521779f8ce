using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;
using Xunit.Abstractions;
using static Growth.TestSupport.ProjectionSamples;

namespace Growth.Domain.Tests.Projection;

/// <summary>The engine: deterministic per seed whatever the cores, coherent distributions, odds, costs, export.</summary>
public class ProjectionEngineTests(ITestOutputHelper output)
{
    [Fact]
    public void The_same_request_gives_the_same_result_on_one_core_or_many()
    {
        var one = ProjectionEngine.Run(Request(), maxParallelism: 1);
        var many = ProjectionEngine.Run(Request(), maxParallelism: 4);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(one), System.Text.Json.JsonSerializer.Serialize(many));
        var other = ProjectionEngine.Run(Request() with { Seed = 6 });
        Assert.NotEqual(one.Revenue.Mean, other.Revenue.Mean);
    }

    [Fact]
    public void Bands_are_ordered_cumulative_revenue_grows_and_totals_add_up()
    {
        var r = ProjectionEngine.Run(Request());
        Assert.Equal(13, r.Timeline.Count);
        Assert.Equal(600, r.Paths);
        foreach (var w in r.Timeline)
        {
            Assert.True(w.Revenue.P10 <= w.Revenue.P50 && w.Revenue.P50 <= w.Revenue.P90, $"week {w.Week}");
            Assert.True(w.CumulativeRevenue.P10 <= w.CumulativeRevenue.P90);
            Assert.True(w.Revenue.Mean > 0);
        }
        for (var t = 1; t < r.Timeline.Count; t++) Assert.True(r.Timeline[t].CumulativeRevenue.Mean > r.Timeline[t - 1].CumulativeRevenue.Mean);
        Assert.Equal(r.Revenue.Mean, r.Timeline[^1].CumulativeRevenue.Mean, 0);
        Assert.Equal(r.Revenue.Mean / 13, r.WeeklyRevenue.Mean, 0);
        Assert.True(r.Revenue.P10 < r.Revenue.P90, "a distribution, not a point");
        Assert.True(r.NewCustomers.Mean > 0 && r.Repurchases.Mean > 0 && r.Cash.Mean > 0);
        // The formula recomposes the revenue: (effective leads x conversion + existing) x repurchase count x AOV.
        var f = r.Factors;
        Assert.Equal(r.Revenue.Mean, (f.EffectiveLeads * f.LeadConversion + f.ExistingCustomers) * f.RepurchaseCount * f.AverageOrderValue, r.Revenue.Mean * 0.001);
    }

    [Fact]
    public void The_chance_of_reaching_a_target_falls_as_the_target_rises_and_matches_the_band()
    {
        var mean = ProjectionEngine.Run(Request()).Revenue;
        double Odds(double target) => ProjectionEngine.Run(Request() with { Targets = new() { Revenue = (decimal)target } }).Company.Probability;
        Assert.Equal(1.0, Odds(mean.P10 * 0.5));
        Assert.InRange(Odds(mean.P10), 0.85, 0.95);
        Assert.InRange(Odds(mean.P50), 0.45, 0.55);
        Assert.InRange(Odds(mean.P90), 0.05, 0.15);
        Assert.Equal(0.0, Odds(mean.P90 * 2));
    }

    [Fact]
    public void Region_and_team_targets_get_their_own_odds_and_regions_share_the_revenue()
    {
        var regions = Org.Regions.ToDictionary(r => r.Id, _ => 1m);
        var r = ProjectionEngine.Run(Request() with { Targets = new() { Regions = regions, Teams = new Dictionary<string, decimal> { [Org.Teams[0].Id] = 1e12m } } });
        Assert.Equal(2, r.Regions.Count);
        Assert.All(r.Regions, x => Assert.Equal(1.0, x.Probability));
        Assert.Equal(r.Revenue.Mean, r.Regions.Sum(x => x.Projected.Mean), r.Revenue.Mean * 0.01);
        Assert.Equal(0.0, Assert.Single(r.Teams).Probability);
    }

    [Fact]
    public void Incentive_cost_is_the_plan_applied_to_what_is_sold()
    {
        var plan = new IncentivePlan { CommissionRate = 0.1, SpiffPerDeal = 100m };
        var r = ProjectionEngine.Run(Request(new ProjectionLevers { Incentive = plan }));
        var newBusiness = r.Revenue.Mean - r.Repurchases.Mean * 0; // commission is on new business only: below 10 % of all revenue
        Assert.True(r.Cost.Incentive.Mean > 0.1 * newBusiness * 0.2 && r.Cost.Incentive.Mean < 0.1 * newBusiness + 100 * r.NewCustomers.Mean * 1.2);
        Assert.Equal(0m, r.Cost.Hires);
        Assert.True(r.Cost.Marketing > 0);
        var hired = ProjectionEngine.Run(Request(new ProjectionLevers { Hires = [new Hire(3, 2)], CostPerRepWeek = 1000m }));
        Assert.Equal(2 * 10 * 1000m, hired.Cost.Hires);
        Assert.Equal(Org.Reps.Count() + 2, hired.Headcount);
    }

    [Fact]
    public void The_pipeline_in_flight_closes_over_the_first_weeks()
    {
        var empty = ProjectionEngine.Run(Request());
        var full = ProjectionEngine.Run(Request() with { OpenOpportunities = 300, OpenQualified = 200 });
        var prepared = ProjectionEngine.Prepare(Request());
        Assert.InRange(prepared.Kernels.WinInFlight, 0.15, 0.6);
        var expected = 300 * prepared.Kernels.WinInFlight + 200 * prepared.Kernels.WinEffective;
        Assert.InRange(full.NewCustomers.Mean - empty.NewCustomers.Mean, expected * 0.8, expected * 1.1);
        // Most of it lands early: open opportunities are a few conversation steps from closing.
        var early = full.Timeline.Take(4).Sum(w => w.NewCustomers.Mean) - empty.Timeline.Take(4).Sum(w => w.NewCustomers.Mean);
        Assert.True(early > 0.7 * (full.NewCustomers.Mean - empty.NewCustomers.Mean), $"early {early}");
        Assert.True(full.Revenue.Mean > empty.Revenue.Mean);
    }

    [Fact]
    public void Invalid_requests_say_what_is_wrong()
    {
        Assert.Contains("weeks", Request(weeks: 0).Validate());
        Assert.Contains("weeks", Request(weeks: 105).Validate());
        Assert.Contains("paths", Request(paths: 10).Validate());
        Assert.Contains("commissionRate", Request(new ProjectionLevers { Incentive = new IncentivePlan { CommissionRate = 0.9 } }).Validate());
        Assert.Contains("budgetScale.Ads", Request(new ProjectionLevers { BudgetScale = new Dictionary<Channel, double> { [Channel.Ads] = -1 } }).Validate());
        Assert.Contains("hires", Request(new ProjectionLevers { Hires = [new Hire(20, 1)] }).Validate());
        Assert.Contains("discount", Request(new ProjectionLevers { Discount = 0.9 }).Validate());
        Assert.Contains("unknown region", (Request() with { Targets = new() { Regions = new Dictionary<string, decimal> { ["nowhere"] = 1 } } }).Validate());
        Assert.Null(Request().Validate());
        Assert.Throws<ArgumentException>(() => ProjectionEngine.Run(Request(weeks: 0)));
    }

    [Fact]
    public void Binomial_draws_have_the_right_mean_and_spread()
    {
        var rng = new Prng(3);
        foreach (var (n, p) in new[] { (20L, 0.1), (1000L, 0.3), (50L, 0.9), (100_000L, 0.02) })
        {
            var draws = Enumerable.Range(0, 4000).Select(_ => (double)Sampling.Binomial(rng, n, p)).ToArray();
            var mean = draws.Average();
            var sd = Math.Sqrt(draws.Select(d => (d - mean) * (d - mean)).Average());
            Assert.InRange(mean, n * p * 0.97 - 0.1, n * p * 1.03 + 0.1);
            Assert.InRange(sd, Math.Sqrt(n * p * (1 - p)) * 0.9, Math.Sqrt(n * p * (1 - p)) * 1.1);
            Assert.All(draws, d => Assert.InRange(d, 0, n));
        }
    }

    [Fact]
    public void Comparison_runs_scenarios_against_the_baseline_ranks_levers_and_exports_csv()
    {
        var scenario = new Scenario("More \"budget\", commission", new ProjectionLevers
        {
            BudgetScale = new Dictionary<Channel, double> { [Channel.Ads] = 2, [Channel.Events] = 2 },
            Incentive = new IncentivePlan { CommissionRate = 0.1 },
        });
        var c = ScenarioComparison.Compare(Request(paths: 400), [scenario], sensitivity: true);
        var outcome = Assert.Single(c.Scenarios);
        Assert.True(outcome.ExtraRevenue > 0);
        Assert.True(outcome.ExtraCost > 0);
        Assert.NotNull(outcome.Roi);
        Assert.True(outcome.Factors.Single(f => f.Factor == "effectiveLeads").Change > 0.1);
        Assert.Equal(6, c.Sensitivity.Count);
        for (var i = 1; i < c.Sensitivity.Count; i++) Assert.True(c.Sensitivity[i - 1].Swing >= c.Sensitivity[i].Swing);
        var budget = c.Sensitivity.Single(b => b.Lever == "Marketing budget");
        Assert.True(budget.HighRevenue > budget.LowRevenue);

        var csv = ScenarioComparison.ToCsv(c);
        var lines = csv.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("scenario,revenue_mean", lines[0]);
        Assert.StartsWith("baseline,", lines[1]);
        Assert.StartsWith("\"More \"\"budget\"\", commission\",", lines[2]);
        Assert.Equal(1 + 2 + 1 + 1 + 2 * 13, lines.Count(l => l.Length > 0) + 1);
        output.WriteLine(csv[..Math.Min(800, csv.Length)]);
        Assert.Throws<ArgumentException>(() => ScenarioComparison.Compare(Request(), Enumerable.Range(0, 5).Select(i => new Scenario($"s{i}", ProjectionLevers.None)).ToList(), false));
    }

    [Fact]
    public void Measured_speed_is_reported_not_asserted()
    {
        var request = new ProjectionRequest { Organisation = OrganisationFactory.Build(42, 3, 2, 10, 5), ExistingCustomers = 200, Weeks = 52, Paths = 10_000, Seed = 1 };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var prepared = ProjectionEngine.Prepare(request);
        var calibration = clock.Elapsed;
        clock.Restart();
        // CPU time as well as wall time: on a shared, loaded machine wall time says more about the neighbours.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var block = ProjectionEngine.RunChunks(prepared, 0, prepared.Chunks);
        var paths = clock.Elapsed;
        var pathsCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        clock.Restart();
        var result = ProjectionEngine.Summarise(prepared, [block]);
        var summary = clock.Elapsed;
        output.WriteLine($"{Environment.ProcessorCount} cores: calibration {calibration.TotalMilliseconds:N0} ms, 10,000 paths x 52 weeks {paths.TotalMilliseconds:N0} ms "
            + $"({10_000 * 52 / paths.TotalSeconds:N0} path-weeks/s; CPU {pathsCpu.TotalMilliseconds:N0} ms), summary {summary.TotalMilliseconds:N0} ms");
        Assert.Equal(10_000, result.Paths);
    }
}
