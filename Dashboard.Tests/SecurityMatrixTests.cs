using System.Net.Http.Json;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Growth.Dashboard.Security;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Who may open what, tried as each of them would: every page, every group of API routes and the hub, as every role
/// (and as someone not signed in, and as Leadership of another workspace), over real HTTP and SignalR. The expected
/// answers come from the one table below; a test checks the table covers every page and every API route.
/// </summary>
[Collection(DashboardCollection.Name)]
public partial class SecurityMatrixTests(DashboardHost host)
{
    public const string Workspace = "acl";

    /// <summary>The people tried: the six roles in workspace <see cref="Workspace"/>, nobody, and Leadership of another workspace.</summary>
    public enum Who { Leadership, Marketing, SalesManager, Rep, Trainee, Admin, Anonymous, OtherWorkspace }

    public enum Kind { Page, Api, Hub }

    public sealed record Target(string Name, Kind Kind, HttpMethod Method, string Path, object? Body, Who[] Allowed);

    public static IEnumerable<object[]> Cases() =>
        from target in Table from who in Enum.GetValues<Who>() select new object[] { target.Name, who };

    sealed record World(Dictionary<Who, Session?> Sessions, string RepJourney);

    static readonly SemaphoreSlim Gate = new(1, 1);
    static readonly Dictionary<DashboardHost, World> Worlds = [];

    /// <summary>The workspace (2 regions x 2 teams x 2 reps, a month simulated) and one signed-in user per role, once per host.</summary>
    async Task<World> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (Worlds.TryGetValue(host, out var world)) return world;
            var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
            await sim.CreateAsync(new SimulationSettings { Seed = 11, Regions = 2, TeamsPerRegion = 2, RepsPerTeam = 2, Campaigns = 2, ExistingCustomers = 10 });
            await sim.RunForAsync(TimeSpan.FromDays(30));
            await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
            var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
                .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, i)).StatesAsync()))).SelectMany(s => s);
            var journey = states.First(s => s.RepId == "rep-1-1-1").Id;
            var sessions = new Dictionary<Who, Session?>
            {
                [Who.Leadership] = await host.SignInAsAsync($"{Workspace}:Leadership"),
                [Who.Marketing] = await host.SignInAsAsync($"{Workspace}:Marketing"),
                [Who.SalesManager] = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1"),
                [Who.Rep] = await host.SignInAsAsync($"{Workspace}:Rep:rep-1-1-1"),
                [Who.Trainee] = await host.SignInAsAsync($"{Workspace}:Trainee"),
                [Who.Admin] = host.Admin,
                [Who.Anonymous] = null,
                [Who.OtherWorkspace] = await host.SignInAsAsync("other-workspace:Leadership"),
            };
            return Worlds[host] = new World(sessions, journey);
        }
        finally { Gate.Release(); }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_its_part(string targetName, Who who)
    {
        var target = Table.Single(t => t.Name == targetName);
        var world = await WorldAsync();
        var session = world.Sessions[who];
        var allowed = target.Allowed.Contains(who);

        if (target.Kind == Kind.Hub)
        {
            await using var connection = host.HubConnection(session);
            await connection.StartAsync();
            if (allowed)
            {
                var snapshot = await connection.InvokeAsync<JsonElement?>("Subscribe", target.Path);
                Assert.Equal(target.Path, snapshot!.Value.GetProperty("workspace").GetString());
            }
            else
            {
                var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement?>("Subscribe", target.Path));
                Assert.Contains("not allowed", refused.Message);
            }
            return;
        }

        var client = session?.Http ?? host.Anonymous;
        using var request = new HttpRequestMessage(target.Method, target.Path.Replace("{journey}", world.RepJourney));
        if (target.Path.EndsWith("/imports", StringComparison.Ordinal)) request.Content = ImportSample.MavenUpload();
        else if (target.Body is not null) request.Content = JsonContent.Create(target.Body);
        else if (target.Method == HttpMethod.Post) request.Content = JsonContent.Create(new { });
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var what = $"{who} on {target.Name}: {status} {body[..Math.Min(300, body.Length)]}";

        if (allowed)
        {
            // Allowed: anything but a refusal (a calibration from nowhere is a 400 or 404 of the endpoint itself, past the check).
            Assert.True(status is not (401 or 403 or 302), what);
            if (!target.Name.StartsWith("ledger", StringComparison.Ordinal)) Assert.True(status < 500, what);
            if (target.Kind == Kind.Page) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (target.Kind == Kind.Page && who == Who.Anonymous)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, what);
            Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath);
        }
        else if (target.Kind == Kind.Page) Assert.True(response.StatusCode == HttpStatusCode.Forbidden, what);
        else if (who == Who.Anonymous || target.Allowed.Length == 0) Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, what);
        else Assert.True(response.StatusCode == HttpStatusCode.Forbidden, what);
    }

    [Fact]
    public void The_table_covers_every_page_and_every_api_route()
    {
        // Every routable page has an access rule, and the table tries it.
        var pages = typeof(DashboardApp).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any())
            .ToList();
        foreach (var page in pages)
        {
            var routes = page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList();
            if (page.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            {
                Assert.True(routes.All(r => r is "/signin" or "/signout"), $"{page.Name} is open to anyone");
                continue;
            }
            Assert.True(page.GetCustomAttribute<AreaAttribute>() is not null, $"{page.Name} has no [Area]");
            Assert.True(routes.Any(r => Table.Any(t => t.Kind == Kind.Page && PathOf(t.Path) == r.Split("/{")[0])), $"the table does not try {string.Join(", ", routes)}");
        }

        // Every API endpoint carries an access rule, except the session endpoint (signing in).
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal));
        foreach (var endpoint in endpoints)
        {
            var raw = endpoint.RoutePattern.RawText!;
            if (raw.TrimStart('/').StartsWith("api/session", StringComparison.Ordinal)) continue;
            Assert.True(endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null, $"{raw} has no access rule");
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.True(Table.Any(t => t.Kind == Kind.Api && Matches(raw, t.Path)), $"the table does not try {raw}");
        }
    }

    static string PathOf(string path) => path.Split('?')[0] is var p && p.Length > 1 ? p.TrimEnd('/') : p;

    /// <summary>Whether a concrete path of the table is one of the route template's.</summary>
    static bool Matches(string template, string path)
    {
        var t = template.Trim('/').Split('/');
        var p = PathOf(path).Trim('/').Split('/');
        return t.Length == p.Length && t.Zip(p).All(x => x.First.StartsWith('{') || x.First == x.Second);
    }
}
