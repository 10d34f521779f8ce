using System.Diagnostics;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Projection;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Benchmarks;

/// <summary>The Monte Carlo projection against a naive per-lead simulation of the same parameters.</summary>
public static class ProjectionScenario
{
    static readonly Organisation Org = OrganisationFactory.Build(42, 3, 2, 10, 5);

    /// <summary>
    /// Path-weeks per second of the projection, and the wall and CPU seconds of one 10,000-path run (whole runs,
    /// funnel measurement included). 10,000 paths at every size: the funnel measurement is a fixed cost per run,
    /// so timing fewer paths and scaling up (quick runs once timed 2,000 and multiplied by 5) overstates it.
    /// </summary>
    public static async Task<(double PathWeeksPerSecond, double SecondsFor10k, double CpuSecondsFor10k)> ProjectAsync()
    {
        const int paths = 10_000;
        var request = new ProjectionRequest { Organisation = Org, ExistingCustomers = 200, Weeks = 52, Paths = paths, Seed = 1 };
        var cpu = new List<double>();
        var seconds = await Measure.MedianAsync(run =>
        {
            var before = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            ProjectionEngine.Run(request with { Seed = (ulong)(run + 2) });
            var elapsed = watch.Elapsed.TotalSeconds;
            if (run >= 0) cpu.Add((Measure.Cpu() - before).TotalSeconds);
            return Task.FromResult(elapsed);
        });
        cpu.Sort();
        return (paths * 52 / seconds, seconds, cpu[cpu.Count / 2]);
    }

    /// <summary>Path-weeks per second when every lead of a path is walked through the journey planner.</summary>
    public static async Task<double> NaiveAsync(bool quick)
    {
        var p = BehaviourParameters.Default;
        var planner = new JourneyPlanner(p);
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var weeks = quick ? 8 : 52;
        var skills = Enumerable.Repeat(0.55, 6).ToArray();
        return await Measure.MedianAsync(run =>
        {
            var watch = Stopwatch.StartNew();
            var rng = new Prng((ulong)(run + 100));
            var end = start.AddDays(7 * weeks);
            long id = 0;
            foreach (var campaign in Org.Campaigns)
                for (var day = start; day < end; day = day.AddDays(1))
                    foreach (var lead in CampaignReach.Run(campaign, p, rng, day, day.AddDays(1)).Leads)
                    {
                        var (first, plan) = planner.Start(new JourneyStart
                        {
                            JourneyId = $"n{id++}", At = lead.At, CampaignId = campaign.Id, Channel = campaign.Channel, Persona = lead.Persona,
                            Rep = new RepAssignment(lead.RegionId, "t", "r", skills, 0.55, 20, 40),
                        });
                        planner.AdvanceTo(first.State, plan, end);
                    }
            return Task.FromResult(weeks / watch.Elapsed.TotalSeconds);
        });
    }
}
