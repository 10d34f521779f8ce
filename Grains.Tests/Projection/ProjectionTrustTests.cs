using Growth.Domain.Projection;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Projection;

/// <summary>
/// Trust: the projection's mean agrees with the actor simulation run on the same organisation, parameters and seed.
/// The simulation is one draw of the very process the projection averages, so the tolerance must cover that draw's
/// own noise. Since the first-contact decay follows Oldroyd et al. (HBR 2011), the default organisation books about
/// 260 deals in 26 weeks (about 850 under the old, gentler decay), a spread of about 6 % on its own (two runs of one
/// seed that differ only in lead seasonality moved by 8 %); the tolerance is 10 % (it was 5 % at 850 deals).
/// </summary>
[Collection(LongRunClusterCollection.Name)]
public class ProjectionTrustTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    const int Weeks = 26;

    [Theory]
    [InlineData(42UL)]
    [InlineData(7UL)]
    [InlineData(2026UL)]
    public async Task Projected_mean_weekly_revenue_is_within_10_percent_of_the_simulation_over_26_weeks(ulong seed)
    {
        var workspace = $"trust-{seed}";
        var settings = new SimulationSettings { Seed = seed, Start = Start };
        var sim = fixture.Grains.GetGrain<ISimulationGrain>(workspace);
        await sim.CreateAsync(settings);
        var organisation = await fixture.Grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync();
        // A week per call: a call stays well inside the response timeout.
        for (var week = 0; week < Weeks; week++) await sim.RunForAsync(TimeSpan.FromDays(7));
        var snapshot = await fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        var simulated = (double)snapshot!.Revenue.Total / Weeks;

        var projection = ProjectionEngine.Run(new ProjectionRequest
        {
            Organisation = organisation!, ExistingCustomers = settings.ExistingCustomers, Start = Start,
            Weeks = Weeks, Paths = 2000, Seed = seed,
        });
        var projected = projection.WeeklyRevenue.Mean;
        var gap = (projected - simulated) / simulated;
        output.WriteLine($"seed {seed}: simulated {simulated:N0}/week, projected mean {projected:N0}/week (P10 {projection.WeeklyRevenue.P10:N0}, P90 {projection.WeeklyRevenue.P90:N0}), gap {gap:P2}; "
            + $"wins sim {snapshot.Deals.Won} proj {projection.NewCustomers.Mean:N0}; repurchases sim {snapshot.Revenue.Repurchases} proj {projection.Repurchases.Mean:N0}; "
            + $"effective leads sim {snapshot.Revenue.EffectiveLeads} proj {projection.Factors.EffectiveLeads:N0}");
        Assert.InRange(gap, -0.10, 0.10);
    }
}
