using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.LeadFeed;

/// <summary>
/// Realistic live lead flow for the ingestion API: a seeded organisation and campaigns (Bogus), leads drawn from the
/// campaigns' channels, and each lead walked through the behaviour model by the same planner the simulation uses.
/// Every call to <see cref="Next"/> moves its own clock on and returns the events that happened meanwhile, each
/// naming its journey, as the ingestion API takes them.
/// </summary>
public sealed class LeadFlow
{
    readonly BehaviourParameters p = BehaviourParameters.Default;
    readonly JourneyPlanner planner;
    readonly Organisation org;
    readonly Prng rng;
    readonly List<(JourneyState State, JourneyPlan Plan)> open = [];
    long leads;

    public LeadFlow(ulong seed, DateTimeOffset start, double budgetScale = 1)
    {
        planner = new JourneyPlanner(p);
        org = OrganisationFactory.Build(seed, 2, 2, 5, 3, budgetScale);
        rng = new Prng(Prng.Derive(seed, "lead-feed"));
        Now = start;
    }

    /// <summary>The flow's clock: the time of the latest events handed out.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Open journeys still producing events.</summary>
    public int Open => open.Count;

    /// <summary>Advances the flow by <paramref name="span"/>; returns the new events in time order.</summary>
    public IReadOnlyList<JourneyEvent> Next(TimeSpan span)
    {
        var until = Now + span;
        var events = new List<JourneyEvent>();
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var (state, plan) = open[i];
            var advance = planner.AdvanceTo(state, plan, until);
            events.AddRange(advance.Events.Select(e => e with { JourneyId = state.Id }));
            if (advance.NextDue is null) open.RemoveAt(i);
            else open[i] = (advance.State, plan);
        }
        var teams = org.Teams;
        foreach (var campaign in org.Campaigns)
            foreach (var lead in CampaignReach.Run(campaign, p, rng, Now, until).Leads)
            {
                var team = teams[rng.Next(teams.Count)];
                var rep = team.Reps[rng.Next(team.Reps.Count)];
                var id = $"feed-{++leads}";
                var (first, plan) = planner.Start(new JourneyStart
                {
                    JourneyId = id, At = lead.At, CampaignId = campaign.Id, Channel = campaign.Channel, Persona = lead.Persona,
                    Rep = new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, 10, rep.Capacity),
                });
                var rest = planner.AdvanceTo(first.State, plan, until);
                events.AddRange(first.Events.Concat(rest.Events).Select(e => e with { JourneyId = id }));
                if (rest.NextDue is not null) open.Add((rest.State, plan));
            }
        Now = until;
        // Stable: a journey's events that share an instant (created, then assigned) keep their order.
        return events.OrderBy(e => e.At).ToList();
    }
}
