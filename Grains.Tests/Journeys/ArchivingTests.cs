using System.Text.Json;
using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// The retention rule (rules.archiveClosedAfterDays): journeys closed longer ago leave their shard's list, rows, stored
/// state and memory, and every live figure is the same as with the rule off for the same seed, after a recount too.
/// </summary>
[Collection(ClusterCollection.Name)]
public class ArchivingTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    static SimulationSettings Settings(int archiveDays) => new()
    {
        Seed = 11, Start = Start, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 20,
        Parameters = BehaviourParameters.Default with { Rules = BehaviourParameters.Default.Rules with { ArchiveClosedAfterDays = archiveDays } },
    };

    IJourneyShardGrain Shard(string ws, int i) => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i));

    async Task<string> RunAsync(string ws, int archiveDays)
    {
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(Settings(archiveDays));
        await sim.RunForAsync(TimeSpan.FromDays(45));
        return Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync(), ws);
    }

    /// <summary>
    /// The value as JSON with its workspace's name and a snapshot's version (how many times it was published, not a
    /// figure) taken out: the two runs differ only in those.
    /// </summary>
    static string Comparable<T>(T value, string ws)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(value));
        if (json is System.Text.Json.Nodes.JsonObject o) o.Remove("Version");
        return json!.ToJsonString().Replace(ws, "ws", StringComparison.Ordinal);
    }

    async Task<int> ArchivedAsync(string ws) => (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(ws, i).ArchivedCountAsync()))).Sum();

    async Task<int> KeptAsync(string ws) => (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(ws, i).CountAsync()))).Sum(c => c.Journeys);

    async Task<List<CustomerRecord>> RowsAsync(string ws) =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(ws, i).RecordsAsync(new RecordQuery { Kind = RecordKind.All }, FigureScope.Full, int.MaxValue)))).SelectMany(s => s.Rows)];

    [Fact]
    public async Task Closed_journeys_are_archived_and_every_figure_stays_as_without_the_rule_after_a_recount_too()
    {
        const string off = "archive-off", on = "archive-on";
        var without = await RunAsync(off, 0);
        var with = await RunAsync(on, 5);

        var archived = await ArchivedAsync(on);
        Assert.True(archived > 20, $"{archived} journeys archived");
        Assert.Equal(0, await ArchivedAsync(off));
        // They left the shards' lists and the record lists: what is kept plus what is archived is every journey.
        Assert.Equal(await KeptAsync(off), await KeptAsync(on) + archived);
        var rowsOff = await RowsAsync(off);
        var rowsOn = await RowsAsync(on);
        Assert.Equal(rowsOff.Count, rowsOn.Count + archived);
        var gone = rowsOff.Select(r => r.JourneyId).Except(rowsOn.Select(r => r.JourneyId)).ToList();
        Assert.Equal(archived, gone.Count);
        // Each was closed (lost, disqualified, churned) more than 5 days before the simulated now, and is gone from storage and memory.
        var now = Start.AddDays(45);
        foreach (var row in rowsOff.Where(r => gone.Contains(r.JourneyId)))
            Assert.True(Archiving.Closes(row.Status) && Archiving.ClosedAt(row) <= now.AddDays(-5), $"{row.JourneyId} {row.Status} closed {Archiving.ClosedAt(row)}");
        var one = gone[0];
        Assert.Null(await Grains.GetGrain<IJourneyGrain>(Keys.Of(on, one)).GetAsync());
        var at = await Shard(on, Keys.ShardOf(one)).ArchivedAtAsync(one);
        Assert.NotNull(at);
        Assert.True(at <= now && at > Start, $"archived at {at}");

        // The live figures are exactly those of the run without the rule.
        Assert.Equal(without, with);
        Assert.Equal(Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(off).GetHistoryAsync(), off),
            Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(on).GetHistoryAsync(), on));

        // A shard that leaves memory comes back with its archive: the statistics recount from its archived totals.
        for (var i = 0; i < Keys.ShardCount; i++)
        {
            await fixture.Cluster.DeactivateAsync(Shard(on, i));
            await fixture.Cluster.DeactivateAsync(Shard(off, i));
        }
        Assert.Equal(archived, await ArchivedAsync(on));
        Assert.Equal(at, await Shard(on, Keys.ShardOf(one)).ArchivedAtAsync(one));
        Assert.Equal(Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(off).RefreshAsync(), off),
            Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(on).RefreshAsync(), on));
        var recountOff = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(off, i).RecountAsync()));
        var recountOn = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(on, i).RecountAsync()));
        for (var i = 0; i < Keys.ShardCount; i++)
            Assert.Equal(Comparable(recountOff[i].OrderBy(d => d.Key.ToString(), StringComparer.Ordinal), off),
                Comparable(recountOn[i].OrderBy(d => d.Key.ToString(), StringComparer.Ordinal), on));

        // Simulated on, the two stay the same (archived journeys never come back into the figures twice).
        await Grains.GetGrain<ISimulationGrain>(off).RunForAsync(TimeSpan.FromDays(10));
        await Grains.GetGrain<ISimulationGrain>(on).RunForAsync(TimeSpan.FromDays(10));
        Assert.Equal(Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(off).RefreshAsync(), off),
            Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(on).RefreshAsync(), on));
        Assert.True(await ArchivedAsync(on) > archived);

        // Events sent for an archived journey are refused, each saying when it was archived; the figures do not move.
        var before = Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(on).RefreshAsync(), on);
        var sent = new JourneyEvent { Id = "late-1", Kind = EventKind.FollowedUp, At = now, RegionId = "g", TeamId = "t", RepId = "r" };
        var answer = await Shard(on, Keys.ShardOf(one)).IngestAsync([new JourneyBatch(one, [sent])]);
        Assert.Equal(EventResult.Rejected, answer[0][0].Result);
        Assert.Contains($"was archived on {at!.Value.UtcDateTime:yyyy-MM-dd}", answer[0][0].Reason);
        var applied = await Shard(on, Keys.ShardOf(one)).ApplyAsync(one, [sent]);
        Assert.False(applied.Accepted);
        Assert.Contains("archived", applied.Error);
        Assert.Null(await Grains.GetGrain<IJourneyGrain>(Keys.Of(on, one)).GetAsync());
        Assert.Equal(before, Comparable(await Grains.GetGrain<IWorkspaceStatisticsGrain>(on).RefreshAsync(), on));
    }
}
