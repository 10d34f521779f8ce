using Growth.Domain.Forecast;
using static Growth.Domain.Tests.Forecast.ForecastBookTests;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

/// <summary>The Monte Carlo forecast built from a forecast report: groups, deals placed, what is learned and what assumed.</summary>
public class MonteCarloForecastTests
{
    static MonteCarloForecast Build(List<Deal> deals, MonteCarloParameters? p = null)
    {
        var model = WinModel.Learn(deals);
        return MonteCarloForecast.Build(ForecastBook.Build(Q1, AsOf, Org, Targets, deals, model), deals, model, p);
    }

    [Fact]
    public void Rows_are_the_reports_company_regions_and_teams_with_their_closed_and_targets()
    {
        var forecast = Build(Deals());
        Assert.Equal(["company", "region-1", "t1", "t2", "region-2", "t3"], forecast.Rows.Select(r => r.Id));
        var company = forecast.Rows[0];
        Assert.Equal((5700m, 10_000m), (company.Closed, company.Target));
        Assert.True(company.Revenue.P10 >= 5700 && company.Revenue.P90 <= 5700 + 1000 + 700.55 + 333.33 + 5000 + 100 + 50 * 4200);
        // Four open deals of the organisation's reps; rep "nobody"'s is left out as in the report.
        Assert.Equal(4, forecast.Basis.OpenDeals);
        // Three won deals: too few to learn the spread from.
        Assert.StartsWith("assumed", forecast.Basis.CloseSpread);
        Assert.Equal(0.75, forecast.Basis.WinRate);
    }

    [Fact]
    public void With_every_past_deal_won_in_the_same_time_the_open_deals_in_the_period_count_exactly()
    {
        List<Deal> deals =
        [
            .. Enumerable.Range(0, 12).Select(i => Closed($"w{i}", "a", won: true, level: 6, ageDays: 10, amount: 100, closedAt: T0.AddDays(10))),
            OpenDeal("in", "b", 700.55m, ForecastCategory.Pipeline, AsOf.AddDays(20)),
            OpenDeal("late", "c", 5000, ForecastCategory.Commit, Q1.End.AddDays(1)),
        ];
        var forecast = Build(deals);
        Assert.StartsWith("learned: the 12 won deals", forecast.Basis.CloseSpread);
        var rows = forecast.Rows.ToDictionary(r => r.Id);
        Assert.Equal(1200 + 700.55, rows["company"].Revenue.P10);
        Assert.Equal(1200 + 700.55, rows["company"].Revenue.P90);
        Assert.Equal(1200 + 700.55, rows["t1"].Revenue.P50);
        Assert.Equal(0, rows["t2"].Revenue.P90);
        Assert.Equal(0, forecast.Basis.MeanFromNewDeals);
    }

    [Fact]
    public void Recent_new_deals_set_the_rate_of_those_still_to_come()
    {
        // 28 deals opened over the last 28 days by rep d (team t3), all won after 1 day: one new won deal a day.
        List<Deal> deals = [.. Enumerable.Range(0, 28).Select(i => Closed($"n{i}", "d", won: true, level: 6, ageDays: 1, amount: 10, closedAt: AsOf.AddDays(-i)))];
        var forecast = Build(deals);
        Assert.Equal(1.0, forecast.Basis.NewDealsPerDay, 6);
        var daysLeft = (Q1.End - AsOf).TotalDays;
        Assert.InRange(forecast.Basis.MeanFromNewDeals, 10 * (daysLeft - 1) * 0.95, 10 * daysLeft * 1.05);
        Assert.Equal(0, forecast.Rows.Single(r => r.Id == "t1").Revenue.P90);
    }

    [Fact]
    public void Bad_parameters_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Build(Deals(), new MonteCarloParameters { Runs = 5 }));
        Assert.Contains("runs must be between 100 and 100000 (was 5)", error.Message);
    }
}
