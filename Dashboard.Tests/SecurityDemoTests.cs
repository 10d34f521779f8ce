using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Grains.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>A host with no users: the demo is open to anyone; live workspaces, ingestion and admin functions are not.</summary>
public sealed class DemoModeHost : IAsyncLifetime
{
    public DashboardHost Host { get; } = new(0, DashboardHost.FreePort(), DashboardHost.FreePort(), withUsers: false, null);
    public Task InitializeAsync() => Host.InitializeAsync();
    public Task DisposeAsync() => Host.DisposeAsync();
}

public class SecurityDemoTests(DemoModeHost fixture) : IClassFixture<DemoModeHost>
{
    DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Without_users_the_demo_is_open_and_nothing_else_is_until_the_first_user_closes_it()
    {
        var live = "demo-live";
        var sim = Host.Grains.GetGrain<ISimulationGrain>(live);
        await sim.CreateAsync(new SimulationSettings { Seed = 3, Regions = 1, TeamsPerRegion = 1, RepsPerTeam = 2, Campaigns = 1, ExistingCustomers = 2 });
        await sim.RunForAsync(TimeSpan.FromDays(2));
        await Host.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(2));
        var anonymous = Host.Anonymous;

        // The demo: its pages, its snapshot, its live feed.
        foreach (var page in new[] { "/", "/marketing", "/sales", "/insight", "/customer", "/whatif" })
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{page}?workspace=demo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/workspaces/demo/snapshot")).StatusCode);
        await using (var hub = Host.HubConnection(null))
        {
            await hub.StartAsync();
            Assert.Equal("demo", (await hub.InvokeAsync<JsonElement?>("Subscribe", "demo"))!.Value.GetProperty("workspace").GetString());
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement?>("Subscribe", live));
        }
        // ... but only to look: no simulation control, no saved scenarios.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/workspaces/demo/simulation/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/workspaces/demo/scenarios/mine", new { })).StatusCode);

        // A live workspace, ingestion (even into the demo) and the admin functions are closed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/workspaces/{live}/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/?workspace={live}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/training")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/workspaces/demo/events", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/workspaces/{live}/events", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/orleans/")).StatusCode);

        // The first user ends demo mode (Access:Demo=WhileNoUsers): now the demo needs sign-in too.
        await Host.App.Services.GetRequiredService<UserAccounts>().CreateAsync("first-user", "a-first-password", [new Grant("demo", Role.Leadership)]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/workspaces/demo/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/?workspace=demo")).StatusCode);
        var user = await Host.SignInAsync("first-user", "a-first-password");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/workspaces/demo/snapshot")).StatusCode);
    }
}

/// <summary>Without OpenID Connect settings nothing of it is wired.</summary>
public class SecurityOidcOffTests(DemoModeHost fixture) : IClassFixture<DemoModeHost>
{
    [Fact]
    public async Task OpenID_Connect_is_not_wired_without_its_settings()
    {
        var schemes = fixture.Host.App.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync(GrowthSecurity.OidcScheme));
        Assert.DoesNotContain("signin/oidc", await fixture.Host.Anonymous.GetStringAsync("/signin"));
    }
}
