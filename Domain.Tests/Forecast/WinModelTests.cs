using Growth.Domain.Forecast;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

public class WinModelTests
{
    /// <summary>
    /// A hand-built history: 30 deals lost right after opening (level 0, 5 days), 10 lost after Topic (level 3, 20 days)
    /// and 20 won (level 6, 40 days). Overall: 20 won of 60.
    /// </summary>
    static List<Deal> History() =>
    [
        .. Enumerable.Range(0, 30).Select(i => Closed($"a{i}", "r1", won: false, level: 0, ageDays: 5)),
        .. Enumerable.Range(0, 10).Select(i => Closed($"b{i}", "r1", won: false, level: 3, ageDays: 20)),
        .. Enumerable.Range(0, 20).Select(i => Closed($"c{i}", "r1", won: true, level: 6, ageDays: 40)),
    ];

    [Fact]
    public void Weights_come_from_the_deals_that_reached_the_step_and_age()
    {
        var model = WinModel.Learn(History());
        Assert.Equal(60, model.ClosedDeals);
        Assert.Equal(20.0 / 60, model.OverallWinRate, 9);
        // Just opened, young: every closed deal was once there: 20 of 60.
        Assert.Equal(20.0 / 60, model.Probability(0, 2), 9);
        // Topic passed, young: the 10 lost there and the 20 won: 20 of 30.
        Assert.Equal(20.0 / 30, model.Probability(3, 2), 9);
        // Any step at 15–30 days: those that stayed open that long, 20 of 30.
        Assert.Equal(20.0 / 30, model.Probability(0, 16), 9);
        // 31–60 days: only the 20 won deals were open that long: cell of 20, all won.
        Assert.Equal(1.0, model.Probability(1, 35), 9);
    }

    [Fact]
    public void A_cell_with_fewer_than_twenty_deals_takes_the_overall_rate()
    {
        var model = WinModel.Learn(History());
        // Level 4 at any age: only the 20 won → 20 deals (enough); 61+ days: nobody → overall.
        Assert.Equal(20, model.DealsIn(4, 0));
        Assert.Equal(1.0, model.Probability(4, 0), 9);
        Assert.Equal(0, model.DealsIn(2, 70));
        Assert.Equal(20.0 / 60, model.Probability(2, 70), 9);
        // 19 deals in a cell is not enough.
        var few = WinModel.Learn(History().Where(d => !d.JourneyId.StartsWith('c')).Concat(History().Where(d => d.JourneyId.StartsWith('c')).Take(19)));
        Assert.Equal(19, few.DealsIn(4, 0));
        Assert.Equal(few.OverallWinRate, few.Probability(4, 0), 9);
    }

    [Fact]
    public void No_history_weighs_nothing_and_open_deals_are_not_learned_from()
    {
        var model = WinModel.Learn([OpenDeal("o", "r1", 100, ForecastCategory.Commit, T0)]);
        Assert.Equal((0, 0.0), (model.ClosedDeals, model.Probability(3, 10)));
    }
}
