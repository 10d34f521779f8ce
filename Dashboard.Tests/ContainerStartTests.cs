using System.Text.Json;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Silo and the Dashboard started the way docker/compose.yaml starts them (its environment, the Dockerfiles'
/// ASPNETCORE_URLS on every interface), on a real Azurite, and reached through 127.0.0.2: a host listening on
/// loopback only (the old appsettings <c>Urls</c>) would not answer there, and the probes would restart it forever.
/// The container health check (the app's own "healthcheck" command, no curl) answers 0 and 1. Their logs, with the
/// compose file's Logging__Console__FormatterName, are one JSON object per stdout line.
/// </summary>
[Collection(ClusterFailoverTests.Alone)]
public sealed class ContainerStartTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    /// <summary>The compose service's environment with the container network's names replaced by this machine's.</summary>
    Dictionary<string, string> ComposeEnvironment(string service, string clusterId) =>
        DeploymentTests.Environment(service).ToDictionary(e => e.Key, e => e.Key switch
        {
            "Storage__ConnectionString" => azurite.ConnectionString,
            "Orleans__ClusterId" => clusterId,
            "Orleans__ServiceId" => clusterId,
            "Orleans__AdvertisedAddress" => "127.0.0.1",
            "Orleans__SiloPort" or "Orleans__GatewayPort" => DashboardHost.FreePort().ToString(),
            "Admin__Password" => $"Container-{Guid.NewGuid():N}!",
            _ => e.Value,
        });

    /// <summary>The Dockerfile's ASPNETCORE_URLS (http://+:8081) on a free port instead.</summary>
    static string DockerfileUrls(string file, int port)
    {
        var line = File.ReadAllLines(Path.Combine(DeploymentTests.Repo(), "docker", file)).Single(l => l.StartsWith("ENV ASPNETCORE_URLS="));
        var urls = line["ENV ASPNETCORE_URLS=".Length..];
        Assert.StartsWith("http://+:", urls);
        return $"http://+:{port}";
    }

    [Fact]
    public async Task Silo_and_dashboard_started_like_their_containers_answer_health_checks_on_another_loopback_address()
    {
        var clusterId = $"container-{Guid.NewGuid():N}"[..24];
        await using var hosts = new ProcessGroup(output);
        var siloPort = DashboardHost.FreePort();
        var silo = ComposeEnvironment("silo1", clusterId);
        silo["ASPNETCORE_URLS"] = DockerfileUrls("Dockerfile.silo", siloPort);
        hosts.Processes.Add(HostProcess.StartAsContainer("silo", "Silo", silo, new Uri($"http://127.0.0.2:{siloPort}")));

        var webPort = DashboardHost.FreePort();
        var web = ComposeEnvironment("dashboard", clusterId);
        web["ASPNETCORE_URLS"] = $"http://0.0.0.0:{webPort}";
        web["Demo__Enabled"] = "false";
        hosts.Processes.Add(HostProcess.StartAsContainer("dashboard", "Dashboard", web, new Uri($"http://127.0.0.2:{webPort}")));

        // Ready on 127.0.0.2 (WaitReadyAsync polls /health/ready at each host's address until it answers 2xx).
        await hosts.WaitReadyAsync(TimeSpan.FromSeconds(120));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var host in hosts.Processes)
            Assert.True((await http.GetAsync(new Uri(host.BaseAddress, "/health/live"))).IsSuccessStatusCode, $"{host.Name} /health/live");
        // The dashboard is ready only when the cluster answers it a grain call through the silo's gateway.
        var ready = await http.GetAsync(new Uri(hosts.Processes[1].BaseAddress, "/health/ready"));
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        foreach (var host in hosts.Processes) AssertJsonLogLines(host);

        // The container health check: the app asks itself, exit 0 while it answers ...
        var check = await HostProcess.RunAsync("Silo", ["healthcheck"], new() { ["ASPNETCORE_URLS"] = silo["ASPNETCORE_URLS"] }, TimeSpan.FromSeconds(60));
        Assert.True(check.Exit == 0, check.Output);
        var webCheck = await HostProcess.RunAsync("Dashboard", ["healthcheck"], new() { ["ASPNETCORE_URLS"] = web["ASPNETCORE_URLS"] }, TimeSpan.FromSeconds(60));
        Assert.True(webCheck.Exit == 0, webCheck.Output);
        // ... and 1 when nothing answers.
        var closed = await HostProcess.RunAsync("Silo", ["healthcheck"], new() { ["ASPNETCORE_URLS"] = $"http://+:{DashboardHost.FreePort()}" }, TimeSpan.FromSeconds(60));
        Assert.Equal(1, closed.Exit);
    }

    /// <summary>Every stdout line is a JSON object with the entry's level, category and message (what a collector indexes).</summary>
    void AssertJsonLogLines(HostProcess host)
    {
        var lines = host.StandardOutput;
        Assert.True(lines.Count > 0, $"{host.Name} wrote nothing to stdout");
        string[] levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];
        foreach (var line in lines)
        {
            JsonElement entry;
            try { entry = JsonDocument.Parse(line).RootElement; }
            catch (JsonException e) { throw new Xunit.Sdk.XunitException($"{host.Name} wrote a stdout line that is not JSON ({e.Message}): {line}"); }
            Assert.True(entry.ValueKind == JsonValueKind.Object, $"{host.Name}: {line}");
            Assert.True(entry.TryGetProperty("LogLevel", out var level) && levels.Contains(level.GetString()), $"{host.Name}, no LogLevel: {line}");
            Assert.True(entry.TryGetProperty("Category", out var category) && category.GetString() is { Length: > 0 }, $"{host.Name}, no Category: {line}");
            Assert.True(entry.TryGetProperty("Message", out var message) && message.ValueKind == JsonValueKind.String, $"{host.Name}, no Message: {line}");
        }
        output.WriteLine($"{host.Name}: {lines.Count} stdout lines, all JSON; first: {lines[0]}");
    }

    [Fact]
    public async Task A_silo_with_a_wrong_setting_refuses_to_start_and_names_the_key()
    {
        var run = await HostProcess.RunAsync("Silo", ["--Storage:Kind=Azur"], new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{DashboardHost.FreePort()}" }, TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("Storage:Kind 'Azur' is not one of Memory, AzureTable", run.Output);
    }
}
