using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Journeys;

/// <summary>
/// On a seeded 60-day simulation (the one <see cref="RecordReadModelTests"/> reads): each bar of the Sales page's pipeline
/// and receivables ageing charts lists exactly what it counts from the shards' record rows, and a deal of the pipeline
/// is found by its customer's name, from the rows (no journey woken).
/// </summary>
[Collection(ClusterCollection.Name)]
public class RecordDrillTests(ClusterFixture fixture, ITestOutputHelper output)
{
    IGrainFactory Grains => fixture.Grains;

    async Task<RecordSlice[]> SlicesAsync(string ws, RecordQuery query) =>
        await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))
            .RecordsAsync(query, FigureScope.Full, int.MaxValue)));

    [Fact]
    public async Task Each_pipeline_and_ageing_bar_of_a_seeded_run_lists_what_it_counts()
    {
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);
        var snapshot = (await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!;

        Assert.True(snapshot.Pipeline.Sum(p => p.Count) > 0, "the seeded run has open deals");
        foreach (var bar in snapshot.Pipeline)
        {
            // The address a bar opens: records?kind=Deals&status=Prospect&working=<step>.
            var query = new RecordQuery { Kind = RecordKind.Deals, Status = JourneyStatus.Prospect, Working = bar.Step };
            var listed = (await SlicesAsync(ws, query)).Sum(s => s.Total);
            output.WriteLine($"pipeline {bar.Step}: bar {bar.Count}, list {listed}");
            Assert.True(bar.Count == listed, $"{bar.Step}: the bar counts {bar.Count}, the list holds {listed}");
        }

        var a = snapshot.Receivables.Ageing;
        (OverdueAge Age, decimal Bar)[] bars = [(OverdueAge.Current, a.Current), (OverdueAge.Days1To30, a.Days1To30),
            (OverdueAge.Days31To60, a.Days31To60), (OverdueAge.Days61To90, a.Days61To90), (OverdueAge.Over90, a.Over90)];
        Assert.True(a.Current > 0 && a.Days1To30 + a.Days31To60 + a.Days61To90 + a.Over90 > 0, "the seeded run has money not yet due and overdue");
        foreach (var (age, bar) in bars)
        {
            var query = new RecordQuery { Kind = RecordKind.Customers, Overdue = age, AsOf = snapshot.AsOf };
            var rows = (await SlicesAsync(ws, query)).SelectMany(s => s.Rows).ToList();
            var sum = rows.Sum(r => ReceivableAge.AmountIn(r, age, snapshot.AsOf));
            output.WriteLine($"ageing {age}: bar {bar:N2}, list {rows.Count} customers holding {sum:N2}");
            Assert.Equal(bar, sum);
        }

        // The Overview's lifecycle bars: records?kind=Customers&lifecycle=<stage>.
        var l = snapshot.Lifecycle;
        (LifecycleStage Stage, long Bar)[] lifecycle = [(LifecycleStage.Acquired, l.Acquired), (LifecycleStage.Activated, l.Activated),
            (LifecycleStage.Retained, l.Retained), (LifecycleStage.Upsold, l.Upsold), (LifecycleStage.Referred, l.Referred), (LifecycleStage.Churned, l.Churned)];
        Assert.True(l.Acquired > 0 && l.Activated > 0, "the seeded run has customers, some activated");
        foreach (var (stage, bar) in lifecycle)
        {
            var listed = (await SlicesAsync(ws, new RecordQuery { Kind = RecordKind.Customers, Lifecycle = stage })).Sum(s => s.Total);
            output.WriteLine($"lifecycle {stage}: bar {bar}, list {listed}");
            Assert.True(bar == listed, $"{stage}: the bar counts {bar}, the list holds {listed}");
        }
    }

    [Fact]
    public async Task An_open_deal_is_found_by_its_customers_name_from_the_rows()
    {
        const string ws = JourneyMemory.SleepyWorkspace;
        await JourneyMemory.SleepySimulationAsync(fixture);
        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).DealStatesAsync()))).SelectMany(s => s).ToList();
        var asOf = (await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).GetSnapshotAsync())!.AsOf;
        var deals = states.Select(s => DealJudgement.Judge(s, 0, asOf)).OfType<Deal>().ToList();
        var open = deals.Where(d => d.IsOpen).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, d => Assert.False(string.IsNullOrEmpty(d.Name), $"open deal {d.JourneyId} of a simulated customer has no name"));
        var target = open[open.Count / 2];
        var found = DealList.Matching(deals, new DealQuery { Search = target.Name.ToLowerInvariant() }, new Dictionary<string, string>());
        Assert.Contains(found, d => d.JourneyId == target.JourneyId);
        // The same customer in the record list: the name the Pipeline page shows is the record's.
        var row = (await SlicesAsync(ws, new RecordQuery { Kind = RecordKind.Deals, Search = target.JourneyId })).SelectMany(s => s.Rows).Single(r => r.JourneyId == target.JourneyId);
        Assert.Equal((row.Name, row.Company), (target.Name, target.Company));
    }
}
