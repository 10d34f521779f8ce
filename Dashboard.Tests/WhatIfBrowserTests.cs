using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Grains.Figures;
using Growth.Grains.Projection;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The What-if page in a real browser: levers in, progress while running, comparison table and charts out.</summary>
[Collection(DashboardCollection.Name)]
public class WhatIfBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1200, timeoutMilliseconds: 60_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task A_sales_head_changes_levers_runs_and_reads_odds_cost_fan_and_tornado()
    {
        const string ws = "browser-whatif";
        var sim = host.Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 9, ExistingCustomers = 50 });
        await sim.RunForAsync(TimeSpan.FromDays(14));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        await host.Grains.GetGrain<IScenarioGrain>(ws).SaveAsync(new Scenario("more-events",
            new ProjectionLevers { BudgetScale = new Dictionary<Channel, double> { [Channel.Events] = 2 } }));
        var before = await sim.GetStatusAsync();

        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"whatif?workspace={ws}").ToString());
        await page.GetByTestId("compare-more-events").WaitForAsync();
        await page.GetByTestId("weeks").FillAsync("8");
        await page.GetByTestId("paths").FillAsync("400");
        await page.GetByTestId("target").FillAsync("1500000");
        await page.GetByTestId("commission").FillAsync("10");
        await page.GetByTestId("hires").FillAsync("10");
        await page.GetByTestId("hire-week").FillAsync("2");
        await page.GetByTestId("compare-more-events").CheckAsync();

        // Records whether the progress indicator ever showed, however quickly the run ends.
        await page.EvaluateAsync("""
            () => { window.sawProgress = false;
                    new MutationObserver(() => { if (document.querySelector('[data-testid=progress]')) window.sawProgress = true; })
                        .observe(document.body, { childList: true, subtree: true }); }
            """);
        await page.GetByTestId("run").ClickAsync();

        await Expect(page.GetByTestId("comparison")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.sawProgress"), "progress was shown while the run was under way");
        await Expect(page.GetByTestId("progress")).ToHaveCountAsync(0);
        foreach (var run in new[] { "baseline", "scenario", "more-events" })
        {
            await Expect(page.GetByTestId($"run-{run}")).ToBeVisibleAsync();
            await Expect(page.GetByTestId($"probability-{run}")).ToContainTextAsync("%");
        }
        await Expect(page.GetByTestId("run-scenario")).ToContainTextAsync("1.50M");
        foreach (var chart in new[] { "chart-fan", "chart-odds", "chart-cost", "chart-tornado" })
        {
            await page.Locator($"[data-testid={chart}] .main-svg").First.WaitForAsync();
            await Expect(page.Locator($"[data-testid={chart}] .trace .point, [data-testid={chart}] .trace path.js-line").First).ToBeAttachedAsync();
        }
        Assert.StartsWith("data:text/csv;base64,", await page.GetByTestId("export").GetAttributeAsync("href"));

        await page.GetByTestId("scenario-name").FillAsync("commission-10");
        await page.GetByTestId("save").ClickAsync();
        await page.GetByTestId("compare-commission-10").WaitForAsync();
        var savedLevers = (await host.Grains.GetGrain<IScenarioGrain>(ws).ListAsync()).Single(s => s.Name == "commission-10").Levers;
        Assert.Equal(0.10, savedLevers.Incentive.CommissionRate, 6);
        Assert.Equal(10, Assert.Single(savedLevers.Hires).Count);

        // The workspace itself did not move.
        Assert.Equal(before, await sim.GetStatusAsync());
    }
}
