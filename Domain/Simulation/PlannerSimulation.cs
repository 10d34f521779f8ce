using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

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
/// <see cref="PlannerRun"/> stepped in the simulation's fixed one-hour steps to the horizon. Pure and deterministic per
/// seed. It leaves out what a workspace without a setup does not have: tag rules, pay stances and live setup changes. Its
/// random streams are its own, so a run matches the grains' run of the same seed in distribution, not draw for draw.
/// </summary>
public static class PlannerSimulation
{
    public static PlannerRunResult Run(PlannerRunSettings settings)
    {
        var s = settings;
        var run = new PlannerRun(s.Organisation, s.Parameters, s.Seed, s.ExistingCustomers, s.Start);
        var end = s.Start.AddDays(7 * s.Weeks);
        for (var from = s.Start; from < end; from += SimulationClock.Step) run.StepTo(from + SimulationClock.Step);

        var all = run.States.ToList();
        var existing = all.Where(j => j.Existing).Sum(j => j.OrderValue);
        var fresh = all.Where(j => !j.Existing).Sum(j => j.OrderValue);
        return new PlannerRunResult(existing + fresh, fresh, existing, run.Leads, all.Count(j => !j.Existing && j.Won),
            run.EffectiveLeads, all.Count(j => !j.Existing && j.Channel == Channel.Referral), all.Count(j => !j.Existing && j.QualifiedAt is not null));
    }
}
