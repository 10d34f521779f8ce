using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
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
/// A headless forecast trial: simulates a company with <see cref="PlannerRun"/> (the loop of <see cref="PlannerSimulation"/>:
/// campaigns' leads and referrals routed as the region and team grains route them, pool returns taken up by the team's
/// rule, existing customers, one-hour steps), and at the start of each week of every fiscal quarter takes the company's
/// forecast by every method exactly as the Forecast page builds it (<see cref="DealJudgement"/>, <see cref="WinModel"/>,
/// <see cref="ForecastBook"/>, <see cref="MonteCarloForecast"/>); as each quarter closes, its actual. Pure and
/// deterministic per seed. It leaves out tag rules and live setup changes.
/// </summary>
public static class AccuracyTrial
{
    /// <summary>Runs the trial; the weekly forecasts and each closed quarter's actual.</summary>
    public static (IReadOnlyList<WeeklyForecast> Weeks, IReadOnlyList<PeriodActual> Actuals) Run(AccuracyTrialSettings settings)
    {
        var s = settings;
        var calendar = new FiscalCalendar(s.Setup.Company);
        var first = calendar.QuarterOf(s.Start.AddDays(s.WarmUpDays));
        if (first.Start < s.Start.AddDays(s.WarmUpDays)) first = calendar.QuarterOf(first.End);
        var quarters = new List<FiscalPeriod> { first };
        while (quarters.Count < s.Quarters) quarters.Add(calendar.QuarterOf(quarters[^1].End));
        var optimism = s.Setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps)
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Optimism, StringComparer.Ordinal);
        if (optimism.Count == 0)
            optimism = s.Organisation.Teams.SelectMany(t => t.Reps).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Optimism, StringComparer.Ordinal);

        var run = new PlannerRun(s.Organisation, s.Parameters, s.Seed, s.ExistingCustomers, s.Start, "accuracy-trial");
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
            now = Next(now, quarters);
            run.StepTo(now);
        }
        if (quarters.FirstOrDefault(q => q.End == now) is { } last && actuals.All(a => a.Period != last.Name))
            actuals.Add(new PeriodActual(last.Name, last.Start, last.End, ForecastWeeks.Won(Deals(now), last)));
        return (weeks, actuals);

        List<Deal> Deals(DateTimeOffset asOf)
        {
            var states = run.States.ToList();
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

    /// <summary>The next instant the trial stops at: the simulation's next hour, or sooner a week start or end of a trial quarter.</summary>
    static DateTimeOffset Next(DateTimeOffset now, IReadOnlyList<FiscalPeriod> quarters)
    {
        var next = now + SimulationClock.Step;
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
