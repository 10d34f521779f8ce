using System.Globalization;
using Growth.Grains.Setup;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Compensation page as a leader opens it: cost of sales, the payout distribution and a row per rep whose totals
/// add up exactly to the cost of sales; a rep's statement lists its lines, each naming its deal. Set
/// GROWTH_SCREENSHOTS to a folder to keep a screenshot (compensation-desktop.png).
/// </summary>
[Collection(DashboardCollection.Name)]
public class CompensationBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "comp-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1100, timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    static decimal Amount(string? raw) => decimal.Parse(raw!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_leader_sees_cost_of_sales_equal_to_the_sum_of_the_reps_rows_and_a_reps_statement()
    {
        var states = await CompensationTests.SimulateAsync(host, Workspace);
        var setup = host.Grains.GetGrain<ISetupGrain>(Workspace);
        var document = (await setup.GetAsync())!.Document;
        await setup.ApplyAsync(document with { Compensation = new() { Plans = [CompensationTests.Tiered] } }, "test", "tiered plan");
        var calendar = new Growth.Domain.Setup.FiscalCalendar(document.Company);
        var period = states.Where(s => s.Won).GroupBy(s => calendar.QuarterOf(s.ClosedAt!.Value).Name).MaxBy(g => g.Count())!.Key;

        await page.GotoAsync(new Uri(host.BaseAddress, $"compensation?workspace={Workspace}&fiscal={period}").ToString());
        await Expect(page.GetByTestId("rep-row")).ToHaveCountAsync(8);
        await page.Locator("[data-testid=chart-payout-distribution] .main-svg").First.WaitForAsync();
        var rows = await page.GetByTestId("rep-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.total)");
        var total = Amount(await page.GetByTestId("total-payout").GetAttributeAsync("data-amount"));
        Assert.Equal(total, rows.Sum(Amount));
        Assert.Equal(total, Amount(await page.GetByTestId("totals-total").GetAttributeAsync("data-amount")));
        Assert.True(total >= 8 * 1000m, $"base pay alone is 8,000; the payout was {total}");

        // The best-paid rep's statement: its lines add up to the row.
        await page.GetByTestId("rep-link").First.ClickAsync();
        await Expect(page.GetByTestId("statement")).ToBeVisibleAsync();
        var lines = await page.GetByTestId("statement-line").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.amount)");
        Assert.Equal(Amount(await page.GetByTestId("rep-row").First.GetAttributeAsync("data-total")), lines.Sum(Amount));
        // One table (so its CSV has one header) whose first column names each line's fiscal period.
        await Expect(page.GetByTestId("statement-lines")).ToHaveCountAsync(1);
        Assert.Equal(1, await page.Locator("[data-testid=statement-lines] thead tr").CountAsync());
        var periods = await page.GetByTestId("statement-line").EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[0].textContent.trim() + '|' + r.dataset.period)");
        Assert.NotEmpty(periods);
        Assert.All(periods, p => Assert.Matches(@"^(FY\d{4}-\S+)\|\1$", p));
        if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "compensation-desktop.png"), FullPage = true });
    }
}
