using Growth.Domain.Journeys;
using Growth.Domain.Training;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>Coaching from the funnel: a rep's lost deals by step and objection give the scenario and difficulty to practise.</summary>
public class TrainingCoachingTests
{
    static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    static JourneyState Deal(string rep, bool won, ConversationStep? lostAt = null, ObjectionType? objection = null) => new()
    {
        Id = $"j-{rep}", RepId = rep, OpportunityAt = At, Won = won,
        Status = won ? JourneyStatus.Customer : JourneyStatus.Lost, LostStep = lostAt, LostObjection = objection,
    };

    [Fact]
    public void Four_in_ten_deals_lost_on_budget_objections_recommends_a_budget_scenario_on_easy()
    {
        var deals = new List<JourneyState>();
        deals.AddRange(Enumerable.Range(0, 4).Select(_ => Deal("rep-1", false, ConversationStep.ObjectionHandling, ObjectionType.BudgetEnvironment)));
        deals.Add(Deal("rep-1", false, ConversationStep.Close));
        deals.AddRange(Enumerable.Range(0, 5).Select(_ => Deal("rep-1", true)));
        deals.AddRange(Enumerable.Range(0, 9).Select(_ => Deal("rep-2", false, ConversationStep.Opening)));
        var advice = TrainingCoaching.Advise(deals, "rep-1", Catalogue.Scenarios);
        Assert.Equal((10, 5, 4), (advice.Deals, advice.Lost, advice.LostThere));
        Assert.Equal((ConversationStep.ObjectionHandling, ObjectionType.BudgetEnvironment), (advice.Step!.Value, advice.Objection!.Value));
        Assert.Equal(TrainingDifficulty.Easy, advice.Difficulty);
        Assert.Contains(ObjectionType.BudgetEnvironment, Scenario(advice.ScenarioId!).Objections);
        Assert.StartsWith("You lose 4 in 10 deals at objection handling (解决异议) on budget objections (4 of 10): practise", advice.Message);
    }

    [Fact]
    public void A_rare_loss_point_recommends_hard_and_too_few_deals_say_so()
    {
        var deals = Enumerable.Range(0, 9).Select(_ => Deal("rep-3", true)).Append(Deal("rep-3", false, ConversationStep.Rapport)).ToList();
        var advice = TrainingCoaching.Advise(deals, "rep-3", Catalogue.Scenarios);
        Assert.Equal(TrainingDifficulty.Hard, advice.Difficulty);
        Assert.Null(advice.Objection);
        Assert.StartsWith("You lose 1 in 10 deals at rapport (话天地) (1 of 10)", advice.Message);

        var few = TrainingCoaching.Advise(deals.Take(3), "rep-3", Catalogue.Scenarios);
        Assert.Null(few.ScenarioId);
        Assert.Equal($"3 decided deals so far: at least {TrainingCoaching.MinDeals} are needed to say where practice would help.", few.Message);
    }
}
