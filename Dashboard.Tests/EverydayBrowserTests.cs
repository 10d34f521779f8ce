using System.Net;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>Small things a person meets every day: the icon, where the figures live, and a question before anything is wiped out.</summary>
[Collection(DashboardCollection.Name)]
public class EverydayBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "browser-everyday";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task Every_page_names_an_icon_that_is_there()
    {
        var html = await host.Anonymous.GetStringAsync("/signin");
        var href = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("favicon", href);
        var icon = await host.Anonymous.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reset_asks_first_and_a_cancel_leaves_the_simulation_as_it_was()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var status = await sim.CreateAsync(new SimulationSettings { Seed = 7, ExistingCustomers = 10 });
        if (status.SimulatedNow == status.Start) status = await sim.RunForAsync(TimeSpan.FromDays(3));
        await page.GotoAsync(new Uri(host.BaseAddress, $"?workspace={Workspace}").ToString());
        // The test host keeps its figures in memory, and says so.
        await Expect(page.GetByTestId("storage-note")).ToHaveTextAsync("In-memory storage: nothing survives a restart.");

        await page.GetByTestId("reset").ClickAsync();
        await Expect(page.GetByTestId("reset-confirm-text")).ToContainTextAsync($"Reset {Workspace}?");
        await page.GetByTestId("reset-cancel").ClickAsync();
        await Expect(page.GetByTestId("reset-confirm-text")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("reset")).ToBeVisibleAsync();
        Assert.Equal(status.SimulatedNow, (await sim.GetStatusAsync()).SimulatedNow);
    }

    [Fact]
    public async Task Revoking_a_key_asks_first()
    {
        await page.GotoAsync(new Uri(host.BaseAddress, "admin").ToString());
        await page.GetByTestId("key-workspace").FillAsync(Workspace);
        await page.GetByTestId("key-label").FillAsync("asks-first");
        await page.GetByTestId("create-key").ClickAsync();
        await Expect(page.GetByTestId("new-key")).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=keys] tr", new() { HasText = "asks-first" });
        await row.GetByTestId("revoke-key").ClickAsync();
        await Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("Revoke key");
        await row.GetByTestId("revoke-confirm").ClickAsync();
        await Expect(row.GetByTestId("revoke-key")).ToHaveCountAsync(0);
        await Expect(row.Locator("td").Nth(4)).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task Journey_ids_listed_as_links_stay_apart()
    {
        const string workspace = "browser-apart";
        var sim = host.Grains.GetGrain<ISimulationGrain>(workspace);
        var status = await sim.CreateAsync(new SimulationSettings { Seed = 11, ExistingCustomers = 50 });
        var owed = status.Start!.Value.AddDays(40) - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        var snapshot = (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync())!;

        await page.GotoAsync(new Uri(host.BaseAddress, $"customer?workspace={workspace}").ToString());
        await Expect(page.GetByTestId("recent-journey")).ToHaveCountAsync(Math.Min(5, snapshot.RecentLosses.Count));
        var ids = snapshot.RecentLosses.Take(2).Select(l => l.JourneyId).ToList();
        await Expect(page.Locator("p", new() { Has = page.GetByTestId("recent-journey") })).ToContainTextAsync($"{ids[0]} {ids[1]}");
    }
}
