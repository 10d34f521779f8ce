using Growth.Domain.LongRun;
using Growth.Domain.Simulation;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.LongRun;

/// <summary>
/// The default demo's company over 5 simulated years reaches a steady state: growth, win rate and attainment stay in the
/// bands the README states with their sources (README, "The long run"). Pure and seeded, in milliseconds.
/// </summary>
public class LongRunModelTests(ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The demo's defaults: seed 42, 3 regions × 2 teams × 10 reps, 5 campaigns, 200 existing customers.</summary>
    static IReadOnlyList<LongRunYear> Demo(LongRunAssumptions a, ulong seed = 42) =>
        LongRunModel.Run(OrganisationFactory.Build(seed, 3, 2, 10, 5), BehaviourParameters.Default, a, 5, 200, Start, seed);

    void Print(IReadOnlyList<LongRunYear> years)
    {
        foreach (var y in years)
            output.WriteLine($"year {y.Year}: revenue {y.Revenue:N0}, growth {y.Growth:P1}, win rate {y.WinRate:P1}, wins {y.Wins}, customers {y.Customers}, " +
                $"market used {y.MarketUsed:P1}, reps left {y.RepsLeft}, attainment P10 {y.AttainmentAt(0.1):P0} P25 {y.AttainmentAt(0.25):P0} " +
                $"median {y.MedianAttainment:P0} P75 {y.AttainmentAt(0.75):P0} P90 {y.AttainmentAt(0.9):P0}, at quota {y.AtQuotaShare:P0}");
    }

    [Theory]
    [InlineData(42UL)]
    [InlineData(7UL)]
    public void Over_five_years_the_demo_settles_into_the_READMEs_bands(ulong seed)
    {
        var years = Demo(LongRunAssumptions.Default, seed);
        Print(years);
        Assert.Equal(5, years.Count);
        foreach (var y in years.Skip(2))
        {
            // Growth: −5 % to +15 % a year once settled (assumed band around the market's 3 % and the plan's 10 %).
            Assert.InRange(y.Growth!.Value, -0.05, 0.15);
            // Win rate of opportunities: 15–45 % (B2B benchmarks: 15–40 % overall, 25–45 % for small deals).
            Assert.InRange(y.WinRate, 0.15, 0.45);
            // Median rep 70–130 % of quota; 30–80 % of reps at quota; middle half of reps within 40–200 %.
            Assert.InRange(y.MedianAttainment, 0.70, 1.30);
            Assert.InRange(y.AtQuotaShare, 0.30, 0.80);
            Assert.True(y.AttainmentAt(0.25) >= 0.40 && y.AttainmentAt(0.75) <= 2.0, $"year {y.Year}: quartiles {y.AttainmentAt(0.25):P0}, {y.AttainmentAt(0.75):P0}");
        }
    }

    [Fact]
    public void Without_a_market_limit_customer_churn_rep_turnover_and_yearly_quotas_the_company_compounds()
    {
        var unlimited = LongRunAssumptions.Default with
        {
            MarketAccountsPerRegion = 1e12, AnnualCustomerChurn = 0, RepTenureYears = 1e6, PlanGrowth = double.NaN,
        };
        var years = Demo(unlimited);
        Print(years);
        // The first year's quotas kept: attainment climbs year on year, as the live demo's did (120–180 % after two years).
        Assert.True(years[4].MedianAttainment > years[1].MedianAttainment * 1.2, $"{years[1].MedianAttainment:P0} → {years[4].MedianAttainment:P0}");
        Assert.True(years[4].MedianAttainment > 1.3);
        var settled = Demo(LongRunAssumptions.Default);
        Assert.True(settled[4].MedianAttainment < years[4].MedianAttainment);
    }

    [Fact]
    public void A_smaller_market_saturates_sooner_and_brings_fewer_wins()
    {
        var small = Demo(LongRunAssumptions.Default with { MarketAccountsPerRegion = 1500 });
        var large = Demo(LongRunAssumptions.Default with { MarketAccountsPerRegion = 20_000 });
        Assert.True(small[4].MarketUsed > large[4].MarketUsed);
        Assert.True(small[4].Wins < large[4].Wins, $"small market {small[4].Wins} wins, large {large[4].Wins}");
    }

    [Fact]
    public void Every_long_run_assumption_has_a_value_a_unit_and_a_source()
    {
        var rows = LongRunAssumptions.Default.Catalogue().ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Value) || string.IsNullOrWhiteSpace(r.Unit) || string.IsNullOrWhiteSpace(r.Source)));
        Assert.Contains(rows, r => r.Source.Contains("Bridge Group"));
    }
}
