using System.Collections.Concurrent;
using Growth.Domain.Progress;
using Growth.Domain.Projection;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Progress;

/// <summary>
/// A long run's progress counts work really done: the projection's paths chunk by chunk, never past the total and never
/// back; cancelling stops the engine between chunks.
/// </summary>
public class RunProgressTests
{
    /// <summary>Collects reports in the order they were made (no context to post to, so synchronously).</summary>
    sealed class Recorder : IProgress<RunProgress>
    {
        public readonly ConcurrentQueue<RunProgress> Reports = new();
        public void Report(RunProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void A_projection_reports_every_chunk_of_paths_and_ends_at_its_total()
    {
        var request = ProjectionSamples.Request(paths: 1_100);
        var prepared = ProjectionEngine.Prepare(request, maxParallelism: 2);
        var recorder = new Recorder();
        var counter = new ProgressCounter(ProgressUnit.Paths, request.Paths, recorder);
        counter.Begin();
        var chunks = new ConcurrentBag<int>();
        PathSimulation.RunChunks(prepared, 0, prepared.Chunks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, n => { chunks.Add(n); counter.Add(n); });

        // Four chunks of 250 paths and the last of 100: one report each, after the start.
        Assert.Equal([100, 250, 250, 250, 250], chunks.Order());
        var done = recorder.Reports.Select(r => r.Done).ToList();
        Assert.Equal(0, done[0]);
        Assert.Equal(6, done.Count);
        Assert.Equal(1_100, done.Max());
        Assert.All(recorder.Reports, r => Assert.Equal(1_100, r.Total));
        Assert.True(recorder.Reports.Last(r => r.Done == 1_100).Complete);
        // Reports are running totals: each a distinct amount, all of them multiples of what the chunks added.
        Assert.Equal(done.Count, done.Distinct().Count());
    }

    [Fact]
    public void What_a_person_sees_never_goes_back_even_when_reports_arrive_out_of_order()
    {
        var shown = RunProgress.Start(ProgressUnit.Paths, 1_000);
        foreach (var done in new long[] { 250, 750, 500, 1_000, 250 })
            shown = shown.Advance(new RunProgress(ProgressUnit.Paths, done, 1_000));
        Assert.Equal(1_000, shown.Done);

        // A later phase is farther on whatever its count; an earlier one is not.
        var applying = new RunProgress(ProgressUnit.Journeys, 0, 8_800, Phase: 1);
        var reading = new RunProgress(ProgressUnit.Characters, 600_000, 600_000);
        Assert.Same(applying, reading.Advance(applying));
        Assert.Same(applying, applying.Advance(reading));
        Assert.Equal(0.5, new RunProgress(ProgressUnit.Steps, 2, 4).Share);
        Assert.Equal(0, RunProgress.Start(ProgressUnit.Paths, 0).Share);
    }

    [Fact]
    public void The_counter_never_reports_past_the_total_and_refuses_negative_work()
    {
        var recorder = new Recorder();
        var counter = new ProgressCounter(ProgressUnit.Steps, 3, recorder);
        counter.Add(2);
        counter.Add(2);
        Assert.Equal([2, 3], recorder.Reports.Select(r => r.Done));
        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add(-1));
    }

    [Fact]
    public void Cancelling_stops_the_paths_between_chunks()
    {
        var request = ProjectionSamples.Request(paths: 2_500);
        var prepared = ProjectionEngine.Prepare(request, maxParallelism: 1);
        using var cancel = new CancellationTokenSource();
        var ran = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = cancel.Token };
        // Cancelled as the first chunk finishes: on one core no further chunk starts.
        Assert.Throws<OperationCanceledException>(() =>
            PathSimulation.RunChunks(prepared, 0, prepared.Chunks, parallel, n => { ran += n; cancel.Cancel(); }));
        Assert.Equal(250, ran);
    }

    [Fact]
    public void A_goal_seek_runs_at_most_the_projections_it_counts_on()
    {
        var recorder = new Recorder();
        var request = new GoalSeekRequest
        {
            Base = ProjectionSamples.Request(paths: 300),
            Period = "FY2026-Q1",
            End = ProjectionSamples.Request().Start.AddDays(66.5),
            Booked = 100_000m,
            Probability = 0.8,
            Target = 2_000_000m,
        };
        var total = 300L * GoalSeek.MostProjections(withTarget: true);
        var counter = new ProgressCounter(ProgressUnit.Paths, total, recorder);
        var result = GoalSeek.Run(request, new ParallelOptions { MaxDegreeOfParallelism = 2 }, n => counter.Add(n));
        Assert.Equal(300L * result.Budget!.Runs, counter.Done);
        Assert.True(counter.Done <= total, $"{counter.Done} paths run, {total} counted on");
    }
}
