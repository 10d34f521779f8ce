using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Growth.Domain.Simulation;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

public class DealJudgementTests
{
    [Fact]
    public void A_neutral_rep_calls_by_step_and_an_optimist_a_step_higher()
    {
        Assert.Equal(ForecastCategory.Pipeline, DealJudgement.CategoryOf(0, 0));
        Assert.Equal(ForecastCategory.Pipeline, DealJudgement.CategoryOf(2, 0));
        Assert.Equal(ForecastCategory.BestCase, DealJudgement.CategoryOf(3, 0));
        Assert.Equal(ForecastCategory.BestCase, DealJudgement.CategoryOf(4, 0));
        Assert.Equal(ForecastCategory.Commit, DealJudgement.CategoryOf(5, 0));
        // Optimism 1 lifts a deal one step: Rapport passed (2) becomes best case, TrialClose passed (4) commit.
        Assert.Equal(ForecastCategory.BestCase, DealJudgement.CategoryOf(2, 1));
        Assert.Equal(ForecastCategory.Commit, DealJudgement.CategoryOf(4, 1));
        // A cautious rep holds back: objections handled (5) is only best case.
        Assert.Equal(ForecastCategory.BestCase, DealJudgement.CategoryOf(5, -1));
    }

    [Fact]
    public void Won_lost_and_never_opened_journeys()
    {
        var open = Open("j-1", "r1", 5000, T0, ConversationStep.Rapport);
        var won = open with { Status = JourneyStatus.Customer, Won = true, WonValue = 4800, ClosedAt = T0.AddDays(20), LastStep = ConversationStep.Close };
        var lost = open with { Status = JourneyStatus.Lost, ClosedAt = T0.AddDays(10) };
        var wonDeal = DealJudgement.Judge(won, 0, T0.AddDays(40))!;
        Assert.Equal((ForecastCategory.Closed, 4800m, 6, 20.0), (wonDeal.Category, wonDeal.Amount, wonDeal.Level, wonDeal.AgeDays));
        Assert.Equal(ForecastCategory.Omitted, DealJudgement.Judge(lost, 0, T0.AddDays(40))!.Category);
        Assert.Null(DealJudgement.Judge(new JourneyState { Id = "lead", Status = JourneyStatus.Prospect }, 0, T0));
    }

    [Fact]
    public void An_optimist_expects_an_earlier_close_than_a_cautious_rep()
    {
        var s = Open("j-7", "r1", 5000, T0);
        var hopeful = DealJudgement.Judge(s, 1, T0)!;
        var cautious = DealJudgement.Judge(s, -1, T0)!;
        Assert.True(hopeful.ExpectedCloseAt < cautious.ExpectedCloseAt);
        // 30 days × (1 ∓ 0.3) × (1 ± 0.25) at most.
        Assert.InRange((hopeful.ExpectedCloseAt - T0).TotalDays, 21 * 0.75, 21 * 1.25);
        Assert.InRange((cautious.ExpectedCloseAt - T0).TotalDays, 39 * 0.75, 39 * 1.25);
        Assert.Equal(0, hopeful.Pushes);
    }

    [Fact]
    public void A_deal_past_its_close_date_is_pushed_later_and_counted()
    {
        var s = Open("j-1", "r1", 5000, T0) with { ExpectedCloseAt = T0.AddDays(10) };
        // 20 days past a date set for day 10, a neutral rep moving it 7 days at a time: pushed 3 times, to day 31.
        var d = DealJudgement.Judge(s, 0, T0.AddDays(30))!;
        Assert.Equal(3, d.Pushes);
        Assert.Equal(T0.AddDays(31), d.ExpectedCloseAt);
        // An optimist moves it by less (7 × 0.7 = 4.9 days): 5 pushes, to day 34.5.
        var hopeful = DealJudgement.Judge(s, 1, T0.AddDays(30))!;
        Assert.Equal(5, hopeful.Pushes);
        Assert.Equal(34.5, (hopeful.ExpectedCloseAt - T0).TotalDays, 6);
        Assert.True(d.ExpectedCloseAt >= T0.AddDays(30));
        // Not yet past: no push.
        Assert.Equal(0, DealJudgement.Judge(s, 0, T0.AddDays(10))!.Pushes);
    }

    [Fact]
    public void Reps_expect_the_workspaces_own_cycle_once_ten_deals_were_won()
    {
        var won = Enumerable.Range(0, 10).Select(i => Open($"w{i}", "r1", 100, T0) with
            { Status = JourneyStatus.Customer, Won = true, WonValue = 100, ClosedAt = T0.AddDays(10 + 2 * i) }).ToList();
        Assert.Equal(19, DealJudgementParameters.Default.Learned(won).ExpectedCycleDays, 9);
        Assert.Equal(30, DealJudgementParameters.Default.Learned(won.Take(9)).ExpectedCycleDays, 9);
    }

    [Fact]
    public void Days_in_step_count_from_the_last_step_passed()
    {
        var s = Open("j-1", "r1", 5000, T0, ConversationStep.Topic, T0.AddDays(6));
        var d = DealJudgement.Judge(s, 0, T0.AddDays(10))!;
        Assert.Equal(4, d.DaysInStep, 6);
        Assert.Equal(10, d.AgeDays, 6);
    }

    [Fact]
    public void Events_carry_the_crms_close_date_and_category_and_a_later_date_is_a_push()
    {
        var s = JourneyTransitions.ApplyAll(new JourneyState { Id = "x" },
        [
            new JourneyEvent { Id = "1", Kind = EventKind.LeadCreated, At = T0 },
            new JourneyEvent { Id = "2", Kind = EventKind.Qualified, At = T0.AddDays(1) },
            new JourneyEvent { Id = "3", Kind = EventKind.OpportunityOpened, At = T0.AddDays(2), Amount = 900, ExpectedCloseAt = T0.AddDays(30) },
            new JourneyEvent { Id = "4", Kind = EventKind.StepPassed, At = T0.AddDays(5), Step = ConversationStep.Opening, ExpectedCloseAt = T0.AddDays(45), ForecastCategory = ForecastCategory.Commit },
            new JourneyEvent { Id = "5", Kind = EventKind.FollowedUp, At = T0.AddDays(6), ExpectedCloseAt = T0.AddDays(40) },
        ]);
        Assert.True(s.Accepted, s.Error);
        Assert.Equal((T0.AddDays(40), 1, T0.AddDays(5)), (s.State.ExpectedCloseAt!.Value, s.State.CloseDatePushes, s.State.StepAt!.Value));
        var d = DealJudgement.Judge(s.State, -1, T0.AddDays(7))!;
        Assert.Equal((ForecastCategory.Commit, T0.AddDays(40), 1), (d.Category, d.ExpectedCloseAt, d.Pushes));
    }

    [Fact]
    public void Same_seed_gives_the_same_deals_and_the_same_organisation_as_before()
    {
        var a = OrganisationFactory.Build(7, 2, 2, 3, 2);
        var b = OrganisationFactory.Build(7, 2, 2, 3, 2);
        Assert.Equal(a.Reps.Select(r => (r.Id, r.Optimism, r.Capacity, r.Target)), b.Reps.Select(r => (r.Id, r.Optimism, r.Capacity, r.Target)));
        Assert.All(a.Reps, r => Assert.InRange(r.Optimism, -OrganisationFactory.DemoOptimismSpread, OrganisationFactory.DemoOptimismSpread));
        Assert.True(a.Reps.Select(r => r.Optimism).Distinct().Count() > 1);
        var s = Open("j-42", "r1", 5000, T0, ConversationStep.Topic);
        Assert.Equal(DealJudgement.Judge(s, 0.3, T0.AddDays(50)), DealJudgement.Judge(s, 0.3, T0.AddDays(50)));
    }
}

public class RepOptimismSetupTests
{
    static readonly DateTimeOffset T0 = ForecastTestData.T0;

    [Fact]
    public void A_leader_sets_a_reps_optimism_between_minus_one_and_one_and_the_simulation_gets_it()
    {
        var template = Growth.Domain.Setup.SetupTemplates.Load().All[0].Document;
        var region = template.Organisation.Regions[0];
        var team = region.Teams[0];
        Growth.Domain.Setup.SetupDocument With(double optimism) => template with
        {
            Organisation = template.Organisation with
            {
                Regions = [region with { Teams = [team with { Reps = [team.Reps[0] with { Optimism = optimism }, .. team.Reps.Skip(1)] }, .. region.Teams.Skip(1)] }, .. template.Organisation.Regions.Skip(1)],
            },
        };
        var problem = Assert.Single(Growth.Domain.Setup.SetupValidator.Validate(With(1.5)));
        Assert.Equal("organisation.regions[0].teams[0].reps[0].optimism", problem.Path);
        Assert.Empty(Growth.Domain.Setup.SetupValidator.Validate(With(-0.4)));
        var compiled = Growth.Domain.Setup.SetupCompiler.Organisation(With(-0.4), T0);
        Assert.Equal(-0.4, compiled.Reps.Single(r => r.Id == team.Reps[0].Id).Optimism);
    }
}
