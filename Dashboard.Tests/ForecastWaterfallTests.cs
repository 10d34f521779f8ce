using System.Globalization;
using System.Net.Http.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Forecast;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The week's pipeline waterfall on the forecast tests' simulated workspace: it ends at the quarter's open pipeline, and the page adds up.</summary>
[Collection(DashboardCollection.Name)]
public class ForecastWaterfallTests(DashboardHost host, BrowserFixture browser)
{
    const string Workspace = ForecastTests.Workspace;

    [Fact]
    public async Task The_weeks_waterfall_ends_at_the_quarters_open_pipeline_and_the_page_adds_up()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var view = (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast", ForecastTests.Json))!;
        var w = view.Waterfall!;
        var company = view.Report.Rows[0];
        Assert.Equal(company.Commit + company.BestCase + company.Pipeline, w.End);
        Assert.Equal(w.End, w.StartPlusFlows);
        Assert.Equal(view.Report.AsOf.AddDays(-ForecastService.WaterfallDays), w.From);
        Assert.True(w.Start > 0 && w.New > 0 && w.Won + w.Lost > 0, $"60 days in, a week moves the pipeline: {w}");

        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"forecast?workspace={Workspace}").ToString());
            await Expect(page.GetByTestId("waterfall-end")).ToBeVisibleAsync();
            async Task<decimal> Cell(string key) => decimal.Parse((await page.GetByTestId("waterfall-" + key).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
            var sum = await Cell("start") + await Cell("new") + await Cell("pulledin") + await Cell("grown") - await Cell("shrunk")
                - await Cell("won") - await Cell("lost") - await Cell("slipped");
            Assert.Equal(await Cell("end"), sum);
            Assert.Equal(w.End, sum);
            await Expect(page.GetByTestId("chart-waterfall").Locator(".main-svg").First).ToBeVisibleAsync();

            // A click on the new-deals bar lists the deals behind it: as many as the bar's moves, their amounts summing to the bar.
            var added = w.Behind(WaterfallFlow.New);
            Assert.Equal(w.New, added.Sum(m => m.Amount));
            var graph = page.GetByTestId("chart-waterfall").Locator(".js-plotly-plot");
            var behind = page.GetByTestId("waterfall-behind");
            for (var attempt = 0; attempt < 20 && !await behind.IsVisibleAsync(); attempt++)
            {
                var index = (int)WaterfallFlow.New;
                await PlotlyClicks.ClickAsync(page, graph, index);
                try { await behind.WaitForAsync(new() { Timeout = 3_000 }); } catch (TimeoutException) { }
            }
            var rows = page.Locator("[data-testid=waterfall-deals] tbody tr");
            await Expect(rows).ToHaveCountAsync(added.Count);
            var listed = 0m;
            foreach (var cell in await page.Locator("[data-testid=waterfall-deals] tbody td[data-value]").AllAsync())
                listed += decimal.Parse((await cell.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
            Assert.Equal(w.New, listed);
            await Expect(page.GetByTestId("csv-waterfall-deals")).ToBeVisibleAsync();
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
