using Growth.Domain.Journeys;
using Growth.Domain.Training;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>Any lost deal becomes a practice scenario: its customer, its objections and the step it died at.</summary>
public class LostDealScenarioTests
{
    static readonly DateTimeOffset At = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);

    static JourneyEvent Event(EventKind kind, int hour, ObjectionType? objection = null, ConversationStep? step = null) =>
        new() { Id = $"e{hour}", Kind = kind, At = At.AddHours(hour), Objection = objection, Step = step };

    static readonly JourneyState LostOnExperience = new()
    {
        Id = "L-000123", Status = JourneyStatus.Lost, RepId = "rep-1-2-3", OpportunityAt = At, OpportunityValue = 36_000m,
        LostStep = ConversationStep.ObjectionHandling, LostObjection = ObjectionType.Experience, LostReason = "objection not handled",
    };

    static readonly JourneyEvent[] Timeline =
    [
        Event(EventKind.OpportunityOpened, 0),
        Event(EventKind.ObjectionRaised, 5, ObjectionType.CompetitorDifference),
        Event(EventKind.StepPassed, 6, step: ConversationStep.TrialClose),
        Event(EventKind.ObjectionRaised, 9, ObjectionType.Experience),
        Event(EventKind.Lost, 10, ObjectionType.Experience, ConversationStep.ObjectionHandling),
    ];

    [Fact]
    public void A_deal_lost_on_an_objection_becomes_a_scenario_with_its_objections_its_value_and_the_step_it_died_at()
    {
        var (deal, problem) = LostDealScenarios.Of("demo", LostOnExperience, Timeline);
        Assert.Null(problem);
        Assert.Equal([ObjectionType.CompetitorDifference, ObjectionType.Experience], deal!.Objections);
        Assert.Equal((ConversationStep.ObjectionHandling, "rep-1-2-3", 36_000m), (deal.LostStep!.Value, deal.RepId, deal.Value));

        var practice = LostDealScenarios.Build(deal, Catalogue.Scenarios);
        var s = practice.Scenario;
        // Only fleet-telematics knows both objections (competitor difference and experience); the losing one comes first.
        Assert.Equal("deal-l-000123", s.Id);
        Assert.Equal($"Lost deal L-000123: {Scenario("fleet-telematics").Title}", s.Title);
        Assert.Equal([ObjectionType.Experience, ObjectionType.CompetitorDifference], s.Objections);
        Assert.Equal(36_000m, s.ListPrice);
        Assert.Equal(37_500m, s.Budget.Median); // 25,000 × 36,000 / 24,000: budget against price stays as written
        Assert.StartsWith("A replay of L-000123 (demo), lost at objection handling (解决异议) (objection not handled); objections raised: competitor difference, experience.", s.Summary);
        // Two objections: Normal is the easiest difficulty at which a customer raises two.
        Assert.Equal(TrainingDifficulty.Normal, practice.Difficulty);
        TrainingScenarios.Recheck(s, "lost deal");

        // The same deal is the same customer, who raises exactly the deal's objections.
        Assert.Equal(practice.Seed, LostDealScenarios.Build(deal, Catalogue.Scenarios).Seed);
        var persona = TrainingFacesFactory.Persona(s, practice.Difficulty, practice.Seed);
        Assert.Equal(s.Objections.Order(), persona.HiddenObjections.Order());
    }

    [Fact]
    public void Only_lost_opportunities_are_deals_to_practise()
    {
        Assert.Equal("journey L-1 is not a lost deal (it is Customer)",
            LostDealScenarios.Of("demo", LostOnExperience with { Id = "L-1", Status = JourneyStatus.Customer, Won = true }, []).Problem);
        Assert.Equal("journey L-2 was lost before it became an opportunity: there is no conversation to practise",
            LostDealScenarios.Of("demo", LostOnExperience with { Id = "L-2", OpportunityAt = null }, []).Problem);
    }

    [Fact]
    public void A_deal_lost_without_objections_keeps_the_scenarios_own_and_an_odd_id_is_made_safe()
    {
        var deal = new LostDeal("demo", "Acme/Deal #7 — 2026", "rep-1", ConversationStep.Rapport, "no rapport", null, [], 0m);
        var practice = LostDealScenarios.Build(deal, Catalogue.Scenarios);
        Assert.Equal("deal-acme-deal-7-2026", practice.Scenario.Id);
        Assert.Equal("clinic-cloud-backup", Catalogue.Scenarios.OrderBy(x => x.Id, StringComparer.Ordinal).First().Id);
        Assert.Equal(Scenario("clinic-cloud-backup").Objections, practice.Scenario.Objections);
        Assert.Equal(Scenario("clinic-cloud-backup").ListPrice, practice.Scenario.ListPrice);
        Assert.Equal(TrainingDifficulty.Normal, practice.Difficulty); // not Hard: none of its objections came up in the real deal
        Assert.Equal(40, LostDealScenarios.IdOf(new string('x', 80)).Length);
    }
}
