using Growth.Grains.Figures;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The issue's question asked on the page: "move from a flat 8 % to 6 % below quota and 10 % above, capped at 200 %,
/// plus a 2,000 spiff on a product: what happens to revenue, cost of sales and reps at quota?", answered with ranges,
/// cost of sales by part (team bonus included); and the Sales page shows region, team and rep quotas.
/// </summary>
[Collection(DashboardCollection.Name)]
public class PlanWhatIfBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task A_sales_head_edits_a_plan_and_reads_revenue_cost_and_reps_at_quota_with_ranges_then_the_quotas_on_the_sales_page()
    {
        const string ws = "browser-plans";
        // A workspace with a setup: its catalogue names the products a spiff can go on.
        var setup = host.Grains.GetGrain<ISetupGrain>(ws);
        if (await setup.GetAsync() is null) await setup.ApplyAsync(SetupSamples.Small(), "test", "the small company");
        var sim = host.Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 9, ExistingCustomers = 50, Start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero) });
        await sim.RunForAsync(TimeSpan.FromDays(14));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();

        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"whatif?workspace={ws}").ToString());
        await page.GetByTestId("plan-comparison").WaitForAsync();
        await page.GetByTestId("plan-name").FillAsync("6/10 cap 200 spiff");
        await page.GetByTestId("tier-rate-0").FillAsync("6");
        await page.GetByTestId("tier-to-0").FillAsync("100");
        await page.GetByTestId("tier-rate-1").FillAsync("10");
        await page.GetByTestId("plan-cap").FillAsync("200");
        await page.GetByTestId("plan-spiff-amount").FillAsync("2000");
        // The spiff goes on the catalogue's first product (the list loads with the workspace's catalogue).
        await Expect(page.Locator("[data-testid=plan-spiff-product] option")).Not.ToHaveCountAsync(1);
        await page.GetByTestId("plan-spiff-product").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        Assert.NotEqual("", await page.GetByTestId("plan-spiff-product").InputValueAsync());
        await page.GetByTestId("plan-team-bonus").FillAsync("500");
        await page.GetByTestId("plan-team-threshold").FillAsync("0");
        await page.GetByTestId("plan-weeks").FillAsync("13");
        await page.GetByTestId("plan-paths").FillAsync("300");
        await page.GetByTestId("plan-compare").ClickAsync();

        await Expect(page.GetByTestId("plan-results")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=plan-results] thead th")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=plan-results] thead th").Nth(2)).ToHaveTextAsync("6/10 cap 200 spiff");
        // Revenue and cost of sales as median (P10 – P90), reps at quota as "mean of all (P10 – P90)", both plans.
        foreach (var row in new[] { "plan-revenue", "plan-cost", "plan-at-quota" })
            foreach (var cell in await page.Locator($"[data-testid={row}] td").AllInnerTextsAsync())
                Assert.Matches(@"\(.+ – .+\)", cell);
        var costs = await page.Locator("[data-testid=plan-cost] td").AllInnerTextsAsync();
        Assert.NotEqual(costs[0], costs[1]);
        // A team bonus every team earns (threshold 0) shows as its own part of cost of sales, under the edited plan only.
        var bonus = await page.Locator("[data-testid=plan-pay-Bonus] td").AllInnerTextsAsync();
        Assert.Equal(2, bonus.Count);
        Assert.NotEqual(bonus[0], bonus[1]);

        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"sales?workspace={ws}").ToString());
        await page.GetByTestId("organisation").WaitForAsync();
        foreach (var kind in new[] { "region", "team", "rep" })
        {
            var targets = await page.Locator($"[data-testid=organisation] tr.{kind} td:nth-child(2)").AllInnerTextsAsync();
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.Matches(@"\d", t));
        }
    }
}
