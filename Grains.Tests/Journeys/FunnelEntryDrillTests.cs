using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// On the seeded 60-day simulation <see cref="RecordDrillTests"/> reads: the funnel's entries between any two points of the
/// history are exactly the journeys the record rows say entered that stage in that window (<c>entered=Stage,after,until</c>),
/// so each bar of the Insight page's stage health (entries into the next stage over entries into its own, recent and
/// baseline) and each day of the Marketing page's leads line (a campaign's leads qualified that day) lists what it counts.
/// </summary>
[Collection(ClusterCollection.Name)]
public class FunnelEntryDrillTests(ClusterFixture fixture, ITestOutputHelper output)
{
    IGrainFactory Grains => fixture.Grains;

    async Task<int> CountAsync(string ws, RecordQuery query) =>
        (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))
            .RecordsAsync(query, FigureScope.Full, 0)))).Sum(s => s.Total);

    static RecordQuery Entered(FunnelStage stage, DateTimeOffset after, DateTimeOffset until, string? campaign = null) =>
        new() { Kind = RecordKind.All, Entered = stage, EnteredAfter = after, EnteredUntil = until, Campaign = campaign };

    [Fact]
    public async Task Each_stage_health_bar_and_each_day_of_a_campaigns_leads_lists_what_it_counts()
    {
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);
        var stats = Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);
        var snapshot = (await stats.RefreshAsync())!;
        var history = await stats.GetHistoryAsync();
        Assert.True(history.Count > 50, $"the 60-day run keeps a point a day (has {history.Count})");
        var stages = snapshot.Insight!.Stages;
        Assert.True(stages.Sum(h => h.RecentEntered) > 0, "the seeded run has entries in the recent window");

        var tracker = new InsightTracker();
        var points = new WorkspaceHistory { Points = [.. history] };
        foreach (var recent in new[] { true, false })
        {
            var (after, until) = tracker.WindowOf(points, recent)!.Value;
            foreach (var h in stages)
            {
                // The address a bar opens: records?kind=All&entered=<From>,<after>,<until>; its conversion's top: the same for <To>.
                var entries = await CountAsync(ws, Entered(h.From, after, until));
                var onward = await CountAsync(ws, Entered(h.To, after, until));
                var bar = recent ? h.Recent : h.Baseline;
                var listed = entries == 0 ? 0 : Math.Min(1, (double)onward / entries);
                output.WriteLine($"{(recent ? "recent" : "baseline")} {h.From}→{h.To}: bar {bar:P2}, lists {onward}/{entries}");
                if (recent) Assert.Equal(h.RecentEntered, entries);
                Assert.Equal(bar, listed, 12);
            }
        }

        // Every stage between every two neighbouring points (a day), and every campaign's leads of each day.
        var campaigns = snapshot.Campaigns.Select(c => c.Id).ToList();
        Assert.NotEmpty(campaigns);
        long qualified = 0;
        for (var i = 1; i < history.Count; i++)
        {
            var (a, b) = (history[i - 1], history[i]);
            for (var stage = FunnelStage.Lead; stage <= FunnelStage.Payment; stage++)
            {
                var counted = b.Entered[(int)stage] - a.Entered[(int)stage];
                var listed = await CountAsync(ws, Entered(stage, a.AsOf, b.AsOf));
                Assert.True(counted == listed, $"{stage} on {b.AsOf:yyyy-MM-dd HH:mm}: the history counts {counted}, the list holds {listed}");
            }
            foreach (var c in campaigns)
            {
                var counted = (b.Campaigns.GetValueOrDefault(c)?.EffectiveLeads ?? 0) - (a.Campaigns.GetValueOrDefault(c)?.EffectiveLeads ?? 0);
                var listed = await CountAsync(ws, Entered(FunnelStage.QualifiedIntent, a.AsOf, b.AsOf, c));
                Assert.True(counted == listed, $"campaign {c} on {b.AsOf:yyyy-MM-dd HH:mm}: the leads line counts {counted}, the list holds {listed}");
                qualified += listed;
            }
        }
        output.WriteLine($"{history.Count} points; {qualified} campaign leads qualified, each on its day's list");
        Assert.True(qualified > 0, "the seeded run qualifies campaign leads");
    }
}
