using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>
/// The loop of <see cref="PlannerSimulation"/>, stepped by its caller: the campaigns' leads (<see cref="CampaignReach"/>)
/// and referrals (<see cref="ReferralLeads"/>), the seeded existing customers, each new lead routed as the region and team
/// grains route it (the region's least-loaded team by load over capacity, then the team's own rule, a rep's load counting
/// their open prospects), a lead returned to the pool taken up by its team's rule at the next step, and every journey
/// walked by the very <see cref="JourneyPlanner"/> the journey grains use. Pure and deterministic per seed: the same
/// steps give the same journeys. <see cref="PlannerSimulation"/> steps it an hour at a time to its horizon; the forecast
/// accuracy trial (<see cref="Forecast.AccuracyTrial"/>) the same, stopping at its week starts to take forecasts.
/// </summary>
public sealed class PlannerRun
{
    sealed class Open(JourneyState state, JourneyPlan plan)
    {
        public JourneyState State = state;
        public readonly JourneyPlan Plan = plan;
    }

    readonly Organisation org;
    readonly BehaviourParameters parameters;
    readonly JourneyPlanner planner;
    readonly Prng rng;
    readonly Dictionary<string, TeamProfile> teams;
    readonly Dictionary<string, int[]> loads;
    readonly Dictionary<string, long> cursors;
    readonly Dictionary<string, int> capacity;
    readonly Dictionary<string, (string Team, int Rep)> loadedBy = new(StringComparer.Ordinal);
    readonly PriorityQueue<Open, DateTimeOffset> due = new();
    readonly List<JourneyState> closed = [];
    readonly List<ReferralLead> referrals = [];
    List<(Open Journey, PoolReturn Back)> returned = [];
    readonly List<Open> stepping = [];
    readonly List<(DateTimeOffset At, string Region, Channel Channel, string? Campaign, LeadPersona Persona)> arrivals = [];

    /// <summary>Where the run has got to: every journey has been walked to here.</summary>
    public DateTimeOffset Now { get; private set; }
    /// <summary>Leads started (campaigns' and referrals'), and of them the effective ones.</summary>
    public long Leads { get; private set; }
    public long EffectiveLeads { get; private set; }

    /// <summary>A run of <paramref name="org"/> from <paramref name="start"/>, its existing customers started there.</summary>
    /// <param name="stream">The name its random stream is derived from with <paramref name="seed"/>.</param>
    public PlannerRun(Organisation org, BehaviourParameters parameters, ulong seed, int existingCustomers, DateTimeOffset start, string stream = "planner-simulation")
    {
        this.org = org;
        this.parameters = parameters;
        planner = new JourneyPlanner(parameters);
        rng = new Prng(Prng.Derive(seed, stream));
        teams = org.Teams.Where(t => t.Reps.Count > 0).ToDictionary(t => t.Id, StringComparer.Ordinal);
        loads = teams.Values.ToDictionary(t => t.Id, t => new int[t.Reps.Count], StringComparer.Ordinal);
        cursors = teams.Keys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        capacity = teams.Values.ToDictionary(t => t.Id, t => Math.Max(1, t.Reps.Sum(r => r.Capacity)), StringComparer.Ordinal);
        Now = start;
        foreach (var existing in ExistingCustomers.Starts(seed, existingCustomers, org, parameters, start))
        {
            var (first, plan) = planner.Start(existing);
            var journey = new Open(first.State, plan);
            referrals.AddRange(first.Referrals);
            Keep(journey, planner.AdvanceTo(first.State, plan, start));
        }
        // Opportunities already open at the start (the setup's rules.inFlightDeals), on their own random stream.
        foreach (var deal in InFlightDeals.Starts(seed, parameters.Rules.InFlightDeals, org, parameters, start))
        {
            var (first, plan) = planner.Start(deal);
            Keep(new Open(first.State, plan), planner.AdvanceTo(first.State, plan, start));
        }
    }

    /// <summary>Every journey as it stands at <see cref="Now"/>: closed, open, and returned to the pool.</summary>
    public IEnumerable<JourneyState> States =>
        closed.Concat(due.UnorderedItems.Select(x => x.Element.State)).Concat(returned.Select(r => r.Journey.State));

    /// <summary>
    /// One step from <see cref="Now"/> to <paramref name="to"/>: journeys due in it walk to its end, leads returned to the
    /// pool go to a rep their team picks, then the step's new leads (campaigns' and the referrals of the step before) start,
    /// in time order, and walk to its end.
    /// </summary>
    public void StepTo(DateTimeOffset to)
    {
        var from = Now;
        stepping.Clear();
        while (due.TryPeek(out _, out var at) && at <= to) stepping.Add(due.Dequeue());
        foreach (var journey in stepping) Keep(journey, planner.AdvanceTo(journey.State, journey.Plan, to));
        var back = returned;
        returned = [];
        foreach (var (journey, pooled) in back)
        {
            var rep = Assign(teams[pooled.TeamId], journey.State.Id);
            Keep(journey, planner.TakeFromPool(journey.State, journey.Plan, rep, to));
        }

        arrivals.Clear();
        foreach (var campaign in org.Campaigns)
            foreach (var lead in CampaignReach.Run(campaign, parameters, rng, from, to).Leads)
                arrivals.Add((lead.At, lead.RegionId, campaign.Channel, campaign.Id, lead.Persona));
        foreach (var referral in referrals)
        {
            var (region, persona) = ReferralLeads.Draw(referral, org, parameters);
            arrivals.Add((referral.At < from ? from : referral.At, region, Channel.Referral, null, persona));
        }
        referrals.Clear();
        arrivals.Sort((a, b) => a.At.CompareTo(b.At));
        foreach (var lead in arrivals)
        {
            var id = $"lead-{++Leads}";
            if (lead.Persona.Effective) EffectiveLeads++;
            var (first, plan) = planner.Start(new JourneyStart
            {
                JourneyId = id, At = lead.At, CampaignId = lead.Campaign, Channel = lead.Channel,
                Persona = lead.Persona, Rep = Assign(TeamOf(lead.Region), id),
            });
            var journey = new Open(first.State, plan);
            referrals.AddRange(first.Referrals);
            Keep(journey, planner.AdvanceTo(first.State, plan, to));
        }
        Now = to;
    }

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
}
