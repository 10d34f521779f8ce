using Growth.Domain.Periods;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Periods;

/// <summary>Periods on the company's calendar: fiscal edges, local midnights, comparisons, leap years, and the URL form.</summary>
public class PeriodPlacementTests
{
    static FiscalCalendar Calendar(int startMonth = 1, string zone = "UTC") =>
        new(new CompanySetup { FiscalYearStartMonth = startMonth, TimeZone = zone });

    static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Quarter_and_year_to_date_follow_a_fiscal_year_starting_in_April()
    {
        var calendar = Calendar(4);
        var now = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        var quarter = PeriodPlacement.Place(PeriodChoice.Parse("quarter", "none"), calendar, now).Current;
        Assert.Equal((D(2026, 10, 1), D(2026, 11, 20)), (quarter.FirstDay, quarter.LastDay));
        Assert.Equal(now, quarter.End);
        var year = PeriodPlacement.Place(PeriodChoice.Parse("year", "none"), calendar, now).Current;
        Assert.Equal(D(2026, 4, 1), year.FirstDay);
        // In March the fiscal year is the one that began the April before.
        var march = PeriodPlacement.Place(PeriodChoice.Parse("year", "none"), calendar, new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero)).Current;
        Assert.Equal(D(2026, 4, 1), march.FirstDay);
        var q4 = PeriodPlacement.Place(PeriodChoice.Parse("quarter", "none"), calendar, new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero)).Current;
        Assert.Equal(D(2027, 1, 1), q4.FirstDay);
    }

    [Fact]
    public void Edges_are_local_midnights_in_the_company_time_zone()
    {
        var calendar = Calendar(1, "Asia/Shanghai");
        // 2026-12-31 17:00 UTC is already 1 January 2027 01:00 in Shanghai: a new month, quarter and year there.
        var now = new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero);
        var month = PeriodPlacement.Place(PeriodChoice.Parse("month", "none"), calendar, now).Current;
        Assert.Equal(D(2027, 1, 1), month.FirstDay);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), month.Start);
        Assert.Equal(1, month.Days);

        // New York: last 7 days end today (local) and start at local midnight, across the end of daylight saving (1 Nov 2026).
        var ny = Calendar(1, "America/New_York");
        var at = new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);
        var week = PeriodPlacement.Place(PeriodChoice.Parse("last-7", "previous"), ny, at);
        Assert.Equal((D(2026, 10, 28), D(2026, 11, 3)), (week.Current.FirstDay, week.Current.LastDay));
        Assert.Equal(new DateTimeOffset(2026, 10, 28, 4, 0, 0, TimeSpan.Zero), week.Current.Start); // EDT, UTC-4
        Assert.Equal((D(2026, 10, 21), D(2026, 10, 27)), (week.Comparison!.FirstDay, week.Comparison.LastDay));
        // The comparison stops as far into its last day as the period does into today (07:00 local).
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 11, 0, 0, TimeSpan.Zero), week.Comparison.End);
    }

    [Fact]
    public void The_quarter_against_target_starts_at_local_midnight_in_the_company_time_zone()
    {
        // 31 March 20:00 UTC is 1 April 04:00 in Shanghai: a fiscal year starting in April has begun there, not in UTC.
        var at = new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), Growth.Domain.Figures.TargetPeriods.QuarterStart(at, 4, "Asia/Shanghai"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Growth.Domain.Figures.TargetPeriods.QuarterStart(at, 4));
        var history = new Growth.Domain.Figures.WorkspaceHistory();
        var period = Growth.Domain.Figures.TargetPeriods.Project(at, 1000, 0, 0, history, 4, "Asia/Shanghai");
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void Previous_period_has_the_same_number_of_days_just_before()
    {
        var calendar = Calendar();
        var now = new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero);
        var p = PeriodPlacement.Place(PeriodChoice.Parse("month", "previous"), calendar, now);
        Assert.Equal(10, p.Current.Days);
        Assert.Equal((D(2026, 1, 22), D(2026, 1, 31)), (p.Comparison!.FirstDay, p.Comparison.LastDay));
        Assert.Equal(p.Current.End - p.Current.Start, p.Comparison.End - p.Comparison.Start);

        var custom = PeriodPlacement.Place(PeriodChoice.Parse("2026-01-01..2026-01-31", "previous"), calendar, now);
        Assert.Equal((D(2025, 12, 1), D(2025, 12, 31)), (custom.Comparison!.FirstDay, custom.Comparison.LastDay));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), custom.Current.End);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), custom.Comparison.End);
    }

    [Fact]
    public void A_year_earlier_keeps_the_dates_and_turns_a_leap_day_into_28_February()
    {
        var calendar = Calendar();
        var now = new DateTimeOffset(2028, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var p = PeriodPlacement.Place(PeriodChoice.Parse("last-7", "year"), calendar, now);
        // 2028 is a leap year: 25 Feb .. 2 Mar is seven days with the 29th; a year earlier the same dates are six.
        Assert.Equal((D(2028, 2, 25), D(2028, 3, 2)), (p.Current.FirstDay, p.Current.LastDay));
        Assert.Equal((D(2027, 2, 25), D(2027, 3, 2)), (p.Comparison!.FirstDay, p.Comparison.LastDay));
        Assert.Equal(6, p.Comparison.Days);
        var leapDay = PeriodPlacement.Place(PeriodChoice.Parse("2028-02-29..2028-02-29", "year"), calendar, now);
        Assert.Equal((D(2027, 2, 28), D(2027, 2, 28)), (leapDay.Comparison!.FirstDay, leapDay.Comparison.LastDay));
        // Year to date in a leap year against the same days a year earlier, to the same hour.
        var ytd = PeriodPlacement.Place(PeriodChoice.Parse("year", "year"), calendar, now);
        Assert.Equal(D(2027, 1, 1), ytd.Comparison!.FirstDay);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 12, 0, 0, TimeSpan.Zero), ytd.Comparison.End);
    }

    [Theory]
    [InlineData("month", "previous")]
    [InlineData("quarter", "year")]
    [InlineData("year", "none")]
    [InlineData("last-30", "year")]
    [InlineData("2026-01-01..2026-03-31", "previous")]
    public void The_url_values_read_back_as_they_were_written(string period, string compare)
    {
        var choice = PeriodChoice.Parse(period, compare);
        Assert.Equal((period, compare), (choice.PeriodValue, choice.ComparisonValue));
        Assert.Equal(choice, PeriodChoice.Parse(choice.PeriodValue, choice.ComparisonValue));
    }

    [Fact]
    public void No_value_means_the_quarter_against_the_previous_period()
    {
        Assert.Equal(PeriodChoice.Default, PeriodChoice.Parse(null, null));
        Assert.Equal(PeriodKind.Quarter, PeriodChoice.Default.Kind);
        Assert.Equal(PeriodComparison.YearEarlier, PeriodChoice.Parse(null, "year").Comparison);
    }

    [Theory]
    [InlineData("last-0", null, "period", "1..3650")]
    [InlineData("last-3651", null, "period", "1..3650")]
    [InlineData("2026-03-01..2026-01-01", null, "period", "from (2026-03-01) is after to (2026-01-01)")]
    [InlineData("2026-02-30..2026-03-01", null, "period", "from '2026-02-30' is not a date")]
    [InlineData("fortnight", null, "period", "month, quarter, year, last-N")]
    [InlineData("month", "lastweek", "compare", "previous, year or none")]
    public void Bad_values_are_refused_naming_the_field_and_what_is_allowed(string period, string? compare, string field, string message)
    {
        var e = Assert.Throws<PeriodException>(() => PeriodChoice.Parse(period, compare));
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message);
        Assert.False(PeriodChoice.TryParse(period, compare, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void A_custom_range_outside_the_history_is_refused()
    {
        var calendar = Calendar();
        var now = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
        var historyStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var before = Assert.Throws<PeriodException>(() =>
            PeriodPlacement.Place(PeriodChoice.Parse("2025-12-01..2026-01-31", null), calendar, now, historyStart));
        Assert.Contains("before the history, which starts on 2026-01-01", before.Message);
        var after = Assert.Throws<PeriodException>(() =>
            PeriodPlacement.Place(PeriodChoice.Parse("2026-06-01..2026-06-16", null), calendar, now, historyStart));
        Assert.Contains("after today (2026-06-15)", after.Message);
        // Today itself may end a range: it runs to now.
        var toToday = PeriodPlacement.Place(PeriodChoice.Parse("2026-06-01..2026-06-15", null), calendar, now, historyStart);
        Assert.Equal(now, toToday.Current.End);
    }
}
