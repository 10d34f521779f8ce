using Growth.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Every settings section checked when the web host starts, through the real host builder: one wrong value and
/// the host refuses to start with a message naming the key (nothing half-started, no surprise at the first request).
/// </summary>
public class SettingsValidationTests
{
    [Theory]
    [InlineData("--Access:SignIn:MaxFailures=0", "Access:SignIn:MaxFailures must be at least 1 (was 0)")]
    [InlineData("--Access:Ingestion:PermitLimit=-5", "Access:Ingestion:PermitLimit must be at least 1 (was -5)")]
    [InlineData("--Access:SignInRate:PermitLimit=0", "Access:SignInRate:PermitLimit must be at least 1 (was 0)")]
    [InlineData("--Access:SignInRate:Window=00:00:00", "Access:SignInRate:Window must be longer than zero (was 00:00:00)")]
    [InlineData("--Access:Demo=Sometimes", "Access:Demo")]
    [InlineData("--Demo:Speed=0", "Demo:Speed must be between 0 and 365 simulated days per second (was 0)")]
    [InlineData("--Demo:Regions=99", "Demo:Regions must be between 1 and 20 (was 99)")]
    [InlineData("--Demo:Enabled=yes", "Demo:Enabled must be true or false (was 'yes')")]
    [InlineData("--Training:Scenarios=/nonexistent/growth-scenarios", "Training:Scenarios '/nonexistent/growth-scenarios': (folder): the scenario folder does not exist")]
    [InlineData("--Authentication:Oidc:Authority=https://id.example.com", "Authentication:Oidc:ClientId must be set when Authentication:Oidc:Authority is")]
    [InlineData("--Authentication:Oidc:ClientId=growth", "Authentication:Oidc:Authority must be set when Authentication:Oidc:ClientId is")]
    [InlineData("--Storage:Kind=Azur", "Storage:Kind 'Azur' is not one of Memory, AzureTable")]
    [InlineData("--Clustering:Kind=Mesh", "Clustering:Kind 'Mesh' is not one of Localhost, AzureTable")]
    [InlineData("--Orleans:ListenOnAnyAddress=yes", "Orleans:ListenOnAnyAddress must be true or false (was 'yes')")]
    [InlineData("--Orleans:ClusterId= ", "Orleans:ClusterId must not be empty")]
    [InlineData("--Orleans:GatewayPort=70000", "Orleans:GatewayPort '70000' is not a port number")]
    [InlineData("--Orleans:ResponseTimeoutSeconds=0.2", "Orleans:ResponseTimeoutSeconds '0.2' is not a number of seconds between 1 and 600")]
    [InlineData("--Live:RefreshMilliseconds=5", "Live:RefreshMilliseconds '5' is not a whole number of milliseconds between 20 and 10000")]
    [InlineData("--Live:FlushMilliseconds=fast", "Live:FlushMilliseconds 'fast' is not a whole number of milliseconds between 20 and 10000")]
    [InlineData("--Growth:ShutdownTimeoutSeconds=0", "Growth:ShutdownTimeoutSeconds must be a number of seconds between 1 and 600 (was '0')")]
    [InlineData("--ForwardedHeaders:KnownNetworks:0=10.0.0/33", "ForwardedHeaders:KnownNetworks:0 must be a network such as 10.0.0.0/8 (was '10.0.0/33')")]
    [InlineData("--Metrics:Port=metrics", "Metrics:Port must be a port number between 1 and 65535 (was 'metrics')")]
    [InlineData("--Metrics:Address=localhost", "Metrics:Address must be an IP address such as 127.0.0.1 (was 'localhost')")]
    [InlineData("--ForwardedHeaders:KnownProxies:0=proxy", "ForwardedHeaders:KnownProxies:0 must be an IP address (was 'proxy')")]
    public async Task A_wrong_value_refuses_to_start_and_names_the_key(string setting, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = DashboardApp.Build(
            [
                "--urls", "http://127.0.0.1:0", $"--Orleans:SiloPort={DashboardHost.FreePort()}", $"--Orleans:GatewayPort={DashboardHost.FreePort()}",
                $"--Orleans:ClusterId=settings-{Guid.NewGuid():N}", "--Demo:Enabled=false", setting,
            ]);
            await app.StartAsync();
            await app.StopAsync();
        });
        Assert.Contains(message, Flatten(error));
    }

    [Fact]
    public async Task Right_values_start_and_the_shutdown_timeout_is_the_configured_one()
    {
        await using var app = DashboardApp.Build(
        [
            "--urls", "http://127.0.0.1:0", $"--Orleans:SiloPort={DashboardHost.FreePort()}", $"--Orleans:GatewayPort={DashboardHost.FreePort()}",
            $"--Orleans:ClusterId=settings-{Guid.NewGuid():N}", "--Demo:Enabled=false", "--Growth:ShutdownTimeoutSeconds=12.5",
            "--Access:SignIn:MaxFailures=3", "--Demo:Speed=4", "--ForwardedHeaders:KnownNetworks:0=10.0.0.0/8", "--ForwardedHeaders:KnownProxies:0=192.0.2.1",
            "--Live:RefreshMilliseconds=400",
        ]);
        await app.StartAsync();
        Assert.Equal(TimeSpan.FromSeconds(12.5), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        // The live path's periods reach the embedded silo's grains: the one set, and the other's default.
        Assert.Equal(new Growth.Grains.LiveFeed.LiveTimings(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(100)),
            app.Services.GetRequiredService<Growth.Grains.LiveFeed.LiveTimings>());
        await app.StopAsync();
    }

    [Fact]
    public void The_silo_waits_30_seconds_by_default_for_grains_to_leave_and_the_web_host_5()
    {
        static TimeSpan Timeout(TimeSpan fallback, params (string, string?)[] settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2))).Build();
            return new ServiceCollection().AddGrowthShutdownTimeout(configuration, fallback).BuildServiceProvider()
                .GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        }
        Assert.Equal(TimeSpan.FromSeconds(30), Timeout(GrowthHostDefaults.SiloShutdownTimeout));
        Assert.Equal(TimeSpan.FromSeconds(5), Timeout(GrowthHostDefaults.WebShutdownTimeout));
        Assert.Equal(TimeSpan.FromSeconds(90), Timeout(GrowthHostDefaults.SiloShutdownTimeout, (GrowthHostDefaults.ShutdownTimeoutKey, "90")));
        // The Silo's Program uses the silo default; Kubernetes gives the pod longer than that to stop.
        Assert.Contains("GrowthHostDefaults.SiloShutdownTimeout", File.ReadAllText(Path.Combine(DeploymentTests.Repo(), "Silo", "Program.cs")));
    }

    static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} | {Flatten(e.InnerException)}";
}
