using System.Net;
using Growth.Domain.Access;
using Growth.Domain.Orders;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A backup carries the retention rule's archive (each shard's archived totals, marks, and archived journeys' orders and
/// pay lines): a workspace with journeys archived, backed up and restored under a new name, recounts to the same totals
/// shard by shard, knows the same journeys as archived, lists the same orders on the revenue line's drill-down and
/// gives payout statements the same archived wins.
/// </summary>
public class BackupArchiveTests(DashboardHost host, ITestOutputHelper output) : IClassFixture<DashboardHost>
{
    const string Source = "archive-backup", Restored = "archive-restored";

    IJourneyShardGrain Shard(string ws, int i) => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i));

    async Task<string> ArchiveOfAsync(string ws)
    {
        var parts = new List<string>();
        for (var i = 0; i < Keys.ShardCount; i++)
        {
            var recount = await Shard(ws, i).RecountAsync();
            parts.Add($"shard {i}: {await Shard(ws, i).ArchivedCountAsync()} archived; totals "
                + string.Join(" ", recount.OrderBy(d => d.Key.ToString(), StringComparer.Ordinal).Select(d => $"{d.Key}={System.Text.Json.JsonSerializer.Serialize(d.Change)}")));
            parts.AddRange((await Shard(ws, i).ArchivedWonAsync()).Select(s => $"won {s.Id} {s.RepId} {s.ClosedAt:O} {s.WonValue} {s.Status} {s.LastEventAt:O} {s.Collected} {s.Refunded} {s.Channel}"));
            parts.AddRange(RevenueOrder.Merge([await Shard(ws, i).OrdersAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, FigureScope.Full)])
                .Select(o => $"order {o.JourneyId}/{o.EventId} {o.At:O} {o.Amount} {o.Kind} {o.Name} {o.RepId} {o.TeamId} {o.RegionId}"));
        }
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task A_restored_workspace_keeps_the_archive_its_figures_drill_down_and_statements_read()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Source);
        await sim.CreateAsync(new SimulationSettings
        {
            Seed = 23, Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3,
            Campaigns = 2, ExistingCustomers = 40,
            Parameters = BehaviourParameters.Default with { Rules = BehaviourParameters.Default.Rules with { ArchiveClosedAfterDays = 5 } },
        });
        await sim.RunForAsync(TimeSpan.FromDays(90));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Source).RefreshAsync();
        var before = await ArchiveOfAsync(Source);
        var archived = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(Source, i).ArchivedCountAsync()))).Sum();
        Assert.True(archived > 100, $"{archived} journeys archived");
        Assert.Contains("\nwon ", before);

        // Coaching reads only kept journeys, and says how many are archived.
        var advice = await host.Http.GetStringAsync($"/api/workspaces/{Source}/training/coaching?from={Source}&rep=rep-1-1-1");
        Assert.Contains($"\"archived\":{archived}", advice);

        using var exported = await host.Http.GetAsync($"/api/admin/workspaces/{Source}/backup");
        var backup = await exported.Content.ReadAsByteArrayAsync();
        Assert.True(exported.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(backup));
        using var restored = await host.Http.PostAsync($"/api/admin/workspaces/{Restored}/restore", BackupFiles.Zip(backup));
        var body = await restored.Content.ReadAsStringAsync();
        Assert.True(restored.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("shardArchive", body);

        var after = await ArchiveOfAsync(Restored);
        output.WriteLine($"{archived} archived; {backup.Length} bytes; {before.Split('\n').Count(l => l.StartsWith("order ", StringComparison.Ordinal))} orders listed");
        Assert.Equal(before, after);
        // An archived journey stays archived in the copy: its events are refused there too.
        var one = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(Source, i).ArchiveBackupAsync())))
            .OfType<ShardArchiveBackup>().First().Marks.Keys.First();
        Assert.NotNull(await Shard(Restored, Keys.ShardOf(one)).ArchivedAtAsync(one));
        Assert.Equal(await Shard(Source, Keys.ShardOf(one)).ArchivedAtAsync(one), await Shard(Restored, Keys.ShardOf(one)).ArchivedAtAsync(one));
    }
}
