using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Simulation;

[Collection(ClusterCollection.Name)]
public class SimulationTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    static SimulationSettings Small(ulong seed) => new()
    {
        Seed = seed, Start = Start, Regions = 2, TeamsPerRegion = 1, RepsPerTeam = 4, Campaigns = 3, ExistingCustomers = 30,
    };

    async Task<WorkspaceSnapshot> RunAsync(string workspace, SimulationSettings settings, TimeSpan span)
    {
        var sim = Grains.GetGrain<ISimulationGrain>(workspace);
        await sim.CreateAsync(settings);
        await sim.RunForAsync(span);
        var snapshot = await Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        Assert.NotNull(snapshot);
        return snapshot;
    }

    /// <summary>The figures of a snapshot, without what names the run (workspace, version).</summary>
    static object Figures(WorkspaceSnapshot s) => System.Text.Json.JsonSerializer.Serialize(s with { Workspace = "", Version = 0 });

    [Fact]
    public async Task Same_seed_and_same_simulated_span_give_the_same_figures()
    {
        var a = await RunAsync("repro-a", Small(7), TimeSpan.FromDays(45));
        var b = await RunAsync("repro-b", Small(7), TimeSpan.FromDays(45));
        Assert.True(a.Deals.Won > 0);
        Assert.Equal(Figures(a), Figures(b));
    }

    [Fact]
    public async Task Two_workspaces_with_different_seeds_run_side_by_side_without_touching_each_other()
    {
        var alone = await RunAsync("iso-alone", Small(11), TimeSpan.FromDays(30));

        var one = Grains.GetGrain<ISimulationGrain>("iso-one");
        var two = Grains.GetGrain<ISimulationGrain>("iso-two");
        await Task.WhenAll(one.CreateAsync(Small(11)), two.CreateAsync(Small(12)));
        await Task.WhenAll(one.RunForAsync(TimeSpan.FromDays(30)), two.RunForAsync(TimeSpan.FromDays(30)));
        var sOne = await Grains.GetGrain<IWorkspaceStatisticsGrain>("iso-one").RefreshAsync();
        var sTwo = await Grains.GetGrain<IWorkspaceStatisticsGrain>("iso-two").RefreshAsync();

        // Running beside another workspace changed nothing: same figures as the same seed run alone.
        Assert.Equal(Figures(alone), Figures(sOne!));
        Assert.NotEqual(Figures(sOne!), Figures(sTwo!));
    }

    [Fact]
    public async Task The_snapshot_totals_equal_the_sum_over_journeys()
    {
        const string ws = "sum";
        var snapshot = await RunAsync(ws, Small(21), TimeSpan.FromDays(60));

        var sum = new WorkspaceFigures();
        var journeys = 0;
        for (var i = 0; i < Keys.ShardCount; i++)
        {
            foreach (var id in await Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).JourneyIdsAsync())
            {
                var view = await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetAsync();
                sum.Apply(new TallyDelta(GroupKey.Of(view!.State), Tally.Of(view.State)));
                journeys++;
            }
        }

        Assert.Equal(journeys, snapshot.Journeys);
        Assert.Equal(SnapshotBuilder.Deals(sum.Total), snapshot.Deals);
        Assert.Equal(RevenueFormula.From(sum.Total), snapshot.Revenue);
        Assert.Equal(sum.Total[Money.Collected], snapshot.Receivables.Collected);
        Assert.Equal(sum.Total[Money.Outstanding], snapshot.Receivables.Outstanding);
        Assert.Equal(sum.Total[Money.Overdue], snapshot.Receivables.Overdue);
        Assert.Equal(sum.Total[Count.Referrals], snapshot.Lifecycle.Referrals);
        foreach (var stage in Enum.GetValues<FunnelStage>().Where(s => s != FunnelStage.CampaignTouch))
            Assert.Equal(sum.Total[Tally.Entered(stage)], snapshot.Funnel[(int)stage].Entered);
        Assert.Equal(snapshot.Revenue.Total, snapshot.Regions.Sum(r => r.Revenue));
        // Reps who left (the long run) keep the deals they won, listed apart from the roster.
        Assert.Equal(snapshot.Deals.Won, snapshot.Reps.Sum(r => r.Won) + snapshot.FormerReps.Sum(r => r.Won));
        Assert.Equal(snapshot.Deals.Won, snapshot.Campaigns.Sum(c => c.Won) + sum.Total[Count.Won] - sum.Campaigns.Values.Sum(c => c[Count.Won]));
    }

    [Fact]
    public async Task The_default_organisation_after_two_simulated_months_shows_a_living_funnel()
    {
        // The default run (3 regions, 6 teams of 10, 5 campaigns) at its default speed covers about 60 simulated days in 30 s.
        var s = await RunAsync("default-shape", new SimulationSettings { Seed = 42, Start = Start }, TimeSpan.FromDays(60));

        Assert.All(s.Funnel, f => Assert.True(f.Entered > 0, $"{f.Stage} was never entered"));
        Assert.Equal(3, s.Regions.Count);
        Assert.Equal(6, s.Teams.Count);
        // Each of the 60 seeded reps is on the roster or, having left in the long run, among the former reps.
        Assert.Equal(60, s.Reps.Concat(s.FormerReps).Count(r => !r.Id.StartsWith("rep-hire-", StringComparison.Ordinal)));
        Assert.Equal(s.Reps.Count, s.Reps.Select(r => r.Id).Distinct().Count());
        Assert.Equal(5, s.Campaigns.Count);
        Assert.True(s.Revenue.Total > 0);
        Assert.True(s.Revenue.Repurchases > 0 && s.Lifecycle.Referrals > 0);
        Assert.True(s.Receivables.Collected > 0 && s.Receivables.Overdue > 0);
        Assert.InRange(s.Revenue.LeadConversion, 0.02, 0.30);
        Assert.All(s.Campaigns, c => Assert.True(c.Spend > 0 && c.Leads > 0, $"{c.Name} spent {c.Spend} for {c.Leads} leads"));
    }

    [Fact]
    public async Task Pause_resume_speed_and_reset_control_the_simulation()
    {
        var sim = Grains.GetGrain<ISimulationGrain>("control");
        var status = await sim.CreateAsync(Small(5));
        Assert.False(status.Running);
        Assert.True((await sim.ResumeAsync()).Running);
        Assert.False((await sim.PauseAsync()).Running);
        Assert.Equal(10, (await sim.SetSpeedAsync(10)).Speed);
        var bad = await Assert.ThrowsAsync<DomainException>(() => sim.SetSpeedAsync(-1));
        Assert.Contains("speed", bad.Message);

        await sim.RunForAsync(TimeSpan.FromDays(10));
        var reset = await sim.ResetAsync(99);
        Assert.Equal(99ul, reset.Seed);
        Assert.Equal(Start, reset.SimulatedNow);
        var afterReset = await Grains.GetGrain<IWorkspaceStatisticsGrain>("control").RefreshAsync();
        Assert.Equal(0, afterReset!.Deals.Won + afterReset.Deals.Lost + afterReset.Deals.Open);
        Assert.Equal(30, afterReset.Journeys); // only the existing customers of the new seed
    }
}
