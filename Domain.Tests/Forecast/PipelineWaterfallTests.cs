using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using static Growth.Domain.Tests.Forecast.ForecastBookTests;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

public class PipelineWaterfallTests
{
    static readonly DateTimeOffset From = AsOf.AddDays(-7);
    static readonly DateTimeOffset InPeriod = AsOf.AddDays(10), After = Q1.End.AddDays(5);

    static Deal Won(string id, decimal amount) => Closed(id, "a", won: true, level: 6, ageDays: 10, amount: amount, closedAt: AsOf.AddDays(-1));
    static Deal Lost(string id, decimal amount) => Closed(id, "a", won: false, level: 2, ageDays: 10, amount: amount, closedAt: AsOf.AddDays(-1));

    [Fact]
    public void Start_plus_every_flow_is_the_end_exactly_and_each_deal_lands_in_its_flow()
    {
        List<Deal> before =
        [
            OpenDeal("stays", "a", 1000, ForecastCategory.Commit, InPeriod),
            OpenDeal("grows", "a", 500, ForecastCategory.Pipeline, InPeriod),
            OpenDeal("shrinks", "a", 800.10m, ForecastCategory.Pipeline, InPeriod),
            OpenDeal("wins", "b", 300, ForecastCategory.Commit, InPeriod),
            OpenDeal("wins-less", "b", 400, ForecastCategory.Commit, InPeriod),
            OpenDeal("loses", "c", 250.25m, ForecastCategory.BestCase, InPeriod),
            OpenDeal("slips", "c", 600, ForecastCategory.BestCase, InPeriod),
            OpenDeal("pulled", "d", 700, ForecastCategory.Pipeline, After),
            OpenDeal("outside", "d", 9999, ForecastCategory.Pipeline, After),
            Won("won-before", 123),
        ];
        List<Deal> after =
        [
            OpenDeal("stays", "a", 1000, ForecastCategory.Commit, InPeriod),
            OpenDeal("grows", "a", 650, ForecastCategory.Pipeline, InPeriod),
            OpenDeal("shrinks", "a", 700, ForecastCategory.Pipeline, InPeriod),
            Won("wins", 300), Won("wins-less", 350.5m), Lost("loses", 250.25m),
            OpenDeal("slips", "c", 600, ForecastCategory.BestCase, After),
            OpenDeal("pulled", "d", 700, ForecastCategory.Pipeline, InPeriod),
            OpenDeal("outside", "d", 9999, ForecastCategory.Pipeline, After),
            OpenDeal("fresh", "d", 420, ForecastCategory.Pipeline, InPeriod),
            Won("won-before", 123),
        ];
        var w = PipelineWaterfall.Between(before, after, Q1, From, AsOf);
        Assert.Equal(1000 + 500 + 800.10m + 300 + 400 + 250.25m + 600, w.Start);
        Assert.Equal((420m, 700m), (w.New, w.PulledIn));
        Assert.Equal(150m, w.Grown);
        Assert.Equal(100.10m + 49.5m, w.Shrunk);
        Assert.Equal((650.5m, 250.25m, 600m), (w.Won, w.Lost, w.SlippedOut));
        Assert.Equal(1000 + 650 + 700 + 700 + 420m, w.End);
        Assert.Equal(w.End, w.StartPlusFlows);
        Assert.Equal((7, 5), (w.StartDeals, w.EndDeals));
        // Each bar opens the deals behind it: what they put into it adds up to the bar, exactly.
        Assert.All(Enum.GetValues<WaterfallFlow>(), f => Assert.Equal(w.Of(f), w.Behind(f).Sum(m => m.Amount)));
        string[] Ids(WaterfallFlow f) => [.. w.Behind(f).Select(m => m.JourneyId).Order(StringComparer.Ordinal)];
        Assert.Equal(["fresh"], Ids(WaterfallFlow.New));
        Assert.Equal(["pulled"], Ids(WaterfallFlow.PulledIn));
        Assert.Equal(["grows"], Ids(WaterfallFlow.Grown));
        Assert.Equal(["shrinks", "wins-less"], Ids(WaterfallFlow.Shrunk));
        Assert.Equal(["wins", "wins-less"], Ids(WaterfallFlow.Won));
        Assert.Equal(["loses"], Ids(WaterfallFlow.Lost));
        Assert.Equal(["slips"], Ids(WaterfallFlow.SlippedOut));
        Assert.Equal(["fresh", "grows", "pulled", "shrinks", "stays"], Ids(WaterfallFlow.End));
        Assert.Equal(7, w.Behind(WaterfallFlow.Start).Count);
    }

    [Fact]
    public void A_deal_gone_from_the_later_list_counts_as_lost_and_the_sum_still_holds()
    {
        var w = PipelineWaterfall.Between([OpenDeal("gone", "a", 77, ForecastCategory.Commit, InPeriod)], [], Q1, From, AsOf);
        Assert.Equal((77m, 77m, 0m), (w.Start, w.Lost, w.End));
        Assert.Equal(w.End, w.StartPlusFlows);
    }

    [Fact]
    public void Many_random_moves_always_add_up()
    {
        var rng = new Random(5);
        for (var round = 0; round < 50; round++)
        {
            Deal Any(string id) => rng.Next(5) switch
            {
                0 => Won(id, rng.Next(1, 5000) / 4m),
                1 => Lost(id, rng.Next(1, 5000) / 4m),
                2 => OpenDeal(id, "a", rng.Next(1, 5000) / 4m, ForecastCategory.Pipeline, After),
                _ => OpenDeal(id, "a", rng.Next(1, 5000) / 4m, ForecastCategory.Pipeline, InPeriod),
            };
            var before = Enumerable.Range(0, 40).Where(_ => rng.Next(4) > 0).Select(i => Any($"d{i}")).ToList();
            var after = Enumerable.Range(0, 40).Where(_ => rng.Next(4) > 0).Select(i => Any($"d{i}")).ToList();
            var w = PipelineWaterfall.Between(before, after, Q1, From, AsOf);
            Assert.Equal(w.End, w.StartPlusFlows);
            Assert.All(Enum.GetValues<WaterfallFlow>(), f => Assert.Equal(w.Of(f), w.Behind(f).Sum(m => m.Amount)));
            Assert.Equal((w.StartDeals, w.EndDeals), (w.Behind(WaterfallFlow.Start).Count, w.Behind(WaterfallFlow.End).Count));
        }
    }

    [Fact]
    public void A_deal_is_judged_as_it_stood_a_week_ago()
    {
        var opened = AsOf.AddDays(-20);
        var open = Open("j", "a", 900, opened, ConversationStep.Topic, AsOf.AddDays(-2));
        var won = open with { Status = JourneyStatus.Customer, Won = true, WonValue = 850, ClosedAt = AsOf.AddDays(-1) };
        // Won yesterday: open a week ago, at its opportunity's value.
        var then = PipelineWaterfall.JudgeAt(won, 0, From)!;
        Assert.True(then.IsOpen);
        Assert.Equal((900m, 13.0), (then.Amount, then.AgeDays));
        Assert.True(PipelineWaterfall.JudgeAt(won, 0, AsOf)!.IsWon);
        // Not yet opened a week ago: no deal then.
        Assert.Null(PipelineWaterfall.JudgeAt(Open("k", "a", 100, AsOf.AddDays(-3)), 0, From));
        // Still open: judged as at that instant.
        Assert.Equal(DealJudgement.Judge(open, 0, From), PipelineWaterfall.JudgeAt(open, 0, From));
    }
}
