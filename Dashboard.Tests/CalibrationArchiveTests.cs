using System.Text.Json;
using Growth.Domain.Figures;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A calibration of a workspace whose closed journeys the retention rule archived reads only the kept journeys and says
/// so: how many it leaves out (the shards' archived counts), their leads, won and lost deals and the whole history's
/// win rate and lead-to-deal conversion (from the shards' archived totals), exactly those of the same seed run with the
/// rule off; with nothing archived it says nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CalibrationArchiveTests(DashboardHost host, ITestOutputHelper output)
{
    /// <summary>The simulated workspace with a 5-day retention the calibration page's browser test opens too.</summary>
    public const string Archived = "calibration-archived";
    const string Kept = "calibration-unarchived";

    /// <summary>
    /// Simulates <paramref name="ws"/> (once per host) for 60 days with seed 23 and a retention of
    /// <paramref name="archiveDays"/> days (0: off), and answers how many journeys its shards archived.
    /// </summary>
    public static async Task<int> SimulateAsync(DashboardHost host, string ws, int archiveDays)
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(ws);
        if (await sim.GetParametersAsync() is null)
        {
            await sim.CreateAsync(new SimulationSettings
            {
                Seed = 23, Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3,
                Campaigns = 2, ExistingCustomers = 40,
                Parameters = BehaviourParameters.Default with { Rules = BehaviourParameters.Default.Rules with { ArchiveClosedAfterDays = archiveDays } },
            });
            await sim.RunForAsync(TimeSpan.FromDays(60));
            await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        }
        return (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).ArchivedCountAsync()))).Sum();
    }

    [Fact]
    public async Task A_calibration_counts_the_archived_journeys_it_leaves_out_and_the_whole_history_s_figures()
    {
        var archived = await SimulateAsync(host, Archived, 5);
        Assert.True(archived > 1000, $"{archived} journeys archived");
        Assert.Equal(0, await SimulateAsync(host, Kept, 0));
        var totals = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Archived, i)).ArchivedTotalsAsync()))).SelectMany(d => d).ToList();
        Assert.Equal(archived, totals.Sum(d => d.Change[Count.Journeys]));

        var review = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{Archived}/calibration")).RootElement;
        var left = review.GetProperty("archived");
        Assert.Equal(archived, left.GetProperty("journeys").GetInt32());
        Assert.Equal(5, left.GetProperty("retentionDays").GetInt32());
        Assert.Equal(totals.Sum(d => d.Change[Count.Won]), left.GetProperty("won").GetInt64());
        Assert.Equal(totals.Sum(d => d.Change[Count.Leads]), left.GetProperty("leads").GetInt64());
        Assert.Equal(totals.Sum(d => d.Change[Count.Lost]), left.GetProperty("lost").GetInt64());

        // The same seed with the rule off keeps every journey: its calibration reads the whole history and says nothing.
        var whole = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{Kept}/calibration")).RootElement;
        Assert.True(!whole.TryGetProperty("archived", out var none) || none.ValueKind == JsonValueKind.Null, whole.ToString());
        int Of(JsonElement e, string figure) => e.GetProperty(figure).GetInt32();
        Assert.Equal(Of(whole, "won"), Of(review, "won") + left.GetProperty("won").GetInt32());
        Assert.Equal(Of(whole, "lost"), Of(review, "lost") + left.GetProperty("lost").GetInt32());
        Assert.Equal(Of(whole, "leads"), Of(review, "leads") + left.GetProperty("leads").GetInt32());
        Assert.Equal((double)Of(whole, "won") / Of(whole, "leads"), left.GetProperty("leadToDeal").GetDouble(), 12);
        var wholeRate = whole.GetProperty("comparison").GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("figure").GetString() == "winRate").GetProperty("history").GetDouble();
        Assert.Equal(wholeRate, left.GetProperty("winRate").GetDouble(), 12);
        var keptRate = (double)Of(review, "won") / (Of(review, "won") + Of(review, "lost"));
        output.WriteLine($"{archived} archived ({left.GetProperty("won")} won, {left.GetProperty("lost")} lost); calibrated on {Of(review, "leads")} of "
            + $"{Of(whole, "leads")} leads: win rate {keptRate:P1} kept, {wholeRate:P1} whole history; won per lead {(double)Of(review, "won") / Of(review, "leads"):P1} kept, "
            + $"{left.GetProperty("leadToDeal").GetDouble():P1} whole history");
        Assert.NotEqual(Of(whole, "lost"), Of(review, "lost"));
    }
}
