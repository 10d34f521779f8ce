using Growth.Domain.Twin;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Twin;

/// <summary>
/// The twin judged against the simulation it was fitted on: three seeded workspaces (two teams of three reps, two
/// campaigns, 40 existing customers), the twin started on day 40 and the live figures judged on day 54. Nothing changed
/// in the workspace, so every flag is a false one; P5–P95 leaves 10 % out. Judged three ways on the same runs: the
/// fitted parameters taken as known (as the twin ran before), each run drawing its rates from the counts they were
/// fitted on (<see cref="TwinDraws"/>), and that plus each channel's fitted day-to-day spread (<see cref="TwinDispersion"/>).
/// </summary>
[Collection(LongRunClusterCollection.Name)]
public class TwinFalseFlagTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The fitted model with its rates taken as known and Poisson lead flow: the twin as it was before the draws.</summary>
    static TwinModel Known(TwinModel m) => m with
    {
        Teams = m.Teams.Select(t => t with { QualifyBasis = 0, OpenBasis = 0, WinBasis = 0 }).ToList(),
        Channels = m.Channels.Select(c => c with { WindowLeads = 0, Dispersion = 1 }).ToList(),
    };

    static TwinModel Poisson(TwinModel m) => m with { Channels = m.Channels.Select(c => c with { Dispersion = 1 }).ToList() };

    async Task<TwinJudgement[]> JudgedAsync(ulong seed)
    {
        var ws = $"twin-false-flags-{seed}";
        var sim = fixture.Grains.GetGrain<ISimulationGrain>(ws);
        // Without the long run: a rep leaving or a filling market is a real change the twin should flag, and this test
        // judges the twin on a company that does not change (with it on, 13 of 72 series were flagged).
        await sim.CreateAsync(new SimulationSettings { Seed = seed, Start = Start, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 40, LongRun = false });
        var statistics = fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);
        // In slices of at most ten days: each call stays well inside the response timeout on a loaded machine.
        foreach (var days in new[] { 10, 10, 10, 10 }) await sim.RunForAsync(TimeSpan.FromDays(days));
        var twin = TwinRecord.Start((await statistics.RefreshAsync())!, await statistics.GetHistoryAsync(), new TwinRun(), "test");
        foreach (var days in new[] { 7, 7 }) await sim.RunForAsync(TimeSpan.FromDays(days));
        var now = (await statistics.RefreshAsync())!;
        var live = TwinCounts.Since(TwinCounts.Of(now), twin.Baseline);
        var day = twin.DaysAt(now.AsOf);
        var judged = new[] { Known(twin.Model), Poisson(twin.Model), twin.Model }
            .Select(m => TwinJudge.Judge(TwinSimulation.Run(m, twin.Run), day, live)).ToArray();
        output.WriteLine($"seed {seed}, day {day}: flagged {judged[0].Flags.Count} (rates known), {judged[1].Flags.Count} (rates drawn), {judged[2].Flags.Count} (and day-to-day spread) of {judged[2].Rows.Count}; " +
            "spread " + string.Join(", ", twin.Model.Channels.Select(c => $"{c.Id} {c.Dispersion:0.00}")));
        foreach (var r in judged[2].Flags) output.WriteLine($"  {r.Scope} {r.Name} {r.Step}: {r.Live} against {r.Low:0}–{r.High:0} (mean {r.Expected:0.0}), z {r.Z}");
        return judged;
    }

    [Fact]
    public async Task A_twin_of_an_unchanged_simulation_flags_no_more_than_the_ten_percent_its_range_leaves_out()
    {
        var judged = new List<TwinJudgement[]>();
        foreach (var seed in new ulong[] { 5, 6, 7 }) judged.Add(await JudgedAsync(seed));
        var rows = judged.Sum(j => j[2].Rows.Count);
        int Flags(int variant) => judged.Sum(j => j[variant].Flags.Count);
        output.WriteLine($"all {rows} series: rates known {Flags(0)} flagged ({(double)Flags(0) / rows:P1}), rates drawn {Flags(1)} ({(double)Flags(1) / rows:P1}), " +
            $"and day-to-day spread {Flags(2)} ({(double)Flags(2) / rows:P1})");
        Assert.All(judged, j => Assert.Equal(14, j[2].Day));
        Assert.Equal(72, rows);
        Assert.True(Flags(2) <= rows * TwinJudgement.ExpectedFalseFlagRate, $"{Flags(2)} of {rows} series flagged in unchanged workspaces");
    }
}
