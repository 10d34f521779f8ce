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
        await Expect(page.Locator("[data-testid=plan-results] thead th").Nth(1)).ToHaveTextAsync("current plans");
        await Expect(page.Locator("[data-testid=plan-results] thead th").Nth(2)).ToHaveTextAsync("6/10 cap 200 spiff");
        // The question answered in a sentence above the ranges: the change in revenue and cost of sales, and reps at quota.
        await Expect(page.GetByTestId("plan-answer-1")).ToContainTextAsync("6/10 cap 200 spiff against the current plans: revenue ");
        Assert.Matches(@"cost of sales \+[\d.,]+[kM]? \(\+[\d.]+%\), reps at quota [\d.]+ → [\d.]+ of 8", await page.GetByTestId("plan-answer-1").InnerTextAsync());
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

    /// <summary>The small company with team 1 as account executives ("ae") and team 2 as SDRs ("sdr").</summary>
    static Growth.Domain.Setup.SetupDocument WithRoles()
    {
        var doc = SetupSamples.Small();
        return doc with
        {
            Organisation = new()
            {
                Regions = doc.Organisation.Regions.Select(r => r with
                {
                    Teams = r.Teams.Select(t => t with { Reps = t.Reps.Select(p => p with { Role = t.Id == "team-1" ? "ae" : "sdr" }).ToList() }).ToList(),
                }).ToList(),
            },
        };
    }

    [Theory]
    [InlineData("en", "Applies to")]
    [InlineData("zh-Hans", "适用于")]
    public async Task A_plan_for_a_role_with_a_spiff_on_a_channel_is_edited_on_the_page_and_a_role_left_unchosen_is_refused_naming_the_field(
        string language, string appliesTo)
    {
        var ws = $"browser-plan-roles-{language.ToLowerInvariant()}";
        var setup = host.Grains.GetGrain<ISetupGrain>(ws);
        if (await setup.GetAsync() is null) await setup.ApplyAsync(WithRoles(), "test", "roles");
        var sim = host.Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 9, ExistingCustomers = 50, Start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero) });
        await sim.RunForAsync(TimeSpan.FromDays(14));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"culture?lang={language}&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"whatif?workspace={ws}").ToString());
        await page.GetByTestId("plan-comparison").WaitForAsync();
        await Expect(page.Locator("[data-testid=plan-spiff-product] option")).Not.ToHaveCountAsync(1);

        // The issue's question as the page starts it (6 % below quota, 10 % above, cap 200 %, 2,000 on the first product, every rep).
        if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.GetByTestId("plan-compare").ClickAsync();
            await Expect(page.GetByTestId("plan-results")).ToBeVisibleAsync(new() { Timeout = 120_000 });
            var top = await page.GetByTestId("plan-comparison").EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(folder, $"whatif-plans-{language}-desktop.png"), FullPage = true,
                Clip = new Clip { X = 0, Y = (float)top, Width = 1400, Height = 1500 },
            });
        }

        // Roles chosen as the plan's scope, none picked: refused naming the field, nothing asked.
        await page.GetByTestId("plan-scope-kind").SelectOptionAsync("Roles");
        await Expect(page.Locator("[data-testid=plan-scope-ids] option")).ToHaveCountAsync(2);
        await page.GetByTestId("plan-compare").ClickAsync();
        await Expect(page.GetByTestId("plan-error")).ToContainTextAsync(appliesTo);

        // The SDRs only, with the spiff on the product's deals from advertising (the company's only channel).
        await page.GetByTestId("plan-scope-ids").SelectOptionAsync(["sdr"]);
        await page.GetByTestId("plan-spiff-channel").SelectOptionAsync("ads");
        await page.GetByTestId("plan-weeks").FillAsync("13");
        await page.GetByTestId("plan-paths").FillAsync("300");
        await page.GetByTestId("plan-compare").ClickAsync();
        await Expect(page.GetByTestId("plan-error")).ToHaveCountAsync(0);
        // This comparison's table (13 weeks, 300 paths), not one shown before it.
        await Expect(page.Locator("[data-testid=plan-results] caption")).ToContainTextAsync("300");
        await Expect(page.GetByTestId("plan-reps")).ToBeVisibleAsync();
        var rows = await page.Locator("[data-testid=plan-reps] tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()))");
        Assert.Equal(8, rows.Length);
        // Account executives (team 1) keep their pay; every SDR (team 2) is paid by the edited plan.
        foreach (var row in rows.Where(r => r[0].StartsWith("Rep 1."))) Assert.Equal(row[1], row[2]);
        foreach (var row in rows.Where(r => r[0].StartsWith("Rep 2."))) Assert.NotEqual(row[1], row[2]);
    }
}
