using Growth.Domain.Twin;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A twin started from a simulated workspace, judged against that same workspace two weeks on: the live side runs
/// as the twin was fitted, so a flag is a false flag. Three seeds, two teams, started on day 40, judged on day 54.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TwinSimulatedWorkspaceTests(DashboardHost host, Xunit.Abstractions.ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly ulong[] Seeds = [5, 6, 7];
    /// <summary>
    /// Share of series a twin of the workspace itself may flag. P5–P95 leaves 10 % out by chance; the series of one
    /// workspace move together (the company is the sum of its teams), so a few seeds' share scatters around it.
    /// </summary>
    const double FalseFlagShare = 0.10;

    [Fact]
    public async Task A_twin_of_the_simulated_workspace_itself_flags_about_as_few_series_as_chance_leaves_outside_its_band()
    {
        int rows = 0, flags = 0, fixedFlags = 0;
        foreach (var seed in Seeds)
        {
            var workspace = $"twin-self-{seed}";
            var sim = host.Grains.GetGrain<ISimulationGrain>(workspace);
            await sim.CreateAsync(new SimulationSettings { Seed = seed, Start = Start, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 40 });
            var statistics = host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace);
            await sim.RunForAsync(TimeSpan.FromDays(40));
            await statistics.RefreshAsync();
            var twin = TwinRecord.Start((await statistics.GetSnapshotAsync())!, await statistics.GetHistoryAsync(), new TwinRun(), "test");
            // The same twin with the delays the first version assumed (3 and 7 days): the measure must tell them apart.
            var fixedModel = twin.Model with { QualifyDays = TwinCalibration.AssumedQualifyDays, OpenDays = TwinCalibration.AssumedOpenDays };
            var fixedTwin = twin with { Model = fixedModel, Bands = TwinSimulation.Run(fixedModel, twin.Run) };

            await sim.RunForAsync(TimeSpan.FromDays(14));
            await statistics.RefreshAsync();
            var now = (await statistics.GetSnapshotAsync())!;
            var judged = twin.Judge(now)!;
            var judgedFixed = fixedTwin.Judge(now)!;
            Assert.Equal(14, judged.Day);
            rows += judged.Rows.Count;
            flags += judged.Flags.Count;
            fixedFlags += judgedFixed.Flags.Count;
            output.WriteLine($"seed {seed}: fitted delays {twin.Model.QualifyDays:0.0} and {twin.Model.OpenDays:0.0} days: {judged.Flags.Count} of {judged.Rows.Count} flagged; fixed 3 and 7 days: {judgedFixed.Flags.Count}");
            foreach (var f in judged.Flags) output.WriteLine($"  {f.Scope} {f.Name} {f.Step}: {f.Live}, twin {f.Low:0}–{f.High:0} z {f.Z}");
        }
        output.WriteLine($"all: fitted {flags} of {rows}, fixed {fixedFlags} of {rows}");
        Assert.True(rows >= Seeds.Length * (1 + 2 + 1) * 4, $"{rows} rows");
        Assert.True(flags <= FalseFlagShare * rows, $"fitted delays: {flags} of {rows} series flagged, more than {FalseFlagShare:P0}");
    }
}
