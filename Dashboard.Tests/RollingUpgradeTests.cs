using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Growth.Dashboard.Tests.ClusterChecks;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A rolling upgrade as Kubernetes runs one (k8s/silo.yaml: one silo at a time, SIGTERM, the host's normal stop):
/// two Silo processes on Azure Table membership (Azurite), the Dashboard process as their client, a simulation and a
/// CRM feed posting money events. The silo hosting the simulation gets SIGTERM while the feed runs; then a new
/// ("upgraded") silo joins and the other old silo gets SIGTERM, leaving only the new one. Every acknowledged order,
/// payment and refund is in the ledger exactly once and the cluster carries on throughout. Durations are printed,
/// never asserted; the guards only end a cluster that never recovers.
/// </summary>
[Collection(ClusterFailoverTests.Alone)]
public sealed class RollingUpgradeTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);
    static readonly TimeSpan StopGuard = TimeSpan.FromSeconds(60);
    /// <summary>A silo joining validates its connection to every member first: slow when the cores are shared.</summary>
    static readonly TimeSpan JoinGuard = TimeSpan.FromSeconds(300);
    /// <summary>
    /// One status read at a time, waited for as long as a grain call may take: a read given up early stays queued at
    /// the simulation grain behind its steps, and a poll every 250 ms would pile them up on a loaded machine.
    /// </summary>
    static readonly TimeSpan StatusWait = TimeSpan.FromSeconds(30);
    const string Simulated = "rollsim";
    const string Fed = "rollfeed";

    [Fact]
    public async Task Silos_replaced_one_at_a_time_with_sigterm_lose_no_acknowledged_money_and_the_cluster_carries_on()
    {
        var id = Guid.NewGuid().ToString("N");
        var cluster = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "AzureTable",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Clustering__Kind"] = "AzureTable",
            ["Orleans__ClusterId"] = $"rolling-{id}",
            ["Orleans__ServiceId"] = $"svc-{id}"[..20],
            // A silo stopped gracefully says goodbye and strands no call, so nothing here needs dead-silo detection:
            // probes wait 20 s (Orleans' default 5 s), so a silo starved of CPU while three hosts start on two shared
            // cores is not voted dead by the other (3 missed probes; with two silos one vote evicts) and made to stop
            // itself (Orleans' fatal error handler exits 134). Grain calls keep Orleans' default timeout.
            ["Orleans__ProbeTimeoutSeconds"] = "20",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var siloPorts = new List<int>();
        Dictionary<string, string> Silo()
        {
            var port = DashboardHost.FreePort();
            siloPorts.Add(port);
            return new(cluster)
            {
                ["Orleans__SiloPort"] = port.ToString(),
                ["Orleans__GatewayPort"] = DashboardHost.FreePort().ToString(),
                // As k8s/silo.yaml sets it: time to hand grains over and leave the membership table.
                ["Growth__ShutdownTimeoutSeconds"] = "30",
            };
        }
        await using var hosts = new ProcessGroup(output);
        hosts.Start("old-0", "Silo", Silo());
        hosts.Start("old-1", "Silo", Silo());
        var password = $"Rolling-{id}!";
        var web = hosts.Start("dashboard", "Dashboard", new(cluster)
        {
            ["Cluster__Mode"] = "Client", ["Demo__Enabled"] = "false", ["Admin__UserName"] = "operator", ["Admin__Password"] = password,
        });
        await hosts.WaitReadyAsync(JoinGuard);

        // Client timeouts as long as the grain-call timeout: the 2 cores here are shared, and a slow answer is no fault.
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(35) };
        var signedIn = await http.PostAsJsonAsync("/api/session", new { userName = "operator", password });
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        var key = await http.PostAsJsonAsync("/api/admin/keys", new { workspace = Fed, label = "rolling upgrade feed" });
        Assert.True(key.IsSuccessStatusCode, await key.Content.ReadAsStringAsync());
        using var crm = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(35) };
        crm.DefaultRequestHeaders.Add("X-Api-Key", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        var started = await http.PostAsJsonAsync($"/api/workspaces/{Simulated}/simulation",
            new { seed = 12, speed = 1.0, regions = 2, teamsPerRegion = 2, repsPerTeam = 3, campaigns = 1, existingCustomers = 20 });
        if (!started.IsSuccessStatusCode)
        {
            // Seeding can outlast the grain-call timeout on a loaded machine; the grain finishes it all the same.
            var failure = await started.Content.ReadAsStringAsync();
            output.WriteLine($"starting the simulation answered {(int)started.StatusCode}; waiting for it to answer its status");
            Assert.True(await Eventually(() => TrySimulatedNowAsync(http, Simulated, StatusWait), now => now is not null, Guard) is not null, failure);
        }
        using var stopFeed = new CancellationTokenSource();
        var feed = new MoneyFeed(crm, Fed);
        var feeding = feed.RunAsync(stopFeed.Token);
        await Until(() => feed.Batches >= 5, Guard, "the feed to get going", feed);

        // Step 1: SIGTERM to the old silo hosting the simulation, while the feed posts.
        int first;
        await using (var client = await OrleansClient.StartAsync(cluster))
            first = siloPorts.IndexOf(await client.SiloPortHostingAsync("simulation", Simulated));
        await StopGracefullyAsync(hosts.Processes[first], http, feed);

        // Step 2: the upgraded silo joins; once it is ready, SIGTERM to the other old silo.
        var upgraded = hosts.Start("new-2", "Silo", Silo());
        var joining = Stopwatch.StartNew();
        await upgraded.WaitReadyAsync(JoinGuard);
        output.WriteLine($"new-2 ready {joining.Elapsed.TotalSeconds:F1} s after its start");
        await StopGracefullyAsync(hosts.Processes[1 - first], http, feed);

        // Only the upgraded silo is left: the simulation lives there now.
        await using (var client = await OrleansClient.StartAsync(cluster))
            Assert.Equal(siloPorts[2], await client.SiloPortHostingAsync("simulation", Simulated));

        // Quiet, then count: every acknowledged money event is in the ledger exactly once; figures match the ledger.
        await AssertQuietLedgersAsync(http, feed, stopFeed, feeding, Simulated, Fed, output);
        var journey = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Fed}/journeys/{MoneyFeed.JourneyId(0)}");
        Assert.Equal(MoneyFeed.Collected(0), journey.GetProperty("state").GetProperty("collected").GetDecimal());
    }

    /// <summary>
    /// SIGTERM to one silo while the feed runs: it exits 0 (a clean stop), then ingestion is acknowledged again and
    /// the simulated clock moves a day further. Prints how long each took.
    /// </summary>
    async Task StopGracefullyAsync(HostProcess silo, HttpClient http, MoneyFeed feed)
    {
        var before = await Eventually(() => TrySimulatedNowAsync(http, Simulated, StatusWait), now => now is not null, Guard)
            ?? throw new InvalidOperationException("the simulation's status could not be read");
        var (batches, retries) = (feed.Batches, feed.Retries);
        var clock = Stopwatch.StartNew();
        var exit = await silo.StopAsync(StopGuard);
        var stopped = clock.Elapsed;
        Assert.True(exit == 0, $"{silo.Name} exited with {exit} after SIGTERM: {silo.Why()}");
        TimeSpan? ingestion = null, simulation = null;
        await Until(async () =>
        {
            if (ingestion is null && feed.Batches >= batches + 3) ingestion = clock.Elapsed;
            if (simulation is null && await TrySimulatedNowAsync(http, Simulated, StatusWait) is { } now && now > before + TimeSpan.FromDays(1)) simulation = clock.Elapsed;
            return ingestion is not null && simulation is not null;
        }, Guard, $"ingestion and the simulation to carry on after {silo.Name} stopped", feed);
        output.WriteLine($"{silo.Name}: SIGTERM to exit 0 in {stopped.TotalSeconds:F1} s; after SIGTERM ingestion acknowledged 3 more batches at {ingestion!.Value.TotalSeconds:F1} s, " +
            $"the simulated clock a day further at {simulation!.Value.TotalSeconds:F1} s; {feed.Retries - retries} batch retries during the stop");
    }
}
