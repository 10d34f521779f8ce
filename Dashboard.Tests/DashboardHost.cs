using System.Net;
using System.Net.Sockets;
using Growth.Dashboard;
using Growth.Grains.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The real web host with its embedded silo, on free loopback ports, reached over real HTTP.
/// Time is fake: the demo simulation only moves when a test moves it.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    public WebApplication App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    readonly int httpPort, siloPort, gatewayPort;
    readonly string[] extraArgs;

    public DashboardHost() : this(0, FreePort(), FreePort()) { }

    /// <summary>A host on the given ports (0 for HTTP: any free port), e.g. to restart "the same server", with more settings.</summary>
    internal DashboardHost(int httpPort, int siloPort, int gatewayPort, params string[] extraArgs) =>
        (this.httpPort, this.siloPort, this.gatewayPort, this.extraArgs) = (httpPort, siloPort, gatewayPort, extraArgs);

    public async Task InitializeAsync()
    {
        App = DashboardApp.Build(
        [
            "--urls", $"http://127.0.0.1:{httpPort}",
            "--environment", "Development",
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Orleans:ClusterId=dashboard-tests-{Guid.NewGuid():N}",
            "--Demo:ExistingCustomers=50",
            .. extraArgs,
        ], builder =>
        {
            builder.Services.AddKeyedSingleton<TimeProvider>(GrowthSilo.ClockKey, Time);
            // Tests simulate months in one call; on a loaded 2-core machine that can exceed the 30 s default.
            builder.Services.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3));
        });
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}
