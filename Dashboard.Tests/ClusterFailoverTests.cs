using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.Json;
using Xunit.Abstractions;
using static Growth.Dashboard.Tests.ClusterChecks;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Three Silo processes clustered through Azure Table membership on a real Azurite, the Dashboard process as an
/// Orleans client, a simulation running and an ingestion feed posting money events over HTTP; then the silo that
/// hosts the simulation is killed with SIGKILL. The cluster must carry on, no acknowledged order, payment or refund
/// may be lost or counted twice, and the web host's live feed must resume by itself. How long it took is printed,
/// never asserted (a loaded CI machine is no measure of speed); a guard of 120 s ends a cluster that never recovers.
/// </summary>
[Collection(Alone)]
public sealed class ClusterFailoverTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    /// <summary>Four processes on two cores: run when no other test competes for them (after the parallel ones).</summary>
    public const string Alone = "failover, alone";

    static readonly TimeSpan RecoveryGuard = TimeSpan.FromSeconds(120);
    const string Simulated = "failsim";
    const string Fed = "failfeed";

    [Fact]
    public async Task A_killed_silo_loses_no_acknowledged_money_and_the_cluster_carries_on()
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
            // A call caught on the killed silo fails after 10 s instead of Orleans' 30 s, as an operator would set it.
            ["Orleans__ResponseTimeoutSeconds"] = "10",
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
        // killed silo is otherwise answered only when the response timeout breaks it).
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
        }, RecoveryGuard, "ingestion, the simulation and the live feed to carry on", feed);
        var recovered = new[] { ingestBack!.Value, simulationBack!.Value, liveBack!.Value }.Max();
        output.WriteLine($"recovered in {recovered.TotalSeconds:F1} s (ingestion {ingestBack.Value.TotalSeconds:F1} s, simulation {simulationBack.Value.TotalSeconds:F1} s, live feed {liveBack.Value.TotalSeconds:F1} s)");

        // Quiet, then count: the ledger holds every acknowledged money event exactly once, and the simulated
        // workspace's figures rebuilt from the ledger equal the live ones (sums lost with the killed silo were recounted).
        await AssertQuietLedgersAsync(http, feed, stopFeed, feeding, Simulated, Fed, output);

        // Grains reactivated on the survivors with their persisted state: the first fed journey still has its money.
        var first = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Fed}/journeys/{MoneyFeed.JourneyId(0)}");
        Assert.Equal(MoneyFeed.Collected(0), first.GetProperty("state").GetProperty("collected").GetDecimal());
        Assert.True(await Eventually(() => TrySimulatedNowAsync(http), now => now is not null, TimeSpan.FromSeconds(30)) > before);
    }

    static Task<DateTimeOffset?> TrySimulatedNowAsync(HttpClient http) => ClusterChecks.TrySimulatedNowAsync(http, Simulated);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

[CollectionDefinition(ClusterFailoverTests.Alone, DisableParallelization = true)]
public sealed class FailoverCollection;
