using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>
/// Deals in flight at the start (<see cref="OperatingRules.InFlightDeals"/>): open opportunities spread over the
/// conversation steps and ages, assigned by the teams' rules, on a random stream of their own (seeded, pure).
/// </summary>
public class InFlightDealsTests
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    static readonly Organisation Org = OrganisationFactory.Build(42, 2, 1, 5, 3);
    static BehaviourParameters With(int deals) => BehaviourParameters.Default with { Rules = OperatingRules.Default with { InFlightDeals = deals } };

    [Fact]
    public void Deals_are_spread_over_every_step_and_aged_before_the_start_and_the_same_seed_gives_the_same_deals()
    {
        var deals = InFlightDeals.Starts(7, 300, Org, With(300), Start);
        Assert.Equal(300, deals.Count);
        Assert.Equal(deals.Select(d => (d.Rep.RepId, d.InFlight)), InFlightDeals.Starts(7, 300, Org, With(300), Start).Select(d => (d.Rep.RepId, d.InFlight)));
        Assert.All(Enum.GetValues<ConversationStep>(), step => Assert.InRange(deals.Count(d => d.InFlight!.Reached == step), 30, 70));
        Assert.All(deals, d => Assert.True(d.InFlight!.CreatedAt < Start));
        // Older at later steps: a step's mean days for each step passed.
        var opening = deals.Where(d => d.InFlight!.Reached == ConversationStep.Opening).Average(d => (Start - d.InFlight!.CreatedAt).TotalDays);
        var close = deals.Where(d => d.InFlight!.Reached == ConversationStep.Close).Average(d => (Start - d.InFlight!.CreatedAt).TotalDays);
        Assert.True(close > opening + 3 * BehaviourParameters.Default.DaysPerStep, $"close {close:0.0} d, opening {opening:0.0} d");
        // Teams by load over capacity, then least loaded within the team (by load over each rep's capacity): every rep carries some.
        Assert.Equal(Org.Reps.Count(), deals.Select(d => d.Rep.RepId).Distinct().Count());
        Assert.All(deals.GroupBy(d => d.Rep.TeamId), g => Assert.InRange(g.Count(), 100, 200));
        Assert.Empty(InFlightDeals.Starts(7, 0, Org, With(0), Start));
    }

    [Fact]
    public void A_deal_in_flight_starts_as_an_open_opportunity_at_its_step_and_goes_on_from_there()
    {
        var planner = new JourneyPlanner(With(50));
        foreach (var deal in InFlightDeals.Starts(3, 50, Org, With(50), Start))
        {
            var (first, plan) = planner.Start(deal);
            var s = first.State;
            Assert.Equal(JourneyStatus.Prospect, s.Status);
            Assert.True(s.HasOpenOpportunity);
            Assert.Equal(deal.InFlight!.Reached == ConversationStep.Opening ? null : deal.InFlight.Reached - 1, s.LastStep);
            Assert.Equal(deal.InFlight.CreatedAt, s.CreatedAt);
            Assert.All(first.Events, e => Assert.True(e.At <= Start));
            Assert.True(first.NextDue > Start);
        }
    }

    [Fact]
    public void Deals_in_flight_win_in_the_first_weeks_where_an_empty_pipeline_cannot_and_none_leave_the_run_as_it_was()
    {
        var org = Org with { Campaigns = [] };
        PlannerRunResult Run(int deals) => PlannerSimulation.Run(new PlannerRunSettings { Organisation = org, Parameters = With(deals), Start = Start, Weeks = 2, Seed = 5 });
        Assert.Equal(0, Run(0).Wins);
        var inFlight = Run(100);
        Assert.True(inFlight.Wins > 0 && inFlight.Revenue > 0, $"{inFlight.Wins} wins");
        // The deals draw on their own stream: the campaigns' leads are drawn, routed and walked as without them.
        IEnumerable<(string, JourneyStatus, DateTimeOffset?, string?, int)> Leads(int deals)
        {
            var run = new PlannerRun(Org, With(deals), 5, 0, Start);
            for (var at = Start; at < Start.AddDays(3); at += SimulationClock.Step) run.StepTo(at + SimulationClock.Step);
            return run.States.Where(j => j.Id.StartsWith("lead-", StringComparison.Ordinal)).OrderBy(j => j.Id, StringComparer.Ordinal)
                .Select(j => (j.Id, j.Status, j.CreatedAt, j.RepId, j.EventCount)).ToList();
        }
        var without = Leads(0);
        Assert.NotEmpty(without);
        Assert.Equal(without, Leads(100));
    }
}
