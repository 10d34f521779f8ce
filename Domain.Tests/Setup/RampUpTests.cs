using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Setup;

public class RampUpTests
{
    static readonly DateTimeOffset Hired = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly BehaviourParameters P = BehaviourParameters.Default;

    [Fact]
    public void A_new_rep_starts_at_the_start_share_and_reaches_full_skill_after_the_ramp()
    {
        Assert.Equal(0.6, Behaviour.Ramp(P, Hired, Hired), 9);
        Assert.Equal(0.8, Behaviour.Ramp(P, Hired, Hired.AddDays(45)), 9);
        Assert.Equal(1.0, Behaviour.Ramp(P, Hired, Hired.AddDays(90)), 9);
        Assert.Equal(1.0, Behaviour.Ramp(P, Hired, Hired.AddDays(400)), 9);
        Assert.Equal(1.0, Behaviour.Ramp(P, null, Hired));
    }

    [Fact]
    public void A_rep_hired_just_now_wins_fewer_deals_than_the_same_rep_fully_ramped()
    {
        static int Wins(DateTimeOffset? hired)
        {
            var planner = new JourneyPlanner(P);
            var won = 0;
            for (ulong seed = 1; seed <= 600; seed++)
            {
                var (first, plan) = planner.Start(new JourneyStart
                {
                    JourneyId = $"j{seed}", At = Hired, Channel = Channel.Events,
                    Persona = new LeadPersona(true, 0.9, 8000, seed),
                    Rep = new RepAssignment("r", "t", "rep", Enumerable.Repeat(0.6, 6).ToArray(), 0.7, 5, 40, hired),
                });
                if (planner.AdvanceTo(first.State, plan, Hired.AddDays(120)).State.Won) won++;
            }
            return won;
        }
        var ramped = Wins(null);
        var fresh = Wins(Hired);
        Assert.True(fresh < ramped * 0.9, $"a rep hired the day the leads came won {fresh}, a ramped one {ramped}");
    }

    [Fact]
    public void Opportunities_take_the_price_book_price_in_the_lead_region()
    {
        var p = P with
        {
            Prices = new PriceBook
            {
                Products = [new PricedProduct("only", "Only", 1234, 1)],
                RegionalPrices = [new RegionalPrice("south", "only", 999)],
            },
        };
        var planner = new JourneyPlanner(p);
        foreach (var region in new[] { "north", "south" })
            for (ulong seed = 1; seed <= 100; seed++)
            {
                var (first, plan) = planner.Start(new JourneyStart
                {
                    JourneyId = $"{region}{seed}", At = Hired, Channel = Channel.Events,
                    Persona = new LeadPersona(true, 0.9, 8000, seed),
                    Rep = new RepAssignment(region, "t", "rep", Enumerable.Repeat(0.6, 6).ToArray(), 0.7, 5, 40),
                });
                var state = planner.AdvanceTo(first.State, plan, Hired.AddDays(60)).State;
                if (state.OpportunityAt is not null) Assert.Equal(region == "south" ? 999m : 1234m, state.OpportunityValue);
            }
    }
}
