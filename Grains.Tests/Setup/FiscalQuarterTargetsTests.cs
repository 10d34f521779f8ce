using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Setup;

/// <summary>Targets set per fiscal quarter change when the running simulation crosses into the next quarter.</summary>
[Collection(ClusterCollection.Name)]
public class FiscalQuarterTargetsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_new_fiscal_quarter_gives_reps_that_quarters_targets()
    {
        const string ws = "quarter-targets";
        var setup = Company(quota: 60_000) with
        {
            Targets = new TargetsSetup
            {
                Targets =
                [
                    new TargetSetup { Level = TargetLevel.Rep, Id = "t1-a", Period = "FY2026-Q1", Amount = 10_000 },
                    new TargetSetup { Level = TargetLevel.Rep, Id = "t1-a", Period = "FY2026-Q2", Amount = 20_000 },
                ],
            },
        };
        await fixture.Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(setup, "leader", "targets by quarter");
        var sim = fixture.Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Start = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), ExistingCustomers = 0 });
        var statistics = fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);

        await sim.RunForAsync(TimeSpan.FromDays(1));
        var march = (await statistics.RefreshAsync())!;
        Assert.Equal(10_000m, march.Reps.Single(r => r.Id == "t1-a").Target);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), march.Period!.Start);

        await sim.RunForAsync(TimeSpan.FromDays(3));
        var april = (await statistics.RefreshAsync())!;
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), april.Period!.Start);
        Assert.Equal(20_000m, april.Reps.Single(r => r.Id == "t1-a").Target);
        Assert.Equal(60_000m, april.Reps.Single(r => r.Id == "t1-b").Target);
        Assert.Equal(20_000m + 2 * 60_000m, april.Period!.Target);
    }
}
