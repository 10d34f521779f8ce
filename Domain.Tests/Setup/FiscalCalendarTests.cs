using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

public class FiscalCalendarTests
{
    static DateTimeOffset Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    static FiscalCalendar Calendar(int startMonth = 1, string zone = "UTC", params FiscalPeriodSetup[] periods) =>
        new(new CompanySetup { FiscalYearStartMonth = startMonth, TimeZone = zone, FiscalPeriods = periods });

    [Fact]
    public void Calendar_years_starting_in_January_are_named_by_their_own_year()
    {
        var calendar = Calendar();
        var q = calendar.QuarterOf(Utc(2027, 5, 17));
        Assert.Equal("FY2027-Q2", q.Name);
        Assert.Equal(Utc(2027, 4, 1), q.Start);
        Assert.Equal(Utc(2027, 7, 1), q.End);
        Assert.Equal("FY2027-M05", calendar.MonthOf(Utc(2027, 5, 17)).Name);
        Assert.Equal("FY2027", calendar.YearOf(Utc(2027, 12, 31, 23)).Name);
    }

    [Fact]
    public void A_fiscal_year_starting_in_October_is_named_by_the_year_it_ends_in()
    {
        var calendar = Calendar(startMonth: 10);
        var q1 = calendar.QuarterOf(Utc(2026, 10, 1));
        Assert.Equal("FY2027-Q1", q1.Name);
        Assert.Equal(Utc(2026, 10, 1), q1.Start);
        Assert.Equal(Utc(2027, 1, 1), q1.End);
        Assert.Equal("FY2027-Q4", calendar.QuarterOf(Utc(2027, 9, 30, 23)).Name);
        Assert.Equal("FY2028-Q1", calendar.QuarterOf(Utc(2027, 10, 1)).Name);
        Assert.Equal("FY2027-M04", calendar.MonthOf(Utc(2027, 1, 15)).Name);
        var year = calendar.Find("FY2027")!;
        Assert.Equal(Utc(2026, 10, 1), year.Start);
        Assert.Equal(Utc(2027, 10, 1), year.End);
    }

    [Fact]
    public void Boundaries_are_local_midnight_in_the_company_time_zone()
    {
        var calendar = Calendar(zone: "Asia/Shanghai");
        var q1 = calendar.Find("FY2027-Q1")!;
        Assert.Equal(Utc(2026, 12, 31, 16), q1.Start); // midnight in Shanghai is 16:00 UTC the day before
        Assert.Equal(Utc(2027, 3, 31, 16), q1.End);
        // 17:00 UTC on 31 March is already 1 April in Shanghai
        Assert.Equal("FY2027-Q2", calendar.QuarterOf(Utc(2027, 3, 31, 17)).Name);
        Assert.Equal("FY2027-Q1", Calendar().QuarterOf(Utc(2027, 3, 31, 17)).Name);
    }

    [Fact]
    public void Boundaries_follow_daylight_saving_time()
    {
        var calendar = Calendar(zone: "Europe/Berlin");
        Assert.Equal(Utc(2026, 12, 31, 23), calendar.Find("FY2027-Q1")!.Start); // CET, UTC+1
        Assert.Equal(Utc(2027, 3, 31, 22), calendar.Find("FY2027-Q2")!.Start); // CEST, UTC+2
    }

    [Fact]
    public void Find_reads_standard_names_and_refuses_malformed_ones()
    {
        var calendar = Calendar();
        Assert.Equal(Utc(2027, 3, 1), calendar.Find("FY2027-M03")!.Start);
        Assert.Equal(Utc(2027, 4, 1), calendar.Find("FY2027-M03")!.End);
        Assert.Equal(FiscalPeriodKind.Quarter, calendar.Find("FY2027-Q4")!.Kind);
        foreach (var bad in new[] { "", "FY2027-Q5", "FY2027-Q0", "FY2027-M13", "FY2027-M3", "FY27-Q1", "fy2027-q1", "FY2027Q1", " FY2027-Q1", "FY0001-Q1", "2027-Q1", "FY２０２７-Q1" })
            Assert.Null(calendar.Find(bad));
    }

    [Fact]
    public void Named_periods_are_found_with_inclusive_dates_while_quarters_stay_standard()
    {
        var calendar = Calendar(1, "UTC",
            new FiscalPeriodSetup { Name = "FY-P1", Start = new(2027, 1, 1), End = new(2027, 1, 28) },
            new FiscalPeriodSetup { Name = "FY-P2", Start = new(2027, 1, 29), End = new(2027, 2, 25) });
        var p1 = calendar.Find("FY-P1")!;
        Assert.Equal(Utc(2027, 1, 1), p1.Start);
        Assert.Equal(Utc(2027, 1, 29), p1.End);
        Assert.Equal(FiscalPeriodKind.Named, p1.Kind);
        Assert.Equal("FY-P2", calendar.Next(p1)!.Name);
        Assert.Null(calendar.Next(calendar.Find("FY-P2")!));
        Assert.Equal("FY2027-Q1", calendar.QuarterOf(Utc(2027, 2, 1)).Name);
    }

    [Fact]
    public void Contains_is_start_inclusive_and_end_exclusive()
    {
        var q = Calendar().Find("FY2027-Q1")!;
        Assert.True(q.Contains(q.Start));
        Assert.True(q.Contains(q.End.AddTicks(-1)));
        Assert.False(q.Contains(q.End));
        Assert.False(q.Contains(q.Start.AddTicks(-1)));
    }

    [Fact]
    public void Quarters_follow_each_other_across_years()
    {
        var calendar = Calendar(startMonth: 4);
        var quarters = calendar.QuartersOfYear(2027);
        Assert.Equal(["FY2027-Q1", "FY2027-Q2", "FY2027-Q3", "FY2027-Q4"], quarters.Select(q => q.Name));
        for (var i = 1; i < 4; i++) Assert.Equal(quarters[i - 1].End, quarters[i].Start);
        Assert.Equal(Utc(2026, 4, 1), quarters[0].Start);
        Assert.Equal("FY2028-Q1", calendar.Next(quarters[3])!.Name);
        Assert.Equal("FY2026-Q4", calendar.Previous(quarters[0])!.Name);
        Assert.Equal(calendar.Find("FY2028-Q1"), calendar.Next(quarters[3]));
        Assert.Equal("FY2026-M12", calendar.Previous(calendar.Month(2027, 1))!.Name);
    }

    [Fact]
    public void An_unknown_time_zone_counts_in_utc_without_throwing()
    {
        Assert.Null(FiscalCalendar.FindTimeZone("Mars/Olympus"));
        Assert.Equal(Utc(2027, 1, 1), Calendar(zone: "Mars/Olympus").Find("FY2027-Q1")!.Start);
    }
}
