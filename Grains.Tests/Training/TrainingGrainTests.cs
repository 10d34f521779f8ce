using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Grains.Tests.Training;

/// <summary>Sessions, trainee history, cohort leaderboard and the funnel link on a two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public class TrainingGrainTests(ClusterFixture fixture)
{
    IGrainFactory Grains => fixture.Grains;

    /// <summary>Plays a session through the grain, choosing what the pure engine says is best (or worst).</summary>
    async Task<TrainingSessionView> PlayAsync(string workspace, string sessionId, TrainingScenario scenario, ulong seed, bool best, string trainee, string cohort)
    {
        var grain = Grains.GetGrain<ITrainingSessionGrain>(Keys.Of(workspace, sessionId));
        var view = await grain.StartAsync(new TrainingStart(scenario, TrainingDifficulty.Normal, seed, trainee, cohort));
        // The engine replays the same session locally to know which choice is which (the view hides qualities).
        var local = Start(scenario, TrainingDifficulty.Normal, seed);
        while (view.Outcome == TrainingOutcome.InProgress)
        {
            Assert.Equal(local.Options.Select(o => o.Id), view.Choices.Select(c => c.Id));
            var pick = best ? Best(local) : Worst(local);
            local = TrainingEngine.Choose(scenario, local, pick.Id);
            view = await grain.ChooseAsync(pick.Id);
        }
        Assert.Equal(local.Outcome, view.Outcome);
        return view;
    }

    [Fact]
    public async Task A_session_plays_to_its_outcome_and_reports_to_history_and_cohort()
    {
        const string ws = "training-grains";
        var s = Scenario("tutoring-parent");
        var won = await PlayAsync(ws, "s-1", s, s.Seed, best: true, "Ana Lima", "Spring 26");
        var lost = await PlayAsync(ws, "s-2", s, s.Seed, best: false, "Bo Chen", "Spring 26");
        var again = await PlayAsync(ws, "s-3", s, s.Seed + 1, best: true, "ana lima", "spring-26");

        Assert.Equal(TrainingOutcome.Won, won.Outcome);
        Assert.True(won.OrderValue > 0);
        Assert.NotNull(won.Review);
        Assert.Equal(100, won.Review.Score);
        Assert.Equal(TrainingOutcome.Lost, lost.Outcome);
        Assert.NotNull(lost.LostAt);
        Assert.NotNull(lost.Review!.Lesson);

        var history = await Grains.GetGrain<ITrainingTraineeGrain>(Keys.Of(ws, TrainingKeys.KeyOf("Ana Lima"))).GetHistoryAsync();
        Assert.Equal(["s-3", "s-1"], history.Select(h => h.SessionId));
        var board = await Grains.GetGrain<ICohortGrain>(Keys.Of(ws, TrainingKeys.KeyOf("Spring 26"))).GetLeaderboardAsync();
        Assert.Equal(["ana lima", "Bo Chen"], board.Select(r => r.Trainee)); // the name as last written
        Assert.Equal(2, board[0].Sessions);

        // The session is over: a further choice is refused and nothing changes.
        var e = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<ITrainingSessionGrain>(Keys.Of(ws, "s-1")).ChooseAsync("tp-close-best"));
        Assert.Contains("is over", e.Message);
        Assert.Equal(TrainingOutcome.Won, (await Grains.GetGrain<ITrainingSessionGrain>(Keys.Of(ws, "s-1")).GetAsync())!.Outcome);
    }

    [Fact]
    public async Task A_chinese_scenario_plays_through_the_grain_in_chinese_and_keeps_its_language()
    {
        var s = Catalogue.In("zh-Hans").Find("home-solar")!;
        var won = await PlayAsync("training-grains-zh", "zh-1", s, s.Seed, best: true, "Zhou Li", "Spring 26");
        var lost = await PlayAsync("training-grains-zh", "zh-2", s, s.Seed, best: false, "Zhou Li", "Spring 26");
        Assert.Equal(TrainingOutcome.Won, won.Outcome);
        Assert.Equal("为房主推荐屋顶光伏", won.ScenarioTitle);
        // What the customer said and did, read back from the grain, is the Chinese engine's.
        var local = Play(s, Start(s, TrainingDifficulty.Normal, s.Seed), Worst);
        Assert.Equal(local.Turns.Select(t => (t.Customer, t.Reaction)), lost.Transcript.Select(t => (t.Customer, t.Reaction)));
        Assert.Equal(local.Reason, lost.Reason);
        Assert.Contains("更好的回答是“", lost.Review!.Lesson ?? "");
        Assert.Equal(TrainingLanguages.Chinese, local.Language);
    }

    [Fact]
    public async Task A_choice_not_on_offer_and_a_bad_trainee_name_are_refused()
    {
        const string ws = "training-refusals";
        var s = Scenario("home-solar");
        var grain = Grains.GetGrain<ITrainingSessionGrain>(Keys.Of(ws, "r-1"));
        await Assert.ThrowsAsync<DomainException>(() => grain.StartAsync(new TrainingStart(s, TrainingDifficulty.Easy, null, "", "c")));
        var view = await grain.StartAsync(new TrainingStart(s, TrainingDifficulty.Easy, null, "Cleo", "c"));
        Assert.Equal(s.Seed, view.Seed);
        var e = await Assert.ThrowsAsync<DomainException>(() => grain.ChooseAsync("no-such-choice"));
        Assert.Contains("not one of the choices", e.Message);
        Assert.Empty((await grain.GetAsync())!.Transcript);
    }

    async Task<TrainingFunnelEffect> ProjectAsync(string ws, TrainingFunnelRequest request)
    {
        var funnel = Grains.GetGrain<ITrainingFunnelGrain>(Keys.Of(ws, TrainingKeys.KeyOf(request.Trainee)));
        var status = await funnel.StartAsync(request);
        for (var chunk = 0; !status.Done; chunk++)
        {
            Assert.True(chunk < 40, "the projection must finish");
            status = await funnel.AdvanceAsync();
        }
        return status.Effect!;
    }

    [Fact]
    public async Task A_skilled_trainee_dropped_into_a_team_raises_the_team_s_win_rate()
    {
        const string ws = "training-funnel";
        var strong = await ProjectAsync(ws, new TrainingFunnelRequest("Star", [0.95, 0.9, 0.9, 0.9, 0.9, 0.95], Seed: 42, Days: 60));
        var weak = await ProjectAsync(ws, new TrainingFunnelRequest("Weak", [0.1, 0.1, 0.3, 0.1, 0.1, 0.1], Seed: 42, Days: 60));

        // Same seed, same base run.
        Assert.Equal(strong.Without with { Workspace = "" }, weak.Without with { Workspace = "" });
        Assert.Equal("Star", strong.With.RepName);
        Assert.True(strong.With.RepWinRate > strong.Without.RepWinRate, $"{strong.With.RepWinRate} vs {strong.Without.RepWinRate}");
        Assert.True(weak.With.RepWinRate < weak.Without.RepWinRate, $"{weak.With.RepWinRate} vs {weak.Without.RepWinRate}");
        Assert.True(strong.With.TeamWinRate > strong.Without.TeamWinRate);
        Assert.True(strong.With.TeamWinRate > weak.With.TeamWinRate);
        Assert.True(strong.With.TeamWon + strong.With.TeamLost > 50, "enough deals to compare");
    }
}
