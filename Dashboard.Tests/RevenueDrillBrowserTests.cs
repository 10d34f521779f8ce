using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A point of the Overview's revenue line lists the orders behind it under the chart: clicking the point where the line
/// rises most lists orders whose amounts add up to that rise, and a listed customer opens their timeline.
/// </summary>
[Collection(DashboardCollection.Name)]
public class RevenueDrillBrowserTests(DashboardHost host, BrowserFixture browser)
{
    const string Workspace = ForecastTests.Workspace;

    [Fact]
    public async Task The_revenue_lines_steepest_point_lists_orders_adding_up_to_its_rise_each_opening_the_timeline()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"?workspace={Workspace}").ToString());
            await Expect(page.GetByTestId("revenue-click-hint")).ToBeVisibleAsync();
            var graph = page.GetByTestId("chart-revenue").Locator(".js-plotly-plot");
            await Expect(graph.Locator(".main-svg").First).ToBeVisibleAsync();
            await PlotlyClicks.WaitForTraceAsync(page, graph, points: 1);
            // The point of the period's line (curve 0) with the largest rise since the point before it, and that rise.
            var steepest = await graph.EvaluateAsync<double[]>("g => { const y = g.data[0].y; let best = 1; for (let i = 2; i < y.length; i++) if (y[i] - y[i-1] > y[best] - y[best-1]) best = i; return [best, y[best] - y[best-1]]; }");
            var (index, rise) = ((int)steepest[0], steepest[1]);
            Assert.True(rise > 0, "the simulated workspace books orders in the period");
            // Offered until the list shows: the page subscribes to clicks once the chart is drawn.
            var table = page.GetByTestId("revenue-orders-table");
            for (var attempt = 0; attempt < 20 && await table.CountAsync() == 0; attempt++)
            {
                await PlotlyClicks.ClickAsync(page, graph, index);
                try { await table.WaitForAsync(new() { Timeout = 3_000 }); } catch (TimeoutException) { }
            }
            await Expect(table).ToBeVisibleAsync();
            var total = decimal.Parse((await table.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture);
            var amounts = await page.Locator("[data-testid=revenue-order] td[data-value]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)");
            Assert.NotEmpty(amounts);
            Assert.Equal(total, amounts.Sum(a => decimal.Parse(a, CultureInfo.InvariantCulture)));
            // The chart's numbers are doubles: the rise it draws equals the orders' sum to the cent.
            Assert.InRange((double)total, rise - 0.01, rise + 0.01);
            await Expect(page.GetByTestId("revenue-orders-csv")).ToBeVisibleAsync();

            var first = page.Locator("[data-testid=revenue-order] a").First;
            var journey = Uri.UnescapeDataString((await first.GetAttributeAsync("href"))!.Split('/', '?')[1]);
            await first.ClickAsync();
            await Expect(page.GetByTestId("journey-title")).ToHaveTextAsync(journey);
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
