using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Forecast;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Monte Carlo forecast of the quarter's end on the forecast tests' simulated workspace: its API (same seed, same
/// band; the manager's part only; bad runs refused by name) and its place on the Forecast page beside the calls.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ForecastMonteCarloTests(DashboardHost host, BrowserFixture browser)
{
    const string Workspace = ForecastTests.Workspace;

    async Task<MonteCarloForecast> GetAsync(HttpClient http, string query = "") =>
        (await http.GetFromJsonAsync<MonteCarloForecast>($"/api/workspaces/{Workspace}/forecast/montecarlo{query}", ForecastTests.Json))!;

    [Fact]
    public async Task The_band_starts_from_what_is_closed_is_the_same_for_a_seed_and_is_cut_to_the_manager()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var view = (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast", ForecastTests.Json))!;
        var mc = await GetAsync(host.Http, "?runs=2000&seed=7");
        Assert.Equal(2000, mc.Basis.Runs);
        Assert.Equal(view.Report.OpenDeals.Count, mc.Basis.OpenDeals);
        Assert.Equal(view.Report.Rows.Where(r => r.Level != ForecastLevel.Rep).Select(r => r.Id), mc.Rows.Select(r => r.Id));
        foreach (var row in mc.Rows)
        {
            var report = view.Report.Rows.Single(r => r.Id == row.Id);
            Assert.Equal((report.Closed, report.Target), (row.Closed, row.Target));
            Assert.True((double)row.Closed <= row.Revenue.P10 && row.Revenue.P10 <= row.Revenue.P50 && row.Revenue.P50 <= row.Revenue.P90, $"{row.Id}: {row.Revenue}");
            if (row.Target > 0) Assert.InRange(row.Odds!.Value, 0, 1);
        }
        Assert.True(mc.Rows[0].Revenue.P90 > mc.Rows[0].Revenue.P10, "60 days in, the open deals leave the quarter uncertain");
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(mc.Rows, ForecastTests.Json),
            System.Text.Json.JsonSerializer.Serialize((await GetAsync(host.Http, "?runs=2000&seed=7")).Rows, ForecastTests.Json));
        // The forecast itself carries the default run.
        Assert.Equal(MonteCarloParameters.DefaultRuns, view.MonteCarlo!.Basis.Runs);

        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");
        var mine = await GetAsync(manager.Http, "?runs=2000&seed=7");
        Assert.Equal(mc.Rows.Where(r => r.Id.StartsWith("region-1", StringComparison.Ordinal) || r.Id.StartsWith("team-1-", StringComparison.Ordinal)).Select(r => r.Id),
            mine.Rows.Select(r => r.Id));

        using var bad = await host.Http.GetAsync($"/api/workspaces/{Workspace}/forecast/montecarlo?runs=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("runs must be between 100 and 100000 (was 5)", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_shows_the_band_beside_the_calls_with_the_odds_in_words()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var expected = await GetAsync(host.Http);
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"forecast?workspace={Workspace}").ToString());
            var company = page.GetByTestId("montecarlo-row-company");
            await Expect(company).ToBeVisibleAsync();
            Assert.Equal(expected.Rows[0].Revenue.P50, double.Parse((await company.GetAttributeAsync("data-p50"))!, CultureInfo.InvariantCulture));
            await Expect(page.GetByTestId("montecarlo-odds")).ToContainTextAsync(expected.Rows[0].Odds is null ? "No target" : expected.Rows[0].OddsInWords);
            await Expect(page.GetByTestId("chart-montecarlo").Locator(".main-svg").First).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=montecarlo-table] tbody tr")).ToHaveCountAsync(expected.Rows.Count);
            if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
                await page.GetByTestId("montecarlo").ScreenshotAsync(new() { Path = Path.Combine(folder, "forecast-montecarlo.png") });
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
