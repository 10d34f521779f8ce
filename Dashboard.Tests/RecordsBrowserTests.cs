using System.Net.Http.Json;
using Growth.Dashboard.Application.Records;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A bar of the overview's funnel opens the records behind it: clicking the Opportunity bar lists the deals at that
/// stage (filters in the address), and a customer found there by name opens their timeline; a stage-health bar of the
/// Insight page lists as many journeys as the page's table counts for it.
/// </summary>
[Collection(DashboardCollection.Name)]
public class RecordsBrowserTests(DashboardHost host, BrowserFixture browser)
{
    const string Workspace = ForecastTests.Workspace;

    [Fact]
    public async Task The_funnels_opportunity_bar_lists_the_deals_at_that_stage_and_a_name_search_opens_the_timeline()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var expected = (await host.Http.GetFromJsonAsync<RecordListAnswer>(
            $"/api/workspaces/{Workspace}/records?kind=Deals&stage=Opportunity", ForecastTests.Json))!;
        Assert.NotEmpty(expected.Rows);
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"?workspace={Workspace}").ToString());
            var graph = page.GetByTestId("chart-funnel").Locator(".js-plotly-plot");
            await Expect(graph.Locator(".main-svg").First).ToBeVisibleAsync();
            // Plotly's own click event on the graph (hovering a funnel bar is unreliable in a headless browser); the
            // page subscribes once the chart is drawn, so the click is offered until the page moves.
            for (var attempt = 0; attempt < 20 && !page.Url.Contains("/records"); attempt++)
            {
                await PlotlyClicks.ClickAsync(page, graph, 3);
                try { await page.WaitForURLAsync("**/records?**", new() { Timeout = 3_000 }); } catch (TimeoutException) { }
            }
            Assert.Contains("kind=Deals", page.Url);
            Assert.Contains("stage=Opportunity", page.Url);
            var rows = page.Locator("[data-testid=records-list] tbody tr");
            await Expect(rows).ToHaveCountAsync(expected.Rows.Count);
            await Expect(page.GetByTestId("records-count")).ToContainTextAsync($"{expected.Total:N0}");
            await Expect(rows.First).ToHaveAttributeAsync("data-testid", $"record-{expected.Rows[0].JourneyId}");

            var target = expected.Rows[^1];
            await page.GetByTestId("records-search").FillAsync(target.Name);
            await page.GetByTestId("records-search").PressAsync("Enter");
            await Expect(page.Locator($"[data-testid='record-{target.JourneyId}']")).ToBeVisibleAsync();
            await page.Locator($"[data-testid='record-{target.JourneyId}'] a").First.ClickAsync();
            await Expect(page.GetByTestId("journey-title")).ToHaveTextAsync(target.JourneyId);
        }
        finally { await page.Context.DisposeAsync(); }
    }

    [Fact]
    public async Task A_stage_health_bar_lists_the_journeys_that_entered_its_stage_in_its_window_as_many_as_the_table_counts()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"insight?workspace={Workspace}").ToString());
            // The recent entries into Lead, as the stage-health table counts them (its first row's Entries column).
            var entries = long.Parse((await page.GetByTestId("stage-health").Locator("tbody tr").First.Locator("td").Nth(3).InnerTextAsync()).Trim(),
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(entries > 0, "the simulated workspace has leads in the recent window");
            var graph = page.GetByTestId("chart-stage-health").Locator(".js-plotly-plot");
            await Expect(graph.Locator(".main-svg").First).ToBeVisibleAsync();
            for (var attempt = 0; attempt < 20 && !page.Url.Contains("/records"); attempt++)
            {
                await PlotlyClicks.ClickAsync(page, graph, 0);
                try { await page.WaitForURLAsync("**/records?**", new() { Timeout = 3_000 }); } catch (TimeoutException) { }
            }
            Assert.Contains("kind=All", page.Url);
            Assert.Contains("entered=Lead", page.Url);
            await Expect(page.GetByTestId("records-narrowed-entered")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("records-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{entries:N0}\\s"));
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
