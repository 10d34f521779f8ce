using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Forecast;

/// <summary>What an accuracy trial runs: a company (setup and organisation), its behaviour, a seed, and how long.</summary>
public sealed record AccuracyTrialSettings
{
    public required SetupDocument Setup { get; init; }
    public required Organisation Organisation { get; init; }
    public required BehaviourParameters Parameters { get; init; }
    public ulong Seed { get; init; } = 42;
    public int ExistingCustomers { get; init; }
    /// <summary>When the simulation starts: the trial forecasts every whole fiscal quarter after it.</summary>
    public required DateTimeOffset Start { get; init; }
    /// <summary>Whole fiscal quarters forecast and closed.</summary>
    public int Quarters { get; init; } = 8;
    /// <summary>Days simulated before the first forecast quarter begins, so the model has history to learn from.</summary>
    public int WarmUpDays { get; init; } = 60;
    /// <summary>Monte Carlo runs per weekly forecast.</summary>
    public int MonteCarloRuns { get; init; } = 1000;
}

/// <summary>
/// A headless forecast trial: simulates a company with the journey planner (campaigns' leads and referrals, each lead
/// to the least-loaded rep of a team of its region, existing customers), and at the start of each week of every
/// fiscal quarter takes the company's forecast by every method exactly as the Forecast page builds it
/// (<see cref="DealJudgement"/>, <see cref="WinModel"/>, <see cref="ForecastBook"/>, <see cref="MonteCarloForecast"/>);
/// as each quarter closes, its actual. Pure and deterministic per seed. It skips what the grains add to the
/// simulation's lead flow: team assignment rules other than least loaded, the pool's returns and reassignments, and
/// live setup changes; a journey's own walk is the same planner's.
/// </summary>
public static class AccuracyTrial
{
    /// <summary>Runs the trial; the weekly forecasts and each closed quarter's actual.</summary>
    public static (IReadOnlyList<WeeklyForecast> Weeks, IReadOnlyList<PeriodActual> Actuals) Run(AccuracyTrialSettings settings)
    {
        var s = settings;
        var planner = new JourneyPlanner(s.Parameters);
        var rng = new Prng(Prng.Derive(s.Seed, "accuracy-trial"));
        var calendar = new FiscalCalendar(s.Setup.Company);
        var first = calendar.QuarterOf(s.Start.AddDays(s.WarmUpDays));
        if (first.Start < s.Start.AddDays(s.WarmUpDays)) first = calendar.QuarterOf(first.End);
        var quarters = new List<FiscalPeriod> { first };
        while (quarters.Count < s.Quarters) quarters.Add(calendar.QuarterOf(quarters[^1].End));
        var optimism = s.Setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps)
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Optimism, StringComparer.Ordinal);
        if (optimism.Count == 0)
            optimism = s.Organisation.Teams.SelectMany(t => t.Reps).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Optimism, StringComparer.Ordinal);

        var closed = new List<JourneyState>();
        var open = new List<(JourneyState State, JourneyPlan Plan, DateTimeOffset? Due)>();
        // A rep's load: their open leads and opportunities (a journey leaves it once it is won, lost or disqualified).
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        var loaded = new Dictionary<string, string>(StringComparer.Ordinal);
        var referrals = new List<ReferralLead>();
        long leads = 0;

        void Started(JourneyAdvance advance, JourneyPlan plan, DateTimeOffset until)
        {
            if (advance.State.Status == JourneyStatus.Prospect && advance.State.RepId is { } first) loaded[advance.State.Id] = first;
            var rest = Settled(planner.AdvanceTo(advance.State, plan, until), plan, until);
            referrals.AddRange(advance.Referrals);
            referrals.AddRange(rest.Referrals);
            if (rest.NextDue is null) closed.Add(rest.State);
            else open.Add((rest.State, plan, rest.NextDue));
        }

        // Frees the rep of a journey no longer open in their hands; a lead returned to the pool goes to the least-loaded rep of its team.
        JourneyAdvance Settled(JourneyAdvance advance, JourneyPlan plan, DateTimeOffset at)
        {
            var state = advance.State;
            if ((state.Status != JourneyStatus.Prospect || advance.Returned is not null) && loaded.Remove(state.Id, out var had))
                load[had] = Math.Max(0, load.GetValueOrDefault(had) - 1);
            if (advance.Returned is not { } back || s.Organisation.Teams.FirstOrDefault(t => t.Id == back.TeamId && t.Reps.Count > 0) is not { } team)
                return advance;
            var rep = Pick(team);
            loaded[state.Id] = rep.RepId;
            var taken = planner.TakeFromPool(state, plan, rep, at);
            return taken with { Referrals = [.. advance.Referrals, .. taken.Referrals] };
        }

        RepAssignment Assign(string regionId)
        {
            var teams = s.Organisation.Teams.Where(t => t.RegionId == regionId && t.Reps.Count > 0).ToList();
            if (teams.Count == 0) teams = s.Organisation.Teams.Where(t => t.Reps.Count > 0).ToList();
            return Pick(teams[rng.Next(teams.Count)]);
        }

        RepAssignment Pick(TeamProfile team)
        {
            var rep = team.Reps.OrderBy(r => load.GetValueOrDefault(r.Id)).ThenBy(r => r.Id, StringComparer.Ordinal).First();
            load[rep.Id] = load.GetValueOrDefault(rep.Id) + 1;
            return new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, load[rep.Id], rep.Capacity, rep.HireDate);
        }

        foreach (var start in ExistingCustomers.Starts(s.Seed, s.ExistingCustomers, s.Organisation, s.Parameters, s.Start))
        {
            var (advance, plan) = planner.Start(start);
            Started(advance, plan, s.Start);
        }

        var weeks = new List<WeeklyForecast>();
        var actuals = new List<PeriodActual>();
        var now = s.Start;
        var end = quarters[^1].End;
        var mc = MonteCarloParameters.Default with { Runs = s.MonteCarloRuns, Seed = s.Seed };
        while (now < end)
        {
            // Forecast at the start of each week of a trial quarter; close a quarter at its end.
            var quarter = quarters.FirstOrDefault(q => now >= q.Start && now < q.End);
            if (quarters.FirstOrDefault(q => q.End == now) is { } ended)
                actuals.Add(new PeriodActual(ended.Name, ended.Start, ended.End, ForecastWeeks.Won(Deals(now), ended)));
            if (quarter is not null && (now - quarter.Start).TotalDays % ForecastWeeks.WeekDays == 0)
                weeks.Add(Forecast(quarter, now));

            var next = Next(now, quarters);
            for (var i = open.Count - 1; i >= 0; i--)
            {
                var (state, plan, due) = open[i];
                if (due > next) continue;
                var advance = Settled(planner.AdvanceTo(state, plan, next), plan, next);
                referrals.AddRange(advance.Referrals);
                if (advance.NextDue is null)
                {
                    closed.Add(advance.State);
                    open.RemoveAt(i);
                }
                else open[i] = (advance.State, plan, advance.NextDue);
            }
            var arrivals = new List<(DateTimeOffset At, string Region, Channel Channel, string? Campaign, LeadPersona Persona)>();
            foreach (var campaign in s.Organisation.Campaigns)
                foreach (var lead in CampaignReach.Run(campaign, s.Parameters, rng, now, next).Leads)
                    arrivals.Add((lead.At, lead.RegionId, campaign.Channel, campaign.Id, lead.Persona));
            foreach (var referral in referrals)
            {
                var (region, persona) = ReferralLeads.Draw(referral, s.Organisation, s.Parameters);
                arrivals.Add((referral.At < now ? now : referral.At, region, Channel.Referral, null, persona));
            }
            referrals.Clear();
            foreach (var lead in arrivals.OrderBy(a => a.At))
            {
                var (advance, plan) = planner.Start(new JourneyStart
                {
                    JourneyId = $"lead-{++leads}", At = lead.At, CampaignId = lead.Campaign, Channel = lead.Channel,
                    Persona = lead.Persona, Rep = Assign(lead.Region),
                });
                Started(advance, plan, next);
            }
            now = next;
        }
        if (quarters.FirstOrDefault(q => q.End == now) is { } last && actuals.All(a => a.Period != last.Name))
            actuals.Add(new PeriodActual(last.Name, last.Start, last.End, ForecastWeeks.Won(Deals(now), last)));
        return (weeks, actuals);

        List<Deal> Deals(DateTimeOffset asOf)
        {
            var states = closed.Concat(open.Select(o => o.State)).ToList();
            return Judged(states, asOf);
        }

        List<Deal> Judged(List<JourneyState> states, DateTimeOffset asOf)
        {
            var judgement = DealJudgementParameters.Default.Learned(states);
            return states.Select(j => DealJudgement.Judge(j, j.RepId is { } rep ? optimism.GetValueOrDefault(rep) : 0, asOf, judgement)).OfType<Deal>().ToList();
        }

        WeeklyForecast Forecast(FiscalPeriod quarter, DateTimeOffset asOf)
        {
            var deals = Deals(asOf);
            var model = WinModel.Learn(deals);
            var report = ForecastBook.Build(quarter, asOf, s.Setup.Organisation, TargetPlan.For(s.Setup, quarter), deals, model);
            var band = MonteCarloForecast.Build(report, deals, model, mc);
            var p50 = band.Rows.FirstOrDefault(r => r.Level == ForecastLevel.Company)?.Revenue.P50;
            return ForecastWeeks.From(report, deals, p50 is { } v ? Math.Round((decimal)v, 2) : null);
        }
    }

    /// <summary>The next instant the trial stops at: the next day, or sooner a week start or end of a trial quarter.</summary>
    static DateTimeOffset Next(DateTimeOffset now, IReadOnlyList<FiscalPeriod> quarters)
    {
        var next = now.AddDays(1);
        foreach (var q in quarters)
        {
            if (q.End > now && q.End < next) next = q.End;
            if (q.Start > now && q.Start < next) next = q.Start;
            if (now >= q.Start && now < q.End)
            {
                var weekEnd = q.Start.AddDays(ForecastWeeks.WeekDays * (Math.Floor((now - q.Start).TotalDays / ForecastWeeks.WeekDays) + 1));
                if (weekEnd < next) next = weekEnd;
            }
        }
        return next;
    }
}
