using Growth.Domain.Twin;

namespace Growth.Domain.Tests.Twin;

public class TwinJudgeTests
{
    [Fact]
    public void A_count_inside_the_range_or_on_its_edges_is_not_flagged()
    {
        var series = TwinModels.Series(22, 35, 28, 4);
        Assert.Equal(TwinVerdict.Inside, TwinJudge.Judge(series, 1, 28).Verdict);
        Assert.Equal(TwinVerdict.Inside, TwinJudge.Judge(series, 1, 22).Verdict);
        Assert.Equal(TwinVerdict.Inside, TwinJudge.Judge(series, 1, 35).Verdict);
        Assert.Equal(0, TwinJudge.Judge(series, 1, 35).Beyond);
    }

    [Fact]
    public void Below_and_above_say_how_far_outside_and_how_unusual()
    {
        var series = TwinModels.Series(22, 35, 28, 4);
        var below = TwinJudge.Judge(series, 1, 14);
        Assert.Equal(TwinVerdict.Below, below.Verdict);
        Assert.Equal(-8, below.Beyond);
        Assert.Equal(-3.5, below.Z);
        var above = TwinJudge.Judge(series, 1, 40);
        Assert.Equal(TwinVerdict.Above, above.Verdict);
        Assert.Equal(5, above.Beyond);
        Assert.Equal(3, above.Z);
    }

    [Fact]
    public void With_no_spread_only_the_exact_count_is_inside()
    {
        var series = TwinModels.Series(0, 0, 0, 0);
        var same = TwinJudge.Judge(series, 1, 0);
        Assert.Equal((TwinVerdict.Inside, (double?)0.0), (same.Verdict, same.Z));
        var one = TwinJudge.Judge(series, 1, 1);
        Assert.Equal(TwinVerdict.Above, one.Verdict);
        Assert.Null(one.Z);
        Assert.Null(TwinJudge.Z(2, 5, 0));
        Assert.Equal(1, one.Beyond);
    }

    [Fact]
    public void Before_the_first_day_there_is_nothing_to_judge_and_past_the_horizon_the_last_day_is_used()
    {
        var series = new TwinSeries(TwinScope.Company, "company", "company", TwinStep.Leads, [1, 10], [2, 15], [3, 20], [2, 15], [1, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TwinJudge.Judge(series, 0, 5));
        Assert.Equal(TwinVerdict.Above, TwinJudge.Judge(series, 1, 5).Verdict);
        Assert.Equal(TwinVerdict.Inside, TwinJudge.Judge(series, 2, 5 + 10).Verdict);
        Assert.Equal(TwinVerdict.Inside, TwinJudge.Judge(series, 9, 15).Verdict);
        var bands = new TwinBands([series], 50, 2, 1);
        var judged = TwinJudge.Judge(bands, 9, new Dictionary<string, long> { [TwinCounts.Key(TwinScope.Company, "company", TwinStep.Leads)] = 25 });
        Assert.True(judged.BeyondHorizon);
        Assert.Equal(5, Assert.Single(judged.Flags).Beyond);
    }

    [Fact]
    public void Series_without_a_live_count_are_left_out_and_flags_come_most_unusual_first()
    {
        TwinSeries S(string id, TwinStep step) => new(TwinScope.Team, id, id, step, [10], [15], [20], [15], [2]);
        var bands = new TwinBands([S("a", TwinStep.Leads), S("b", TwinStep.Leads), S("c", TwinStep.Leads)], 50, 1, 1);
        var live = new Dictionary<string, long>
        {
            [TwinCounts.Key(TwinScope.Team, "a", TwinStep.Leads)] = 22,
            [TwinCounts.Key(TwinScope.Team, "b", TwinStep.Leads)] = 2,
        };
        var judged = TwinJudge.Judge(bands, 1, live);
        Assert.Equal(2, judged.Rows.Count);
        Assert.Equal(["b", "a"], judged.Flags.Select(f => f.Id));
    }
}
