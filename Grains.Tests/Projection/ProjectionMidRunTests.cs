using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Projection;

/// <summary>
/// A projection started from a running workspace (customers, pipeline in flight) against the same simulation carried on.
/// The customer base is represented by customers as fresh as the simulation's opening base, which is why this check is
/// looser than the trust test from a clean start.
/// </summary>
[Collection(ClusterCollection.Name)]
public class ProjectionMidRunTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_projection_from_a_running_workspace_tracks_the_simulation_that_carries_on()
    {
        const string ws = "midrun-42";
        var sim = fixture.Grains.GetGrain<ISimulationGrain>(ws);
        var stats = fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 42, Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero) });
        for (var week = 0; week < 8; week++) await sim.RunForAsync(TimeSpan.FromDays(7));
        var now = (await stats.RefreshAsync())!;

        var projection = ProjectionEngine.Run(new ProjectionRequest
        {
            Organisation = (await fixture.Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync())!,
            ExistingCustomers = (int)(now.Revenue.Customers - now.Lifecycle.Churned),
            OpenOpportunities = (int)now.Deals.Open,
            OpenQualified = (int)(now.Funnel[(int)FunnelStage.QualifiedIntent].Current + now.Funnel[(int)FunnelStage.FollowUp].Current),
            Start = now.AsOf, Weeks = 13, Paths = 2000, Seed = 42,
        });
        for (var week = 0; week < 13; week++) await sim.RunForAsync(TimeSpan.FromDays(7));
        var later = (await stats.RefreshAsync())!;

        var simulated = (double)(later.Revenue.Total - now.Revenue.Total) / 13;
        var gap = (projection.WeeklyRevenue.Mean - simulated) / simulated;
        output.WriteLine($"from week 8: simulated {simulated:N0}/week, projected {projection.WeeklyRevenue.Mean:N0}/week "
            + $"(P10 {projection.WeeklyRevenue.P10:N0}, P90 {projection.WeeklyRevenue.P90:N0}), gap {gap:P2}; "
            + $"new customers sim {later.Revenue.NewCustomers - now.Revenue.NewCustomers} proj {projection.NewCustomers.Mean:N0}; "
            + $"repurchases sim {later.Revenue.Repurchases - now.Revenue.Repurchases} proj {projection.Repurchases.Mean:N0}");
        Assert.InRange(gap, -0.10, 0.10);
    }
}
