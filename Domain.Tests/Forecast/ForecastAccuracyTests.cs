using Growth.Domain.Forecast;
using Growth.Domain.Setup;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

/// <summary>Forecast accuracy: error, percentage error, MAPE and bias per method and week bucket; weekly forecasts kept once a week.</summary>
public class ForecastAccuracyTests
{
    static readonly FiscalPeriod Q1 = new("FY2026-Q1", T0, T0.AddMonths(3));
    static readonly FiscalPeriod Q2 = new("FY2026-Q2", T0.AddMonths(3), T0.AddMonths(6));

    static WeeklyForecast Week(FiscalPeriod p, int week, decimal runRate, decimal weighted, decimal reps, decimal? monteCarlo) =>
        new(p.Name, p.Start, p.End, week, p.Start.AddDays(7 * (week - 1) + 1), 0, runRate, weighted, reps, monteCarlo);

    [Fact]
    public void Error_is_forecast_minus_actual_and_mape_and_bias_average_the_percentage_errors_per_method()
    {
        WeeklyForecast[] weeks =
        [
            Week(Q1, 1, runRate: 800, weighted: 1100, reps: 900, monteCarlo: 1000),
            Week(Q1, 9, runRate: 1200, weighted: 1000, reps: 950, monteCarlo: null),
        ];
        var report = ForecastAccuracy.Of(weeks, [new PeriodActual(Q1.Name, Q1.Start, Q1.End, 1000)]);

        Assert.Equal(2, report.Weeks.Count);
        var first = report.Weeks[0];
        Assert.Equal((1, 1000m), (first.Week, first.Actual));
        Assert.Equal((800m, -200m, -0.2), (first.Cell(ForecastMethod.RunRate).Forecast, first.Cell(ForecastMethod.RunRate).Error, first.Cell(ForecastMethod.RunRate).PercentError));
        Assert.Equal(100m, first.Cell(ForecastMethod.WeightedPipeline).Error);
        Assert.Null(report.Weeks[1].Cell(ForecastMethod.MonteCarlo).Forecast);

        MethodAccuracy Overall(ForecastMethod m) => report.Overall.Single(a => a.Method == m);
        // Run rate: −20 % then +20 %: MAPE 20 %, bias 0.
        Assert.Equal(2, Overall(ForecastMethod.RunRate).Count);
        Assert.Equal(0.2, Overall(ForecastMethod.RunRate).Mape!.Value, 12);
        Assert.Equal(0.0, Overall(ForecastMethod.RunRate).Bias!.Value, 12);
        // Reps' call: −10 % and −5 %: always under, bias −7.5 %.
        Assert.Equal(0.075, Overall(ForecastMethod.RepsCall).Mape!.Value, 12);
        Assert.Equal(-0.075, Overall(ForecastMethod.RepsCall).Bias!.Value, 12);
        // Weighted: +10 % and 0.
        Assert.Equal((0.05, 0.05), (Overall(ForecastMethod.WeightedPipeline).Mape!.Value, Overall(ForecastMethod.WeightedPipeline).Bias!.Value));
        // Monte Carlo: one forecast, exactly right.
        Assert.Equal((1, 0.0, 0.0), (Overall(ForecastMethod.MonteCarlo).Count, Overall(ForecastMethod.MonteCarlo).Mape!.Value, Overall(ForecastMethod.MonteCarlo).Bias!.Value));

        // Buckets split the weeks: week 1 in "1-4", week 9 in "9+", none in "5-8".
        MethodAccuracy Bucket(string b) => report.ByBucket.Single(a => a.Method == ForecastMethod.RunRate && a.Bucket == b);
        Assert.Equal((1, -0.2), (Bucket("1-4").Count, Bucket("1-4").Bias!.Value));
        Assert.Equal((1, 0.2), (Bucket("9+").Count, Bucket("9+").Bias!.Value));
        Assert.Equal((0, (double?)null), (Bucket("5-8").Count, Bucket("5-8").Mape));
    }

    [Fact]
    public void Weeks_of_open_periods_are_left_out_and_a_period_that_brought_nothing_has_errors_but_no_percentages()
    {
        WeeklyForecast[] weeks = [Week(Q1, 2, 10, 20, 30, 40), Week(Q2, 1, 1, 2, 3, 4)];
        var report = ForecastAccuracy.Of(weeks, [new PeriodActual(Q1.Name, Q1.Start, Q1.End, 0)]);
        Assert.Equal([Q1.Name], report.Weeks.Select(w => w.Period));
        Assert.Equal([Q1.Name], report.Periods.Select(p => p.Period));
        Assert.Equal(20m, report.Weeks[0].Cell(ForecastMethod.WeightedPipeline).Error);
        Assert.Null(report.Weeks[0].Cell(ForecastMethod.WeightedPipeline).PercentError);
        Assert.All(report.Overall, a => Assert.Equal((0, (double?)null), (a.Count, a.Bias)));
    }

    [Fact]
    public void A_week_keeps_its_first_forecast_and_the_next_week_boundary_makes_a_new_one_due()
    {
        var start = Q1.Start;
        // Day 3 of the period: week 1 is due; once kept, a later read in the same week changes nothing.
        Assert.True(ForecastWeeks.Due([], Q1, start.AddDays(3)));
        var kept = ForecastWeeks.Keep([], Week(Q1, 1, 1, 1, 1, 1) with { TakenAt = start.AddDays(3) });
        Assert.False(ForecastWeeks.Due(kept, Q1, start.AddDays(6.99)));
        kept = ForecastWeeks.Keep(kept, Week(Q1, 1, 9, 9, 9, 9) with { TakenAt = start.AddDays(6) });
        Assert.Equal(1m, Assert.Single(kept).RunRate);
        // The boundary: day 7 is week 2.
        Assert.Equal(2, ForecastWeeks.WeekOf(Q1, start.AddDays(7)));
        Assert.True(ForecastWeeks.Due(kept, Q1, start.AddDays(7)));
        kept = ForecastWeeks.Keep(kept, Week(Q1, 2, 2, 2, 2, 2));
        Assert.Equal([1, 2], kept.Select(w => w.Week));
        Assert.Equal(13, ForecastWeeks.WeeksIn(Q1.Start, Q1.End));
        Assert.False(ForecastWeeks.Due(kept, Q1, Q1.End), "a period's end is the next period's");

        // Once Q1 ends, its actual is due (and only once recorded, no more).
        Assert.Empty(ForecastWeeks.ActualsDue(kept, [], Q1.End.AddTicks(-1)));
        Assert.Equal([Q1.Name], ForecastWeeks.ActualsDue(kept, [], Q1.End).Select(p => p.Name));
        Assert.Empty(ForecastWeeks.ActualsDue(kept, [new PeriodActual(Q1.Name, Q1.Start, Q1.End, 5)], Q1.End));
    }

    [Fact]
    public void Run_rate_is_closed_so_far_plus_the_last_14_days_won_per_day_times_the_days_left_and_actual_is_won_in_the_period()
    {
        var asOf = Q1.Start.AddDays(30);
        Deal[] deals =
        [
            Closed("early", "a", won: true, level: 3, ageDays: 10, amount: 1000, closedAt: Q1.Start.AddDays(5)),
            Closed("recent", "a", won: true, level: 3, ageDays: 10, amount: 1400, closedAt: Q1.Start.AddDays(25)),
            Closed("lost", "a", won: false, level: 3, ageDays: 10, amount: 9999, closedAt: Q1.Start.AddDays(26)),
            Closed("before", "a", won: true, level: 3, ageDays: 10, amount: 7777, closedAt: Q1.Start.AddDays(-1)),
            OpenDeal("open", "b", 5000, ForecastCategory.Commit, asOf.AddDays(3)),
        ];
        var daysLeft = (decimal)(Q1.End - asOf).TotalDays;
        Assert.Equal(Math.Round(2400m + 1400m / 14 * daysLeft, 2), ForecastWeeks.RunRate(deals, Q1, asOf));
        Assert.Equal(0m, ForecastWeeks.RunRate(deals, Q1, Q1.Start.AddHours(12)));
        Assert.Equal(2400m, ForecastWeeks.Won(deals, Q1));
    }
}

/// <summary>The headless trial behind the README's accuracy table: a forecast every week of every quarter, the same for the same seed.</summary>
public class AccuracyTrialTests
{
    static AccuracyTrialSettings Small(ulong seed)
    {
        var org = Growth.Domain.Simulation.OrganisationFactory.Build(seed, 1, 1, 4, 2);
        var p = Growth.Domain.Simulation.BehaviourParameters.Default;
        return new AccuracyTrialSettings
        {
            Setup = SetupFromOrganisation.Build(org, p), Organisation = org, Parameters = p, Seed = seed, ExistingCustomers = 20,
            Start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Quarters = 1, WarmUpDays = 30, MonteCarloRuns = 100,
        };
    }

    [Fact]
    public void A_quarter_gets_a_forecast_at_each_week_start_by_every_method_and_its_actual_once_it_closes()
    {
        var (weeks, actuals) = AccuracyTrial.Run(Small(5));
        var actual = Assert.Single(actuals);
        Assert.Equal("FY2026-Q2", actual.Period);
        Assert.Equal(Enumerable.Range(1, 13), weeks.Select(w => w.Week));
        Assert.All(weeks, w => Assert.Equal((actual.Period, actual.Start.AddDays(7 * (w.Week - 1))), (w.Period, w.TakenAt)));
        Assert.All(weeks, w => Assert.NotNull(w.MonteCarlo));
        Assert.True(actual.Won > 0, "a quarter of four reps wins something");
        // Closed so far never falls and never passes the actual.
        Assert.Equal(weeks.Select(w => w.Closed).Order(), weeks.Select(w => w.Closed));
        Assert.True(weeks[^1].Closed <= actual.Won);
        Assert.Equal(13, ForecastAccuracy.Of(weeks, actuals).Weeks.Count);

        var again = AccuracyTrial.Run(Small(5));
        Assert.Equal(weeks, again.Weeks);
        Assert.Equal(actuals, again.Actuals);
    }
}
