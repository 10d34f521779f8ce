using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Dashboard.Security;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Growth.Dashboard.Tests;

/// <summary>A signed-in user of a test host: an HTTP client carrying the session cookie, and the cookies themselves (for hubs and browsers).</summary>
public sealed record Session(string UserName, string Password, HttpClient Http, CookieContainer Cookies);

/// <summary>
/// The real web host with its embedded silo, on free loopback ports, reached over real HTTP.
/// Time is fake: the demo simulation only moves when a test moves it; so is the sign-in throttle's clock (<see cref="SecurityTime"/>).
/// The first administrator is created from Admin:UserName/Admin:Password (a random password per host), and
/// <see cref="Http"/> is signed in as that administrator and carries the workspace's ingestion key on every write
/// (events, journey events, imports), so tests about something else need no ceremony. Tests about access use
/// <see cref="Anonymous"/>, <see cref="SignInAsAsync"/>, <see cref="CreateKeyAsync"/> and <see cref="KeyClient"/>.
/// </summary>
public sealed partial class DashboardHost : IAsyncLifetime
{
    public const string AdminName = "admin";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    /// <summary>The clock of the sign-in throttle.</summary>
    public FakeTimeProvider SecurityTime { get; } = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    public WebApplication App { get; private set; } = null!;
    /// <summary>Signed in as the administrator; ingestion keys added to writes by themselves.</summary>
    public HttpClient Http { get; private set; } = null!;
    /// <summary>Not signed in, no key.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    /// <summary>The administrator's session (null for a host without users).</summary>
    public Session? Admin { get; private set; }
    /// <summary>The administrator's password: one per test run, so hosts restarted on the same durable storage sign in alike.</summary>
    public string AdminPassword => RunPassword;
    static readonly string RunPassword = Secret();
    public Uri BaseAddress { get; private set; } = null!;
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    readonly int httpPort, siloPort, gatewayPort;
    readonly string[] extraArgs;
    readonly bool withUsers;
    readonly Action<WebApplicationBuilder>? configure;
    readonly Dictionary<string, Task<string>> keys = [];
    readonly List<HttpClient> clients = [];

    public DashboardHost() : this(0, FreePort(), FreePort()) { }

    /// <summary>A host on the given ports (0 for HTTP: any free port), e.g. to restart "the same server", with more settings.</summary>
    internal DashboardHost(int httpPort, int siloPort, int gatewayPort, params string[] extraArgs) : this(httpPort, siloPort, gatewayPort, true, null, extraArgs) { }

    /// <summary>A host with or without users (without: demo mode), more services, more settings.</summary>
    internal DashboardHost(int httpPort, int siloPort, int gatewayPort, bool withUsers, Action<WebApplicationBuilder>? configure, params string[] extraArgs) =>
        (this.httpPort, this.siloPort, this.gatewayPort, this.withUsers, this.configure, this.extraArgs) = (httpPort, siloPort, gatewayPort, withUsers, configure, extraArgs);

    public async Task InitializeAsync()
    {
        string[] admin = withUsers ? [$"--Admin:UserName={AdminName}", $"--Admin:Password={AdminPassword}"] : [];
        App = DashboardApp.Build(
        [
            "--urls", $"http://127.0.0.1:{httpPort}",
            "--environment", "Development",
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Orleans:ClusterId=dashboard-tests-{Guid.NewGuid():N}",
            "--Demo:ExistingCustomers=50",
            // Tests sign many users in from 127.0.0.1; the rate limit on attempts has its own test (SignInRateLimitTests).
            "--Access:SignInRate:PermitLimit=100000",
            .. admin,
            .. extraArgs,
        ], builder =>
        {
            builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Time);
            builder.Services.AddKeyedSingleton<TimeProvider>(SignInThrottle.ClockKey, SecurityTime);
            // Long runs wait here only while a test holds them (LongRunBrowserTests).
            builder.Services.AddSingleton<Growth.Dashboard.Application.RunGate>();
            // Tests simulate months in one call; on a loaded 2-core machine that can exceed the 30 s default.
            builder.Services.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3));
            configure?.Invoke(builder);
        });
        await App.StartAsync();
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Anonymous = Track(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress });
        if (withUsers)
        {
            Admin = await SignInAsync(AdminName, AdminPassword);
            var cookies = new CookieContainer();
            Http = Track(new HttpClient(new IngestionKeyHandler(this) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } }) { BaseAddress = BaseAddress });
            (await Http.PostAsJsonAsync("/api/session", new { userName = AdminName, password = AdminPassword })).EnsureSuccessStatusCode();
        }
        else Http = Anonymous;
    }

    HttpClient Track(HttpClient client)
    {
        lock (clients) clients.Add(client);
        return client;
    }

    static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>Signs in over the JSON session endpoint; fails the test if refused.</summary>
    public async Task<Session> SignInAsync(string userName, string password)
    {
        var cookies = new CookieContainer();
        // Redirects are not followed: a test sees the redirect to the sign-in page as such.
        var http = Track(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress });
        using var response = await http.PostAsJsonAsync("/api/session", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new Session(userName, password, http, cookies);
    }

    /// <summary>Creates a user with these grants (<c>workspace:Role[:scope]</c>) through the admin API and signs them in.</summary>
    public async Task<Session> SignInAsAsync(params string[] grants)
    {
        var name = $"user-{Guid.NewGuid():N}"[..20];
        var password = Secret();
        using var created = await Admin!.Http.PostAsJsonAsync("/api/admin/users", new { userName = name, password, grants });
        Assert.True(created.IsSuccessStatusCode, $"creating {name} ({string.Join(", ", grants)}) refused: {await created.Content.ReadAsStringAsync()}");
        return await SignInAsync(name, password);
    }

    /// <summary>Creates an ingestion key for the workspace through the admin API; the whole key, as shown once.</summary>
    public async Task<string> CreateKeyAsync(string workspace, string label = "test")
    {
        using var response = await Admin!.Http.PostAsJsonAsync("/api/admin/keys", new { workspace, label });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"creating a key for {workspace} refused: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>A client that sends <paramref name="key"/> as <c>Authorization: Bearer</c>, no cookie.</summary>
    public HttpClient KeyClient(string key)
    {
        var client = Track(new HttpClient { BaseAddress = BaseAddress });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The key <see cref="Http"/> uses for a workspace (created once per host and workspace).</summary>
    public Task<string> KeyForAsync(string workspace)
    {
        lock (keys)
            return keys.TryGetValue(workspace, out var key) ? key : keys[workspace] = CreateKeyAsync(workspace, "fixture");
    }

    /// <summary>A hub connection to /hubs/growth as <paramref name="session"/> (anonymous if null); not started.</summary>
    public HubConnection HubConnection(Session? session) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/growth"), o => { if (session is not null) o.Cookies = session.Cookies; })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    /// <summary>Gives a browser page the session's cookie, so it is signed in as that user (the administrator if null).</summary>
    public async Task SignInAsync(IPage page, Session? session = null)
    {
        session ??= Admin!;
        await page.Context.AddCookiesAsync(session.Cookies.GetCookies(BaseAddress).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Url = BaseAddress.ToString(),
        }));
    }

    public async Task DisposeAsync()
    {
        lock (clients) foreach (var client in clients) client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>
    /// A loopback port free now and never handed out before in this test run: the system may give a port it gave a
    /// moment ago (once released), and two hosts told the same port would fail to start.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, 0)) return port;
        }
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>Adds the workspace's ingestion key to writes that need one (unless the request carries a key already).</summary>
    sealed partial class IngestionKeyHandler(DashboardHost host) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri is { } uri && request.Headers.Authorization is null
                && !request.Headers.Contains(IngestionKeyAuthentication.HeaderName)
                && WriteRoute().Match(uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]) is { Success: true } write
                && Keys.IsValidWorkspace(Uri.UnescapeDataString(write.Groups[1].Value)))
                request.Headers.Add(IngestionKeyAuthentication.HeaderName, await host.KeyForAsync(Uri.UnescapeDataString(write.Groups[1].Value)));
            return await base.SendAsync(request, cancellationToken);
        }

        [GeneratedRegex(@"^/api/workspaces/([^/]+)/(events|imports|journeys/[^/]+/events)$")]
        private static partial Regex WriteRoute();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}

/// <summary>
/// The walks over every page (axe, phone widths, screenshots) and the tests sharing their simulated workspace, on a
/// host and browser of their own: they run beside <see cref="DashboardCollection"/> instead of after it (about a third
/// of the web tests' time, mostly the browser's, while the other collection mostly keeps the server busy).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardWalksCollection : ICollectionFixture<DashboardHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard, page walks";
}
