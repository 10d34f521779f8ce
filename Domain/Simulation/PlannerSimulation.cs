using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>What a headless run of the actor model simulates: an organisation, its behaviour, a seed and how long.</summary>
public sealed record PlannerRunSettings
{
    public required Organisation Organisation { get; init; }
    public required BehaviourParameters Parameters { get; init; }
    public required DateTimeOffset Start { get; init; }
    public int Weeks { get; init; } = 26;
    public ulong Seed { get; init; } = 42;
    public int ExistingCustomers { get; init; }
}

/// <summary>What a headless run produced over its horizon: revenue as the statistics count it (every journey's order value: new business and existing customers' repurchases), leads started (effective, referred), qualified and won.</summary>
public sealed record PlannerRunResult(decimal Revenue, decimal NewBusiness, decimal FromExisting, long Leads, long Wins, long EffectiveLeads, long Referred, long Qualified)
{
    public double WeeklyRevenue(int weeks) => (double)Revenue / weeks;
}

/// <summary>
/// The actor simulation's model without grains, for checking the projection against it over many seeds in seconds:
/// the same fixed one-hour steps, the campaigns' leads (<see cref="CampaignReach"/>) and referrals
/// (<see cref="ReferralLeads"/>), the seeded existing customers, each new lead routed as the region and team grains
/// route it (the region's least-loaded team by load over capacity, then the team's own rule, a rep's load counting
/// their open prospects), a lead returned to the pool taken up by its team's rule, and every journey walked by the
/// very <see cref="JourneyPlanner"/> the journey grains use. Pure and deterministic per seed. It leaves out what a
/// workspace without a setup does not have: tag rules, pay stances and live setup changes. Its random streams are
/// its own, so a run matches the grains' run of the same seed in distribution, not draw for draw.
/// </summary>
public static class PlannerSimulation
{
    sealed class Open(JourneyState state, JourneyPlan plan)
    {
        public JourneyState State = state;
        public readonly JourneyPlan Plan = plan;
    }

    public static PlannerRunResult Run(PlannerRunSettings settings)
    {
        var s = settings;
        var org = s.Organisation;
        var planner = new JourneyPlanner(s.Parameters);
        var rng = new Prng(Prng.Derive(s.Seed, "planner-simulation"));
        var end = s.Start.AddDays(7 * s.Weeks);
        var teams = org.Teams.Where(t => t.Reps.Count > 0).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var loads = teams.Values.ToDictionary(t => t.Id, t => new int[t.Reps.Count], StringComparer.Ordinal);
        var cursors = teams.Keys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        var capacity = teams.Values.ToDictionary(t => t.Id, t => Math.Max(1, t.Reps.Sum(r => r.Capacity)), StringComparer.Ordinal);
        var loadedBy = new Dictionary<string, (string Team, int Rep)>(StringComparer.Ordinal);
        var due = new PriorityQueue<Open, DateTimeOffset>();
        var closed = new List<JourneyState>();
        var referrals = new List<ReferralLead>();
        var returned = new List<(Open Journey, PoolReturn Back)>();
        long leads = 0, effectiveLeads = 0;

        void Keep(Open journey, JourneyAdvance advance)
        {
            journey.State = advance.State;
            referrals.AddRange(advance.Referrals);
            var st = advance.State;
            // A lead counts against its rep's load while it is an open prospect (as the journey grain releases it).
            if ((st.Status != JourneyStatus.Prospect || advance.Returned is not null) && loadedBy.Remove(st.Id, out var had))
                loads[had.Team][had.Rep] = Math.Max(0, loads[had.Team][had.Rep] - 1);
            if (advance.Returned is { } back && teams.ContainsKey(back.TeamId)) returned.Add((journey, back));
            else if (advance.NextDue is { } next) due.Enqueue(journey, next);
            else closed.Add(st);
        }

        RepAssignment Assign(TeamProfile team, string journeyId)
        {
            var teamLoads = loads[team.Id];
            var pick = LeadAssignment.Pick(team.Rule, team.Reps, teamLoads, cursors[team.Id]++, null, team.RegionId);
            var rep = team.Reps[pick];
            var assignment = new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, teamLoads[pick], rep.Capacity, rep.HireDate);
            teamLoads[pick]++;
            loadedBy[journeyId] = (team.Id, pick);
            return assignment;
        }

        TeamProfile TeamOf(string regionId)
        {
            TeamProfile? best = null;
            var bestLoad = double.MaxValue;
            foreach (var team in teams.Values.Where(t => t.RegionId == regionId).DefaultIfEmpty(teams.Values.First()))
            {
                var load = (double)loads[team.Id].Sum() / capacity[team.Id];
                if (load < bestLoad) (best, bestLoad) = (team, load);
            }
            return best!;
        }

        foreach (var start in ExistingCustomers.Starts(s.Seed, s.ExistingCustomers, org, s.Parameters, s.Start))
        {
            var (first, plan) = planner.Start(start);
            var journey = new Open(first.State, plan);
            referrals.AddRange(first.Referrals);
            Keep(journey, planner.AdvanceTo(first.State, plan, s.Start));
        }

        var stepping = new List<Open>();
        var arrivals = new List<(DateTimeOffset At, string Region, Channel Channel, string? Campaign, LeadPersona Persona)>();
        for (var from = s.Start; from < end; from += SimulationClock.Step)
        {
            var to = from + SimulationClock.Step;
            // Journeys due in the step walk to its end; leads returned to the pool go to a rep their team picks.
            stepping.Clear();
            while (due.TryPeek(out _, out var at) && at <= to) stepping.Add(due.Dequeue());
            foreach (var journey in stepping) Keep(journey, planner.AdvanceTo(journey.State, journey.Plan, to));
            var back = returned.ToList();
            returned.Clear();
            foreach (var (journey, pooled) in back)
            {
                var rep = Assign(teams[pooled.TeamId], journey.State.Id);
                Keep(journey, planner.TakeFromPool(journey.State, journey.Plan, rep, to));
            }

            // New leads of the step, campaigns' and referrals' (those of the step before), in time order.
            arrivals.Clear();
            foreach (var campaign in org.Campaigns)
                foreach (var lead in CampaignReach.Run(campaign, s.Parameters, rng, from, to).Leads)
                    arrivals.Add((lead.At, lead.RegionId, campaign.Channel, campaign.Id, lead.Persona));
            foreach (var referral in referrals)
            {
                var (region, persona) = ReferralLeads.Draw(referral, org, s.Parameters);
                arrivals.Add((referral.At < from ? from : referral.At, region, Channel.Referral, null, persona));
            }
            referrals.Clear();
            arrivals.Sort((a, b) => a.At.CompareTo(b.At));
            foreach (var lead in arrivals)
            {
                var id = $"lead-{++leads}";
                if (lead.Persona.Effective) effectiveLeads++;
                var (first, plan) = planner.Start(new JourneyStart
                {
                    JourneyId = id, At = lead.At, CampaignId = lead.Campaign, Channel = lead.Channel,
                    Persona = lead.Persona, Rep = Assign(TeamOf(lead.Region), id),
                });
                var journey = new Open(first.State, plan);
                referrals.AddRange(first.Referrals);
                Keep(journey, planner.AdvanceTo(first.State, plan, to));
            }
        }

        var all = closed.Concat(due.UnorderedItems.Select(x => x.Element.State)).Concat(returned.Select(r => r.Journey.State)).ToList();
        var existing = all.Where(j => j.Existing).Sum(j => j.OrderValue);
        var fresh = all.Where(j => !j.Existing).Sum(j => j.OrderValue);
        return new PlannerRunResult(existing + fresh, fresh, existing, leads, all.Count(j => !j.Existing && j.Won),
            effectiveLeads, all.Count(j => !j.Existing && j.Channel == Channel.Referral), all.Count(j => !j.Existing && j.QualifiedAt is not null));
    }
}
