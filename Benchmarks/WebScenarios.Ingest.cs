using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Growth.Dashboard.Application.Ingestion;
using Growth.Dashboard.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Growth.Benchmarks;

/// <summary>
/// Where an ingested event's CPU goes (issue 22): the same batches (5,000 events, 1,000 new leads of five events each)
/// taken stage by stage in one run. Reading the JSON body into events (<see cref="EventBatchReader"/>, the app's JSON
/// options), the ingestion into the grains in process (<see cref="EventIngestion"/>: plausibility, grouping, shard and
/// journey grain calls), the response's JSON (one result row per event), and the whole request over loopback HTTP with
/// bodies serialised before the clock starts. What the whole request costs beyond the three stages is Kestrel, routing,
/// the key check and rate limiter, and the sender's HTTP client (same process).
/// </summary>
public sealed partial class WebScenarios
{
    /// <summary>One stage: events per second of wall time and CPU microseconds per event (this process, both cores).</summary>
    public sealed record Stage(double EventsPerSecond, double CpuMicrosPerEvent);

    /// <summary>The stages of one ingestion, each the median of <see cref="Measure.Runs"/> runs after a warm-up.</summary>
    public sealed record IngestBreakdown(Stage Parse, Stage Grains, Stage Respond, Stage Http, Stage HttpClientSerialising);

    public async Task<IngestBreakdown> IngestBreakdownAsync()
    {
        // Five stages of six runs each: the quick size (the test command runs it) is 20,000 events a run.
        var batches = quick ? 4 : 40;
        var json = app!.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var ingestion = app.Services.GetRequiredService<EventIngestion>();
        var bodies = Enumerable.Range(0, batches).Select(_ => JsonSerializer.SerializeToUtf8Bytes(Batch(5000))).ToList();
        var events = bodies.Count * 5000;
        var run = 0;

        var parse = await StageAsync(events, async () =>
        {
            foreach (var body in bodies)
                _ = await EventBatchReader.ReadAsync(new MemoryStream(body), ndjson: false, json, CancellationToken.None);
        });
        var parsed = new List<List<Growth.Domain.Journeys.JourneyEvent>>();
        foreach (var body in bodies) parsed.Add((await EventBatchReader.ReadAsync(new MemoryStream(body), false, json, CancellationToken.None)).Value!);
        IngestionResponse? answer = null;
        var grains = await StageAsync(events, async () =>
        {
            // A fresh workspace each run: every lead is new, as over HTTP.
            var workspace = $"bench-stage-{++run}";
            await Parallel.ForEachAsync(parsed, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, _) => answer = await ingestion.IngestAsync(workspace, batch));
        });
        var respond = await StageAsync(events, async () =>
        {
            for (var i = 0; i < bodies.Count; i++) await JsonSerializer.SerializeAsync(Stream.Null, answer!, json);
        });
        var http = await StageAsync(events, async () =>
        {
            var workspace = $"bench-stage-http-{++run}";
            await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (body, _) => await PostBytesAsync(workspace, body));
        });
        // As the ingest row measured before: the sender serialises each batch from objects inside the timed loop.
        var payloads = Enumerable.Range(0, batches).Select(_ => Batch(5000)).ToList();
        var serialising = await StageAsync(events, async () =>
        {
            var workspace = $"bench-stage-objects-{++run}";
            await Parallel.ForEachAsync(payloads, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (p, _) => await PostAsync(workspace, p));
        });
        return new IngestBreakdown(parse, grains, respond, http, serialising);
    }

    static async Task<Stage> StageAsync(int events, Func<Task> stage)
    {
        var cpu = new List<double>();
        var rate = await Measure.MedianAsync(async _ =>
        {
            GC.Collect();
            var (watch, before) = (Stopwatch.StartNew(), Measure.Cpu());
            await stage();
            cpu.Add((Measure.Cpu() - before).TotalMicroseconds / events);
            return events / watch.Elapsed.TotalSeconds;
        });
        cpu.RemoveAt(0); // the warm-up
        cpu.Sort();
        return new Stage(rate, cpu[cpu.Count / 2]);
    }

    async Task PostBytesAsync(string workspace, byte[] body)
    {
        var key = await keys.GetOrAdd(workspace, w => app!.Services.GetRequiredService<IngestionKeys>().CreateAsync(w, "benchmark", "bench")
            .ContinueWith(t => t.Result.Key, TaskScheduler.Default));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{workspace}/events") { Content = content };
        request.Headers.Add(IngestionKeyAuthentication.HeaderName, key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
