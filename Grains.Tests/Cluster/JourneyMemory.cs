using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Tests.Cluster;

/// <summary>Whether journeys are in memory, and the seeded simulation the dormancy and record-list tests both read.</summary>
public static class JourneyMemory
{
    /// <summary>
    /// One small organisation (seed 3, four reps, ten existing customers) simulated for 60 days from 5 January 2026:
    /// run once per cluster and only read by the tests that share it (it has lost deals asleep).
    /// </summary>
    public const string SleepyWorkspace = "journeys-seed3-60d";

    public static Task<ISimulationGrain> SleepySimulationAsync(ClusterFixture fixture) =>
        fixture.SimulatedOnceAsync(SleepyWorkspace, new SimulationSettings
        {
            Seed = 3, Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), Regions = 1, TeamsPerRegion = 1, RepsPerTeam = 4, Campaigns = 2, ExistingCustomers = 10,
        }, TimeSpan.FromDays(60));

    /// <summary>Whether the journey's grain is activated on any silo (the management grain's view of the catalogs).</summary>
    public static async Task<bool> ActivatedAsync(IGrainFactory grains, string ws, string id)
    {
        var grainId = grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetGrainId();
        return (await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(grainId.Type)).Contains(grainId);
    }

    /// <summary>
    /// Deactivation follows the call that asked for it: waits for the activation's own deactivation on every silo (a
    /// generous guard of 30 s ends the wait for one that never goes; no timing is asserted), then asks the catalogs.
    /// </summary>
    public static async Task AssertLeavesMemoryAsync(ClusterFixture fixture, string ws, string id)
    {
        var grainId = fixture.Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetGrainId();
        var deactivated = Task.WhenAll(fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ActivationWatch>().DeactivatedAsync(grainId)));
        try { await deactivated.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException) { /* still there: the catalogs' answer below fails the test */ }
        Assert.False(await ActivatedAsync(fixture.Grains, ws, id), $"journey {id} is still activated 30 s after it went dormant");
    }
}
