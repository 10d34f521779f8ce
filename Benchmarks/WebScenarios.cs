using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.Json;
using Growth.Dashboard.Security;
using Growth.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Benchmarks;

/// <summary>End-to-end scenarios against the real web host with its embedded silo, over loopback HTTP and SignalR.</summary>
public sealed partial class WebScenarios(bool quick) : IAsyncDisposable
{
    WebApplication? app;
    HttpClient http = null!;
    string baseUrl = "";
    int batchCounter;
    // Ingestion needs a key per workspace and the hub a signed-in user: an administrator made for the run.
    readonly string adminPassword = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
    readonly System.Net.CookieContainer cookies = new();
    readonly ConcurrentDictionary<string, Task<string>> keys = new();

    /// <summary>The live path's periods the host runs with (<c>Live__RefreshMilliseconds</c>, <c>Live__FlushMilliseconds</c>).</summary>
    public Growth.Grains.LiveFeed.LiveTimings Live { get; private set; } = Growth.Grains.LiveFeed.LiveTimings.Default;

    public async Task StartAsync()
    {
        var port = Measure.FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        app = DashboardApp.Build(
        [
            "--urls", baseUrl, "--environment", "Production",
            $"--Orleans:SiloPort={Measure.FreePort()}", $"--Orleans:GatewayPort={Measure.FreePort()}",
            "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning",
            "--Admin:UserName=bench", $"--Admin:Password={adminPassword}",
        ], builder => CountingHubProtocol.Replace(builder.Services, snapshotWrites));
        await app.StartAsync();
        Live = app.Services.GetRequiredService<Growth.Grains.LiveFeed.LiveTimings>();
        http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        using var signIn = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) };
        (await signIn.PostAsJsonAsync("/api/session", new { userName = "bench", password = adminPassword })).EnsureSuccessStatusCode();
    }

    /// <summary>A batch of new leads: five events each (created, assigned, contacted, qualified, followed up).</summary>
    object[] Batch(int events)
    {
        var batch = Interlocked.Increment(ref batchCounter);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var list = new List<object>(events);
        for (var j = 0; list.Count + 5 <= events; j++)
        {
            var id = $"b{batch}-l{j}";
            list.Add(new { journeyId = id, id = $"{id}:1", kind = "LeadCreated", at, regionId = "north", campaignId = "web" });
            list.Add(new { journeyId = id, id = $"{id}:2", kind = "LeadAssigned", at = at.AddMinutes(5), regionId = "north", teamId = "north-1", repId = $"rep-{j % 20}" });
            list.Add(new { journeyId = id, id = $"{id}:3", kind = "Contacted", at = at.AddHours(1) });
            list.Add(new { journeyId = id, id = $"{id}:4", kind = "Qualified", at = at.AddHours(5) });
            list.Add(new { journeyId = id, id = $"{id}:5", kind = "FollowedUp", at = at.AddDays(1) });
        }
        return list.ToArray();
    }

    async Task PostAsync(string workspace, object[] batch)
    {
        var key = await keys.GetOrAdd(workspace, w => app!.Services.GetRequiredService<IngestionKeys>().CreateAsync(w, "benchmark", "bench")
            .ContinueWith(t => t.Result.Key, TaskScheduler.Default));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{workspace}/events") { Content = JsonContent.Create(batch) };
        request.Headers.Add(IngestionKeyAuthentication.HeaderName, key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    sealed class Watcher : IAsyncDisposable
    {
        public HubConnection Connection { get; }
        public event Action<long, long>? Snapshot; // version, journeys

        public Watcher(string hubUrl, System.Net.CookieContainer cookies)
        {
            Connection = new HubConnectionBuilder().WithUrl(hubUrl, o => o.Cookies = cookies)
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter())).Build();
            Connection.On<JsonElement>("snapshot", s => Snapshot?.Invoke(s.GetProperty("version").GetInt64(), s.GetProperty("journeys").GetInt64()));
        }

        public async Task SubscribeAsync(string workspace)
        {
            await Connection.StartAsync();
            await Connection.InvokeAsync<JsonElement?>("Subscribe", workspace);
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    /// <summary>
    /// Latency from posting events to a subscribed SignalR client seeing their effect (the journey count includes
    /// them), while 5,000 events a second are ingested: p50 and p99 in milliseconds.
    /// </summary>
    public async Task<(double P50, double P99)> LatencyAsync()
    {
        const string workspace = "bench-latency";
        await PostAsync(workspace, Batch(5));   // the workspace exists before anyone subscribes
        await using var watcher = new Watcher($"{baseUrl}/hubs/growth", cookies);
        var pending = new ConcurrentQueue<(long Journeys, long Posted)>();
        var latencies = new ConcurrentBag<double>();
        var answers = new List<double>();
        watcher.Snapshot += (_, journeys) =>
        {
            var now = Stopwatch.GetTimestamp();
            while (pending.TryPeek(out var p) && p.Journeys <= journeys && pending.TryDequeue(out p))
                latencies.Add(Stopwatch.GetElapsedTime(p.Posted, now).TotalMilliseconds);
        };
        await watcher.SubscribeAsync(workspace);
        var seconds = quick ? 5 : 30;
        long journeys = 1;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < seconds * 10 && await tick.WaitForNextTickAsync(); i++)
        {
            var batch = Batch(500);   // 500 events every 100 ms: 5,000 a second
            journeys += batch.Length / 5;
            var posted = Stopwatch.GetTimestamp();
            pending.Enqueue((journeys, posted));
            await PostAsync(workspace, batch);
            answers.Add(Stopwatch.GetElapsedTime(posted).TotalMilliseconds);
        }
        await WaitUntil(() => pending.IsEmpty, TimeSpan.FromSeconds(30), "the last batches' effect to reach the client");
        var sorted = latencies.Order().ToList();
        var answered = answers.Order().ToList();
        Console.WriteLine($"  latency: the ingestion's answer p50 {Measure.Percentile(answered, 0.5):N1} ms, p99 {Measure.Percentile(answered, 0.99):N1} ms (of ingest to client p50 {Measure.Percentile(sorted, 0.5):N1}, p99 {Measure.Percentile(sorted, 0.99):N1}); load {Measure.Load()}");
        return (Measure.Percentile(sorted, 0.5), Measure.Percentile(sorted, 0.99));
    }

    static async Task WaitUntil(Func<bool> condition, TimeSpan deadline, string what)
    {
        var watch = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!condition())
        {
            if (watch.Elapsed > deadline) throw new TimeoutException($"waited {deadline} for {what}");
            await tick.WaitForNextTickAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
