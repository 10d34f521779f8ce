using Growth.Dashboard.Components.Shared;
using Growth.Domain.Figures;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The pages in a real browser against the real host: charts render with data and follow the live feed.</summary>
[Collection(DashboardCollection.Name)]
public class BrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    string Url(string path, string workspace) => new Uri(host.Http.BaseAddress!, $"{path}?workspace={workspace}").ToString();

    async Task<WorkspaceSnapshot> RunAsync(string workspace, ulong seed, int days, bool start = false)
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(workspace);
        var settings = new SimulationSettings { Seed = seed, ExistingCustomers = 50 };
        var status = start ? await sim.StartAsync(settings) : await sim.CreateAsync(settings);
        // Several tests share a workspace: simulate up to the span once, not once per test.
        var owed = status.Start!.Value.AddDays(days) - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        return (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync())!;
    }

    [Theory]
    [InlineData("", new[] { "chart-revenue", "chart-funnel", "chart-lifecycle" })]
    [InlineData("marketing", new[] { "chart-spend-revenue", "chart-roi", "chart-leads-time", "chart-channels" })]
    [InlineData("sales", new[] { "chart-attainment", "chart-pipeline", "chart-ageing", "chart-winrate" })]
    [InlineData("insight", new[] { "chart-stage-health", "chart-loss-step", "chart-loss-objection" })]
    public async Task Every_page_renders_its_charts_with_data(string path, string[] charts)
    {
        await RunAsync("browser-pages", 3, 45);
        await page.GotoAsync(Url(path, "browser-pages"));
        foreach (var chart in charts)
        {
            var svg = page.Locator($"[data-testid={chart}] .main-svg").First;
            await svg.WaitForAsync();
            // Plotted data: bars, lines or funnel segments, not an empty frame.
            await Expect(page.Locator($"[data-testid={chart}] .trace .point, [data-testid={chart}] .trace path.js-line").First).ToBeAttachedAsync();
        }
    }

    [Fact]
    public async Task The_customer_page_shows_a_journey_s_whole_timeline()
    {
        var snapshot = await RunAsync("browser-customer", 4, 40);
        var lost = snapshot.RecentLosses.First();
        await page.GotoAsync(Url($"customer/{lost.JourneyId}", "browser-customer"));
        await Expect(page.GetByTestId("journey-title")).ToHaveTextAsync(lost.JourneyId);
        var rows = page.Locator("[data-testid=timeline] tbody tr");
        await Expect(rows.First).ToContainTextAsync("New lead");
        await Expect(rows.Last).ToContainTextAsync("Lost");

        await page.GotoAsync(Url("customer/nobody-here", "browser-customer"));
        await Expect(page.GetByTestId("journey-error")).ToContainTextAsync("no journey nobody-here");
    }

    [Fact]
    public async Task Overview_revenue_rises_while_the_simulation_runs_and_stops_when_paused()
    {
        var start = await RunAsync("browser-live", 5, 0, start: true);
        await page.GotoAsync(Url("", "browser-live"));
        var revenue = page.GetByTestId("revenue");
        await Expect(revenue).ToHaveTextAsync(Format.Money(start.Revenue.Total, start.Money));

        // The simulation's clock only moves with the domain clock: give it three seconds of real time.
        host.Time.Advance(TimeSpan.FromSeconds(3));
        await Expect(revenue).Not.ToHaveTextAsync(Format.Money(start.Revenue.Total, start.Money));

        await page.GetByTestId("pause").ClickAsync();
        await Expect(page.GetByTestId("resume")).ToBeVisibleAsync();
        var sim = host.Grains.GetGrain<ISimulationGrain>("browser-live");
        var paused = await sim.GetStatusAsync();
        Assert.False(paused.Running);
        var final = await host.Grains.GetGrain<IWorkspaceStatisticsGrain>("browser-live").RefreshAsync();
        await Expect(revenue).ToHaveTextAsync(Format.Money(final!.Revenue.Total, final.Money));

        host.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(paused.SimulatedNow, (await sim.GetStatusAsync()).SimulatedNow);
        var after = await host.Grains.GetGrain<IWorkspaceStatisticsGrain>("browser-live").RefreshAsync();
        Assert.Equal(final.Revenue.Total, after!.Revenue.Total);
        await Expect(revenue).ToHaveTextAsync(Format.Money(final.Revenue.Total, final.Money));
    }

    [Fact]
    public async Task Switching_workspace_switches_the_figures()
    {
        var a = await RunAsync("browser-a", 6, 20);
        var b = await RunAsync("browser-b", 7, 35);
        Assert.NotEqual(Format.Money(a.Revenue.Total, a.Money), Format.Money(b.Revenue.Total, b.Money));
        await page.GotoAsync(Url("", "browser-a"));
        await Expect(page.GetByTestId("revenue")).ToHaveTextAsync(Format.Money(a.Revenue.Total, a.Money));

        await page.GetByTestId("workspace-select").SelectOptionAsync("browser-b");

        await Expect(page.GetByTestId("revenue")).ToHaveTextAsync(Format.Money(b.Revenue.Total, b.Money));
        Assert.Contains("workspace=browser-b", page.Url);
        // The navigation keeps the workspace: the sales table shows browser-b's teams.
        await page.GetByTestId("nav-sales").ClickAsync();
        await Expect(page.GetByTestId("organisation")).ToContainTextAsync(b.Teams[0].Name);
        Assert.Contains("workspace=browser-b", page.Url);
        await Expect(page.GetByTestId("workspace-select")).ToHaveValueAsync("browser-b");
    }

    [Fact]
    public async Task A_page_recovers_by_itself_after_the_server_restarts()
    {
        var (http, silo, gateway) = (DashboardHost.FreePort(), DashboardHost.FreePort(), DashboardHost.FreePort());
        // Demo mode (no users; the demo workspace is open): the reloaded page needs no sign-in that the restart would forget.
        DashboardHost Server() => new(http, silo, gateway, withUsers: false, null, "--Demo:Enabled=false");
        var first = Server();
        await first.InitializeAsync();
        var before = await RunOn(first, 20);
        await page.GotoAsync($"http://127.0.0.1:{http}/?workspace=demo");
        await Expect(page.GetByTestId("revenue")).ToHaveTextAsync(Format.Money(before, MoneyStyle.Default));
        await first.DisposeAsync();
        await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();

        var second = Server();
        await second.InitializeAsync();
        try
        {
            // In-memory storage starts empty: the page must show the new server's figures without anyone reloading it.
            var after = await RunOn(second, 5);
            Assert.NotEqual(Format.Money(before, MoneyStyle.Default), Format.Money(after, MoneyStyle.Default));
            await Expect(page.GetByTestId("revenue")).ToHaveTextAsync(Format.Money(after, MoneyStyle.Default), new() { Timeout = 30_000 });
        }
        finally { await second.DisposeAsync(); }
    }

    static async Task<decimal> RunOn(DashboardHost server, int days)
    {
        var sim = server.Grains.GetGrain<ISimulationGrain>("demo");
        await sim.CreateAsync(new SimulationSettings { Seed = 8, ExistingCustomers = 20 });
        await sim.RunForAsync(TimeSpan.FromDays(days));
        return (await server.Grains.GetGrain<IWorkspaceStatisticsGrain>("demo").RefreshAsync())!.Revenue.Total;
    }
}
