using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.Json;
using Growth.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Three Silo processes clustered through Azure Table membership on a real Azurite, the Dashboard process as an
/// Orleans client, a simulation running and an ingestion feed posting money events over HTTP; then the silo that
/// hosts the simulation is killed with SIGKILL. The cluster must carry on within 30 s, no acknowledged order,
/// payment or refund may be lost or counted twice, and the web host's live feed must resume by itself.
/// </summary>
[Collection(Alone)]
public sealed class ClusterFailoverTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    /// <summary>Four processes on two cores: run when no other test competes for them (after the parallel ones).</summary>
    public const string Alone = "failover, alone";

    static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);
    const string Simulated = "failsim";
    const string Fed = "failfeed";

    [Fact]
    public async Task A_killed_silo_loses_no_acknowledged_money_and_the_cluster_carries_on_within_30_seconds()
    {
        var clusterId = $"failover-{Guid.NewGuid():N}";
        var serviceId = $"svc-{Guid.NewGuid():N}"[..20];
        var cluster = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "AzureTable",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Clustering__Kind"] = "AzureTable",
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = serviceId,
            ["Orleans__ProbeTimeoutSeconds"] = "2",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var silos = new ProcessGroup(output);
        var siloPorts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var siloPort = DashboardHost.FreePort();
            siloPorts.Add(siloPort);
            silos.Start($"silo-{i}", "Silo", new(cluster)
            {
                ["Orleans__SiloPort"] = siloPort.ToString(),
                ["Orleans__GatewayPort"] = DashboardHost.FreePort().ToString(),
            });
        }
        var adminPassword = $"Failover-{Guid.NewGuid():N}!";
        var web = silos.Start("dashboard", "Dashboard", new(cluster)
        {
            ["Cluster__Mode"] = "Client",
            ["Demo__Enabled"] = "false",
            ["Admin__UserName"] = "operator",
            ["Admin__Password"] = adminPassword,
        });
        await silos.WaitReadyAsync(TimeSpan.FromSeconds(90));
        // A sender that gives up on an unanswered request after 10 s and sends it again (a request caught on the
        // killed silo is otherwise answered only when the cluster's 30 s response timeout breaks it).
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var signedIn = await http.PostAsJsonAsync("/api/session", new { userName = "operator", password = adminPassword });
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        var key = await http.PostAsJsonAsync("/api/admin/keys", new { workspace = Fed, label = "failover feed" });
        Assert.True(key.IsSuccessStatusCode, await key.Content.ReadAsStringAsync());
        using var crm = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        crm.DefaultRequestHeaders.Add("X-Api-Key", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());

        // A simulation, a live page's feed, and a CRM posting money.
        var started = await http.PostAsJsonAsync($"/api/workspaces/{Simulated}/simulation",
            new { seed = 11, speed = 1.0, regions = 2, teamsPerRegion = 2, repsPerTeam = 4, campaigns = 2, existingCustomers = 60 });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        await using var live = new LiveFeedClient(new Uri(web.BaseAddress, "/hubs/growth"), Simulated, cookies);
        await live.StartAsync();
        using var stopFeed = new CancellationTokenSource();
        var feed = new MoneyFeed(crm, Fed);
        var feeding = feed.RunAsync(stopFeed.Token);

        await Until(() => feed.Batches >= 5 && live.Received >= 3, TimeSpan.FromSeconds(60), "the feed and the live page to get going", feed);
        var before = await Eventually(() => TrySimulatedNowAsync(http), now => now is not null, TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException("the simulation's status could not be read");

        // SIGKILL the silo hosting the simulation: its grains, timers and in-memory sums die with it.
        await using var client = await OrleansClient.StartAsync(cluster);
        var victimPort = await client.SiloPortHostingAsync("simulation", Simulated);
        var victim = silos.Processes[siloPorts.IndexOf(victimPort)];
        var batchesAtKill = feed.Batches;
        var asOfAtKill = live.LatestAsOf;
        var killed = Stopwatch.StartNew();
        victim.Kill();
        output.WriteLine($"killed {victim.Name} (silo port {victimPort}) with SIGKILL at simulated {before:u}");

        // Carries on: ingestion acknowledged again, the simulation's clock moves on, the live page hears it.
        TimeSpan? ingestBack = null, simulationBack = null, liveBack = null;
        await Until(async () =>
        {
            if (ingestBack is null && feed.Batches >= batchesAtKill + 3) ingestBack = killed.Elapsed;
            if (liveBack is null && live.LatestAsOf > asOfAtKill + TimeSpan.FromDays(1)) liveBack = killed.Elapsed;
            if (simulationBack is null && await TrySimulatedNowAsync(http) is { } now && now > before + TimeSpan.FromDays(1)) simulationBack = killed.Elapsed;
            return ingestBack is not null && simulationBack is not null && liveBack is not null;
        }, TimeSpan.FromSeconds(90), "ingestion, the simulation and the live feed to carry on", feed);
        var recovered = new[] { ingestBack!.Value, simulationBack!.Value, liveBack!.Value }.Max();
        output.WriteLine($"recovered in {recovered.TotalSeconds:F1} s (ingestion {ingestBack.Value.TotalSeconds:F1} s, simulation {simulationBack.Value.TotalSeconds:F1} s, live feed {liveBack.Value.TotalSeconds:F1} s)");

        // Quiet, then count: the ledger holds every acknowledged money event exactly once.
        await stopFeed.CancelAsync();
        await feeding;
        Assert.True((await http.PostAsync($"/api/workspaces/{Simulated}/simulation/pause", null)).IsSuccessStatusCode);
        var fed = await Eventually(() => LedgerAsync(http, Fed), c => c.Differences.Count == 0, TimeSpan.FromSeconds(30));
        foreach (var d in fed.Differences.Take(20)) output.WriteLine($"  {d}");
        output.WriteLine($"feed: {feed.Batches} batches, {feed.Acknowledged.Count} money events acknowledged ({feed.Retries} batch retries); ledger {fed.Entries} entries, total {fed.Ledger}");
        Assert.Equal(feed.Acknowledged.Count, fed.Entries);
        Assert.Equal(feed.Expected(), fed.Ledger);
        Assert.Empty(fed.Differences);
        // Figures rebuilt from the ledger equal the live ones in the simulated workspace too (sums lost with the
        // killed silo were recounted from the journeys).
        var simulated = await Eventually(() => LedgerAsync(http, Simulated), c => c.Differences.Count == 0, TimeSpan.FromSeconds(30));
        output.WriteLine($"simulation: ledger {simulated.Entries} entries, total {simulated.Ledger}; live {simulated.Live}");
        foreach (var d in simulated.Differences.Take(20)) output.WriteLine($"  {d}");
        Assert.Empty(simulated.Differences);
        Assert.True(simulated.Entries > 0);

        // Grains reactivated on the survivors with their persisted state: the first fed journey still has its money.
        var first = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Fed}/journeys/{MoneyFeed.JourneyId(0)}");
        Assert.Equal(MoneyFeed.Collected(0), first.GetProperty("state").GetProperty("collected").GetDecimal());
        Assert.True(await Eventually(() => TrySimulatedNowAsync(http), now => now is not null, TimeSpan.FromSeconds(30)) > before);
        Assert.True(recovered < RecoveryLimit, $"the cluster took {recovered.TotalSeconds:F1} s to carry on (limit {RecoveryLimit.TotalSeconds} s)");
    }

    static async Task<LedgerReport> LedgerAsync(HttpClient http, string workspace)
    {
        var response = await http.GetAsync($"/api/admin/workspaces/{workspace}/ledger");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ledger of {workspace}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<LedgerReport>(body, Json)!;
    }

    static async Task<DateTimeOffset?> TrySimulatedNowAsync(HttpClient http)
    {
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var status = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Simulated}/simulation", cancel.Token);
            return status.GetProperty("simulatedNow").GetDateTimeOffset();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    static Task Until(Func<bool> condition, TimeSpan limit, string what, MoneyFeed feed) =>
        Until(() => Task.FromResult(condition()), limit, what, feed);

    static async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what, MoneyFeed feed)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"waited {limit.TotalSeconds} s for {what}; feed: {feed.Batches} batches, last error: {feed.LastError}");
            await tick.WaitForNextTickAsync();
        }
    }

    static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > limit) return value;
            await tick.WaitForNextTickAsync();
        }
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    sealed record MoneyFiguresReport(long Orders, decimal Revenue, decimal Collected, decimal Refunded);
    sealed record LedgerReport(string Workspace, long Entries, MoneyFiguresReport Ledger, MoneyFiguresReport Live, List<string> Differences);

    /// <summary>
    /// A CRM posting existing customers with a repurchase, an invoice, a payment and a refund each, in batches of
    /// ten customers. A batch that fails (a silo died under it) is sent again as it was until it is answered;
    /// a money event answered accepted or duplicate is acknowledged.
    /// </summary>
    sealed class MoneyFeed(HttpClient http, string workspace)
    {
        const int PerBatch = 10;
        static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        public ConcurrentDictionary<string, (string Kind, decimal Amount)> Acknowledged { get; } = new();
        int batches, retries;
        public int Batches => Volatile.Read(ref batches);
        public int Retries => Volatile.Read(ref retries);
        public string? LastError { get; private set; }

        public static string JourneyId(int n) => $"acct-{n:D5}";
        static decimal Order(int n) => 1_000 + n;
        public static decimal Collected(int n) => 600 + n % 7;
        static decimal Refund(int n) => 25 + n % 3;

        public MoneyFiguresReport Expected() => new(
            Acknowledged.Values.LongCount(v => v.Kind == "Repurchased"),
            Acknowledged.Values.Where(v => v.Kind == "Repurchased").Sum(v => v.Amount),
            Acknowledged.Values.Where(v => v.Kind == "PaymentReceived").Sum(v => v.Amount),
            Acknowledged.Values.Where(v => v.Kind == "Refunded").Sum(v => v.Amount));

        public async Task RunAsync(CancellationToken stop)
        {
            for (var b = 0; !stop.IsCancellationRequested; b++)
            {
                var events = Enumerable.Range(b * PerBatch, PerBatch).SelectMany(Journey).ToList();
                while (true)
                {
                    try
                    {
                        var response = await http.PostAsJsonAsync($"/api/workspaces/{workspace}/events", events, Json, CancellationToken.None);
                        if (response.IsSuccessStatusCode)
                        {
                            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
                            foreach (var row in body.GetProperty("results").EnumerateArray())
                            {
                                var e = events[row.GetProperty("index").GetInt32()];
                                var result = row.GetProperty("result").GetString();
                                if (result == "rejected") throw new InvalidOperationException($"event {e.Id} was rejected: {row.GetProperty("reason")}");
                                if (e.Kind is "Repurchased" or "PaymentReceived" or "Refunded") Acknowledged[$"{e.JourneyId}/{e.Id}"] = (e.Kind, e.Amount);
                            }
                            Interlocked.Increment(ref batches);
                            break;
                        }
                        LastError = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { LastError = e.Message; }
                    // Unanswered: the same batch again (same ids; what was applied before comes back as duplicate).
                    Interlocked.Increment(ref retries);
                }
            }
        }

        static IEnumerable<FeedEvent> Journey(int n)
        {
            var id = JourneyId(n);
            var at = Epoch.AddMinutes(n);
            yield return new(id, $"{id}-on", "CustomerOnboarded", at, 0, "north", "north-1", $"rep-{n % 5}");
            yield return new(id, $"{id}-order", "Repurchased", at.AddHours(1), Order(n));
            yield return new(id, $"{id}-invoice", "PaymentDue", at.AddHours(2), Order(n), DueAt: at.AddDays(30));
            yield return new(id, $"{id}-paid", "PaymentReceived", at.AddHours(3), Collected(n));
            yield return new(id, $"{id}-refund", "Refunded", at.AddHours(4), Refund(n));
        }
    }

    sealed record FeedEvent(string JourneyId, string Id, string Kind, DateTimeOffset At, decimal Amount,
        string? RegionId = null, string? TeamId = null, string? RepId = null, DateTimeOffset? DueAt = null);

    /// <summary>A browser's view of the live feed: snapshots of one workspace over SignalR.</summary>
    sealed class LiveFeedClient(Uri hub, string workspace, System.Net.CookieContainer cookies) : IAsyncDisposable
    {
        readonly HubConnection connection = new HubConnectionBuilder()
            .WithUrl(hub, o => o.Cookies = cookies)
            .WithAutomaticReconnect()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        int received;
        long latestAsOf;
        public int Received => Volatile.Read(ref received);
        public DateTimeOffset LatestAsOf => new(Interlocked.Read(ref latestAsOf), TimeSpan.Zero);

        public async Task StartAsync()
        {
            connection.On<JsonElement>("snapshot", s =>
            {
                if (s.GetProperty("workspace").GetString() != workspace) return;
                var asOf = s.GetProperty("asOf").GetDateTimeOffset().UtcTicks;
                long seen;
                while ((seen = Interlocked.Read(ref latestAsOf)) < asOf && Interlocked.CompareExchange(ref latestAsOf, asOf, seen) != seen) { }
                Interlocked.Increment(ref received);
            });
            await connection.StartAsync();
            await connection.InvokeAsync<JsonElement?>("Subscribe", workspace);
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>The test's own Orleans client of the cluster, to see where a grain lives.</summary>
    sealed class OrleansClient(IHost host) : IAsyncDisposable
    {
        public static async Task<OrleansClient> StartAsync(Dictionary<string, string> settings)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":"), (string?)s.Value)));
            builder.UseOrleansClient(client => client.UseGrowthClient(builder.Configuration));
            var host = builder.Build();
            await host.StartAsync();
            return new OrleansClient(host);
        }

        /// <summary>The silo port of the silo where the grain of that type and key is active.</summary>
        public async Task<int> SiloPortHostingAsync(string grainType, string key)
        {
            var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            var statistics = await management.GetDetailedGrainStatistics();
            var found = statistics.FirstOrDefault(s => s.GrainId.Type.ToString() == grainType && s.GrainId.Key.ToString() == key)
                ?? throw new InvalidOperationException($"no active {grainType}/{key}; active types: {string.Join(", ", statistics.Select(s => s.GrainId.Type.ToString()).Distinct())}");
            return found.SiloAddress.Endpoint.Port;
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}

[CollectionDefinition(ClusterFailoverTests.Alone, DisableParallelization = true)]
public sealed class FailoverCollection;

/// <summary>
/// Host processes started from the solution's build output (<c>dotnet Silo.dll</c>, <c>dotnet Dashboard.dll</c>),
/// each on its own free HTTP port, killed at the end whatever happened. Their output is kept for the test log.
/// </summary>
public sealed class ProcessGroup(ITestOutputHelper output) : IAsyncDisposable
{
    public List<HostProcess> Processes { get; } = [];

    public HostProcess Start(string name, string project, Dictionary<string, string> environment)
    {
        var process = HostProcess.Start(name, project, environment);
        Processes.Add(process);
        return process;
    }

    public Task WaitReadyAsync(TimeSpan limit) => Task.WhenAll(Processes.Select(p => p.WaitReadyAsync(limit)));

    public ValueTask DisposeAsync()
    {
        foreach (var p in Processes)
        {
            p.Kill();
            output.WriteLine($"--- {p.Name} (last lines) ---");
            foreach (var line in p.Tail()) output.WriteLine(line);
            p.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class HostProcess : IDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> lines = new();
    public string Name { get; }
    public Uri BaseAddress { get; }

    HostProcess(string name, Process process, Uri baseAddress) => (Name, this.process, BaseAddress) = (name, process, baseAddress);

    public static HostProcess Start(string name, string project, Dictionary<string, string> environment)
    {
        var dll = BuildOutput(project);
        var address = new Uri($"http://127.0.0.1:{DashboardHost.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var host = new HostProcess(name, Process.Start(start)!, address);
        host.process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        while (lines.Count > 200) lines.TryDequeue(out _);
    }

    public IEnumerable<string> Tail() => lines.TakeLast(40);

    public async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}: {string.Join('\n', Tail())}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (clock.Elapsed > limit) throw new TimeoutException($"{Name} was not ready within {limit.TotalSeconds} s: {string.Join('\n', Tail())}");
            await tick.WaitForNextTickAsync();
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    public void Dispose() => process.Dispose();

    /// <summary>The built entry assembly of a project of the solution, in the configuration these tests were built in.</summary>
    static string BuildOutput(string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent?.Name ?? "Release"; // .../bin/{configuration}/net10.0
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Growth.sln"))) continue;
            var dll = Path.Combine(dir.FullName, project, "bin", configuration, "net10.0", $"Growth.{project}.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first (dotnet build Growth.sln -c {configuration})");
        }
        throw new InvalidOperationException($"Growth.sln not found above {here.FullName}");
    }
}
