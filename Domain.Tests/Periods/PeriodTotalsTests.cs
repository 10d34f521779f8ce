using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Periods;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Periods;

/// <summary>A period's figures are the sum of the daily figures in it, and the comparison counts the right days.</summary>
public class PeriodTotalsTests
{
    static readonly FiscalCalendar Shanghai = new(new CompanySetup { TimeZone = "Asia/Shanghai" });
    static readonly DateOnly FirstDay = new(2027, 1, 1);
    const int Days = 400;

    /// <summary>Day d's own figures (distinct per day, so a day counted twice or missed changes the sum).</summary>
    static (decimal Revenue, long Won, long Lost, long Leads, decimal Spend) Daily(int d) => (100m + d * 7 % 53, d % 3, d % 2, 10 + d % 5, 20m + d % 11);

    static HistoryPoint Point(DateTimeOffset at, int days)
    {
        var f = new WorkspaceFigures();
        for (var d = 0; d < days; d++)
        {
            var (revenue, won, lost, leads, spend) = Daily(d);
            f.Total[Money.Revenue] += revenue;
            f.Total[Count.Won] += won;
            f.Total[Count.Lost] += lost;
            f.Total[Count.Leads] += leads;
            f.Total[Tally.Entered(FunnelStage.Lead)] += leads;
            f.ApplyCampaignActivity("spring-webinar", 0, spend);
        }
        return HistoryPoint.Of(at, f);
    }

    /// <summary>
    /// A point at each local midnight in Shanghai (16:00 UTC the day before), and one at now, 15:00 on the last day. A
    /// to-date comparison then ends at 15:00 too, nearer its day's end than its start: it counts its last day whole.
    /// </summary>
    static (List<HistoryPoint> Points, DateTimeOffset Now) History()
    {
        var points = Enumerable.Range(0, Days).Select(d => Point(Shanghai.StartOfDay(FirstDay.AddDays(d)), d)).ToList();
        var now = Shanghai.StartOfDay(FirstDay.AddDays(Days - 1)).AddHours(15);
        // Now holds the last day's figures so far: the whole of it, for this test.
        points.Add(Point(now, Days));
        return (points, now);
    }

    static (decimal Revenue, long Won, long Lost, long Leads, decimal Spend) Sum(DateOnly first, DateOnly last)
    {
        var days = Enumerable.Range(first.DayNumber - FirstDay.DayNumber, last.DayNumber - first.DayNumber + 1).Select(Daily).ToList();
        return (days.Sum(d => d.Revenue), days.Sum(d => d.Won), days.Sum(d => d.Lost), days.Sum(d => d.Leads), days.Sum(d => d.Spend));
    }

    static void SumsMatch(PeriodRange range, PeriodTotals? totals)
    {
        Assert.NotNull(totals);
        var (revenue, won, lost, leads, spend) = Sum(range.FirstDay, range.LastDay);
        Assert.Equal(revenue, totals.Revenue);
        Assert.Equal(won, totals.Won);
        Assert.Equal(lost, totals.Lost);
        Assert.Equal(leads, totals.Leads);
        Assert.Equal(leads, totals.Entered[(int)FunnelStage.Lead]);
        Assert.Equal(spend, totals.Spend);
        Assert.Equal(spend, totals.Campaigns["spring-webinar"].Spend);
        Assert.Equal(range.Start, totals.CountedFrom);
        Assert.True((totals.CountedTo - range.End).Duration() <= TimeSpan.FromHours(12), "the end is counted from the point nearest to it");
    }

    [Theory]
    [InlineData("last-30", "year")]
    [InlineData("last-1", "previous")]
    [InlineData("month", "previous")]
    [InlineData("quarter", "year")]
    [InlineData("year", "previous")]
    [InlineData("2027-03-01..2027-03-31", "previous")]
    public void A_period_and_its_comparison_are_the_sums_of_their_days(string period, string compare)
    {
        var (points, now) = History();
        var placed = PeriodPlacement.Place(PeriodChoice.Parse(period, compare), Shanghai, now, points[0].AsOf);
        var report = PeriodReport.Of(placed, points);
        SumsMatch(placed.Current, report.Current);
        SumsMatch(placed.Comparison!, report.Comparison);
        Assert.False(report.StartsAtHistory);
        Assert.Equal(report.Current!.Won + report.Current.Lost == 0 ? 0 : (double)report.Current.Won / (report.Current.Won + report.Current.Lost),
            report.Current.WinRate);
    }

    [Fact]
    public void Last_30_days_a_year_earlier_counts_the_same_dates_of_the_year_before()
    {
        var (points, now) = History();
        var placed = PeriodPlacement.Place(PeriodChoice.Parse("last-30", "year"), Shanghai, now);
        // Now is 4 February 2028 in Shanghai: 6 Jan .. 4 Feb 2028 against 6 Jan .. 4 Feb 2027.
        Assert.Equal((new DateOnly(2028, 1, 6), new DateOnly(2028, 2, 4)), (placed.Current.FirstDay, placed.Current.LastDay));
        Assert.Equal((new DateOnly(2027, 1, 6), new DateOnly(2027, 2, 4)), (placed.Comparison!.FirstDay, placed.Comparison.LastDay));
        var report = PeriodReport.Of(placed, points);
        Assert.NotEqual(report.Current!.Revenue, report.Comparison!.Revenue);
        Assert.Equal(points[^1], report.AtEnd);
    }

    [Fact]
    public void A_period_reaching_before_the_history_counts_from_its_first_point_and_says_so()
    {
        var (points, now) = History();
        var placed = PeriodPlacement.Place(PeriodChoice.Parse("last-30", "year"), Shanghai, Shanghai.StartOfDay(FirstDay.AddDays(10)));
        var report = PeriodReport.Of(placed, points.Take(11).ToList());
        Assert.True(report.StartsAtHistory);
        Assert.Equal(points[0].AsOf, report.Current!.CountedFrom);
        // The year-earlier period ended before the history began: no figures rather than zeros.
        Assert.Null(report.Comparison);
        _ = now;
    }

    [Fact]
    public void The_point_at_now_equals_the_history_point_of_the_same_figures()
    {
        var f = new WorkspaceFigures();
        f.Apply(new TallyDelta(new GroupKey("r", "t", "rep", "spring-webinar"), Tally.Of(new JourneyState
        {
            Id = "j1", Status = JourneyStatus.Customer, Stage = FunnelStage.Payment, QualifiedAt = DateTimeOffset.UnixEpoch,
            OpportunityAt = DateTimeOffset.UnixEpoch, Won = true, WonValue = 500, OrderValue = 500, Orders = 1, Collected = 200,
        })));
        f.ApplyCampaignActivity("spring-webinar", 40, 120m);
        var at = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var snapshot = SnapshotBuilder.Build("w", at, 1, f, new Growth.Domain.Organisations.Organisation());
        var fromSnapshot = PeriodReport.PointOf(snapshot);
        var fromFigures = HistoryPoint.Of(at, f);
        Assert.Equal(fromFigures.Revenue, fromSnapshot.Revenue);
        Assert.Equal((fromFigures.Won, fromFigures.Lost, fromFigures.Leads, fromFigures.Spend, fromFigures.Collected),
            (fromSnapshot.Won, fromSnapshot.Lost, fromSnapshot.Leads, fromSnapshot.Spend, fromSnapshot.Collected));
        Assert.Equal(fromFigures.Entered, fromSnapshot.Entered);
        Assert.Equal(fromFigures.Campaigns["spring-webinar"], fromSnapshot.Campaigns["spring-webinar"]);
    }
}
