using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Growth.TestSupport;

namespace Growth.Grains.Tests.Journeys;

[Collection(ClusterCollection.Name)]
public class JourneyGrainTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    IJourneyShardGrain ShardFor(string workspace, string journeyId) =>
        Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, Keys.ShardOf(journeyId)));

    [Fact]
    public async Task A_journey_walks_from_lead_to_paid_order_repurchase_and_referral_and_the_snapshot_follows()
    {
        const string ws = "walk";
        var script = new EventScript("acme", T0);
        var events = script.ToWonOrder(6000);
        events.Add(script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 6000, DueAt = T0.AddDays(60) }));
        events.Add(script.Next(EventKind.PaymentReceived, 12, e => e with { Amount = 6000 }));
        events.Add(script.Next(EventKind.Activated, 1));
        events.Add(script.Next(EventKind.Repurchased, 40, e => e with { Amount = 2500 }));
        events.Add(script.Next(EventKind.Referred, 3, e => e with { ReferredLeadId = "acme-friend" }));

        // Sent in three batches, as a CRM would over weeks.
        foreach (var batch in events.Chunk(7))
        {
            var result = await ShardFor(ws, "acme").ApplyAsync("acme", batch);
            Assert.True(result.Accepted, result.Error);
        }

        var view = await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, "acme")).GetAsync();
        Assert.NotNull(view);
        Assert.Equal(JourneyStatus.Customer, view.State.Status);
        Assert.Equal(FunnelStage.Payment, view.State.Stage);
        Assert.Equal(events.Count, view.Recent.Count);

        var snapshot = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        Assert.NotNull(snapshot);
        Assert.Equal(1, snapshot.Deals.Won);
        Assert.Equal(8500m, snapshot.Revenue.Total);
        Assert.Equal(2, snapshot.Revenue.Orders);
        Assert.Equal(1, snapshot.Revenue.Repurchases);
        Assert.Equal(1, snapshot.Lifecycle.Referred);
        Assert.Equal(6000m, snapshot.Receivables.Collected);
        Assert.Equal(0m, snapshot.Receivables.Outstanding);
        Assert.All(snapshot.Funnel.Where(f => f.Stage != FunnelStage.CampaignTouch), f => Assert.Equal(1, f.Entered));
        Assert.Equal("team-1-1", Assert.Single(snapshot.Teams).Id);
    }

    [Fact]
    public async Task An_impossible_event_is_refused_and_the_journey_and_figures_are_unchanged()
    {
        const string ws = "refuse";
        var script = new EventScript("j", T0);
        var ok = await ShardFor(ws, "j").ApplyAsync("j", script.ToWonOrder(1000).Take(4).ToList());
        Assert.True(ok.Accepted, ok.Error);
        var before = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();

        var refused = await ShardFor(ws, "j").ApplyAsync("j",
        [
            script.Next(EventKind.FollowedUp),
            script.Next(EventKind.Won, 1, e => e with { Amount = 500 }),
        ]);

        Assert.False(refused.Accepted);
        Assert.Contains("only an open opportunity can be won", refused.Error);
        var view = await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, "j")).GetAsync();
        Assert.Equal(0, view!.State.FollowUps);
        Assert.Equal(4, view.State.EventCount);
        var after = await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        Assert.Equal(before!.Version, after!.Version);
    }

    [Fact]
    public async Task Unknown_ids_and_workspaces_are_reported_as_not_found()
    {
        Assert.Null(await Grains.GetGrain<IJourneyGrain>(Keys.Of("nowhere", "nobody")).GetAsync());
        Assert.Null(await Grains.GetGrain<IWorkspaceStatisticsGrain>("nowhere").GetSnapshotAsync());
        var error = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<ISimulationGrain>("nowhere").PauseAsync());
        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public async Task A_team_assigns_each_lead_to_its_least_loaded_rep()
    {
        var reps = Enumerable.Range(1, 3).Select(i => new RepProfile
        {
            Id = $"r{i}", Name = $"Rep {i}", TeamId = "t", Skills = Enumerable.Repeat(0.5, 6).ToArray(), Capacity = 10,
        }).ToList();
        var team = Grains.GetGrain<ITeamGrain>(Keys.Of("assign", "t"));
        await team.ConfigureAsync(new TeamProfile { Id = "t", Name = "T", RegionId = "r", LeaderName = "L", Reps = reps });

        var first = await team.AssignAsync(5);
        Assert.Equal(["r1", "r2", "r3", "r1", "r2"], first.Select(a => a.RepId));

        await team.ReleaseAsync(["r1", "r1"]);           // r1 closed both its leads: now the least loaded
        var next = await team.AssignAsync(2);
        Assert.Equal(["r1", "r1"], next.Select(a => a.RepId));
        Assert.Equal(0, next[0].Load);
        var loads = await team.GetLoadsAsync();
        Assert.Equal(new Dictionary<string, int> { ["r1"] = 2, ["r2"] = 2, ["r3"] = 1 }, loads);
    }
}
