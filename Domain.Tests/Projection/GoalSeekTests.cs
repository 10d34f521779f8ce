using Growth.Domain.Projection;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Projection;

/// <summary>Goal seek on the projection: deterministic per seed, monotone in the odds and the target, clear about bad input.</summary>
public class GoalSeekTests
{
    static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = 2 };

    static GoalSeekRequest Ask(double probability, decimal? target = null) => new()
    {
        Base = ProjectionSamples.Request(paths: 400),
        Period = "FY2026-Q1",
        // Nine and a half weeks left, with 100,000 booked already.
        End = ProjectionSamples.Request().Start.AddDays(66.5),
        Booked = 100_000m,
        Probability = probability,
        Target = target,
    };

    [Fact]
    public void The_same_question_gets_the_same_answer_and_higher_odds_a_lower_target()
    {
        var at80 = GoalSeek.Run(Ask(0.8), Cores);
        Assert.Equal(at80, GoalSeek.Run(Ask(0.8), Cores));

        var at50 = GoalSeek.Run(Ask(0.5), Cores);
        var at95 = GoalSeek.Run(Ask(0.95), Cores);
        Assert.True(at95.HighestTarget < at80.HighestTarget && at80.HighestTarget < at50.HighestTarget,
            $"95 %: {at95.HighestTarget}, 80 %: {at80.HighestTarget}, 50 %: {at50.HighestTarget}");
        Assert.True(at95.HighestTarget > at95.Booked, "the rest of the period adds revenue");
        Assert.Equal(at50.Median, at80.Median); // the odds move the answer, not the projection
        Assert.Equal(66.5, at80.DaysLeft);
    }

    [Fact]
    public void The_highest_target_is_the_order_statistic_the_chance_reaches()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(3, GoalSeek.Reached(sorted, 0.8)); // 8 of 10 reach 3; only 7 reach 4
        Assert.Equal(0.8, GoalSeek.Odds(sorted, 3));
        Assert.Equal(0.7, GoalSeek.Odds(sorted, 3.5));
        Assert.Equal(1, GoalSeek.Reached(sorted, 0.99));
        Assert.Equal(10, GoalSeek.Reached(sorted, 0.1));
    }

    [Fact]
    public void A_higher_target_needs_more_budget_and_the_answer_reaches_the_odds()
    {
        var plain = GoalSeek.Run(Ask(0.8), Cores);
        var easy = GoalSeek.Run(Ask(0.8, plain.HighestTarget * 0.9m), Cores).Budget!;
        var hard = GoalSeek.Run(Ask(0.8, plain.HighestTarget * 1.15m), Cores).Budget!;

        Assert.True(easy.Reachable && hard.Reachable);
        Assert.True(easy.Scale < 1, $"a target below the 80 % line needs less than today's budget (scale {easy.Scale})");
        Assert.True(easy.SpendChange < 0);
        Assert.True(hard.Scale > 1, $"a target above it needs more (scale {hard.Scale})");
        Assert.True(hard.SpendChange > 0);
        Assert.InRange(hard.SpendNeeded, hard.SpendNow * (decimal)hard.Scale * 0.99m, hard.SpendNow * (decimal)hard.Scale * 1.01m);
        Assert.True(hard.OddsNow < 0.8 && hard.Odds >= 0.8, $"odds now {hard.OddsNow}, at {hard.Scale}: {hard.Odds}");
        Assert.Equal(hard, GoalSeek.Run(Ask(0.8, plain.HighestTarget * 1.15m), Cores).Budget);
    }

    [Fact]
    public void An_out_of_reach_target_says_so()
    {
        var far = GoalSeek.Run(Ask(0.8, 1_000_000_000m), Cores).Budget!;
        Assert.False(far.Reachable);
        Assert.Equal(GoalSeek.MaxBudgetScale, far.Scale);
        Assert.Equal(0, far.Odds);
    }

    [Fact]
    public void Moving_the_budget_without_measuring_the_funnel_again_gives_the_paths_a_full_preparation_gives()
    {
        var today = ProjectionEngine.Prepare(GoalSeek.WithBudget(ProjectionSamples.Request(paths: 250), 1), 2);
        var run = GoalSeek.WithBudget(ProjectionSamples.Request(paths: 250), 1.6);
        var quick = GoalSeek.ScaleBudget(today, run, 1.6);
        Assert.NotNull(quick);
        var full = ProjectionEngine.Prepare(run, 2);
        Assert.Equal(full.Channels.Select(c => c.LeadsPerWeek), quick.Channels.Select(c => c.LeadsPerWeek));
        Assert.Equal(full.Channels.Select(c => c.SpendPerWeek), quick.Channels.Select(c => c.SpendPerWeek));
        Assert.Equal(ProjectionEngine.RunChunks(full, 0, full.Chunks, 2).Revenue, ProjectionEngine.RunChunks(quick, 0, quick.Chunks, 2).Revenue);
        // Overloaded reps change the funnel's delays: then it is measured anew.
        Assert.Null(GoalSeek.ScaleBudget(today, run, 1 / today.LoadRatio * 2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    public void A_probability_outside_zero_to_one_is_refused_by_name(double probability)
    {
        var e = Assert.Throws<ArgumentException>(() => GoalSeek.Run(Ask(probability), Cores));
        Assert.Contains("probability must be between 0 and 1", e.Message);
    }

    [Fact]
    public void A_period_that_has_ended_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => GoalSeek.Run(Ask(0.8) with { End = ProjectionSamples.Request().Start }, Cores));
        Assert.Contains("FY2026-Q1 has ended", e.Message);
    }
}
