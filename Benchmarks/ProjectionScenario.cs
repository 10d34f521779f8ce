using System.Diagnostics;
using Growth.Grains.Model;
using Growth.Grains.Model.Projection;
using Growth.Grains.Simulation;

namespace Growth.Benchmarks;

/// <summary>The Monte Carlo projection against a naive per-lead simulation of the same parameters.</summary>
public static class ProjectionScenario
{
    static readonly Organisation Org = OrganisationFactory.Build(42, 3, 2, 10, 5);

    /// <summary>Path-weeks per second of the projection (whole runs, funnel measurement included).</summary>
    public static async Task<(double PathWeeksPerSecond, double SecondsFor10k)> ProjectAsync(bool quick)
    {
        var request = new ProjectionRequest { Organisation = Org, ExistingCustomers = 200, Weeks = 52, Paths = quick ? 2000 : 10_000, Seed = 1 };
        var rate = await Measure.MedianAsync(run =>
        {
            var watch = Stopwatch.StartNew();
            ProjectionEngine.Run(request with { Seed = (ulong)(run + 2) });
            return Task.FromResult(request.Paths * 52 / watch.Elapsed.TotalSeconds);
        });
        return (rate, 10_000 * 52 / rate);
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
