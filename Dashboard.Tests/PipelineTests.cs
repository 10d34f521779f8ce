using System.Net;
using System.Net.Http.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Forecast;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Pipeline page and its API on the forecast tests' simulated workspace: pages cover every open deal once, filters
/// hold, the CSV has every matching row (not one page), a manager sees their region only, and a deal found by its
/// customer opens the customer's timeline (found by the customer's name or company). Set GROWTH_SCREENSHOTS to a folder to keep pipeline.png.
/// </summary>
[Collection(DashboardCollection.Name)]
public class PipelineTests(DashboardHost host, BrowserFixture browser)
{
    const string Workspace = ForecastTests.Workspace;

    static string Api(string query = "") => $"/api/workspaces/{Workspace}/pipeline{query}";

    async Task<DealPage> PageAsync(HttpClient http, string query) => (await http.GetFromJsonAsync<DealPage>(Api(query), ForecastTests.Json))!;

    async Task<ForecastReport> ReportAsync() =>
        (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast?runs=100", ForecastTests.Json))!.Report;

    [Fact]
    public async Task Pages_cover_every_open_deal_once_filters_hold_and_the_csv_has_every_matching_row()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var report = await ReportAsync();
        var first = await PageAsync(host.Http, "?sort=value&desc=true&size=10");
        Assert.Equal(report.OpenDeals.Count, first.Total);
        Assert.True(first.Pages >= 2, $"{first.Total} open deals make more than one page of 10");
        var seen = new List<Deal>(first.Deals);
        for (var p = 2; p <= first.Pages; p++) seen.AddRange((await PageAsync(host.Http, $"?sort=value&desc=true&size=10&page={p}")).Deals);
        Assert.Equal(report.OpenDeals.Select(d => d.JourneyId).Order(), seen.Select(d => d.JourneyId).Order());
        Assert.Equal(seen.Select(d => d.Amount).OrderDescending(), seen.Select(d => d.Amount));

        // Filter by owner and category: only theirs, and all of theirs.
        var rep = report.OpenDeals.GroupBy(d => d.RepId).OrderByDescending(g => g.Count()).First().Key!;
        var mine = await PageAsync(host.Http, $"?owner={rep}&category=Commit&size=500");
        Assert.Equal(report.OpenDeals.Count(d => d.RepId == rep && d.Category == ForecastCategory.Commit), mine.Total);
        Assert.All(mine.Deals, d => Assert.Equal((rep, ForecastCategory.Commit), (d.RepId!, d.Category)));

        // The CSV of a filter holds every matching deal, beyond the page size, in the list's order.
        var byRep = report.OpenDeals.Where(d => d.RepId == rep).ToList();
        var csv = await host.Http.GetStringAsync(Api($"/deals.csv?owner={rep}&sort=customer"));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DealsCsv.Header, lines[0]);
        Assert.Equal(byRep.OrderBy(d => d.Display, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.JourneyId, StringComparer.Ordinal).Select(d => d.JourneyId),
            lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.True(byRep.Count > 5);
        Assert.Equal(5, (await PageAsync(host.Http, $"?owner={rep}&size=5")).Deals.Count);

        // A deal is found by any part of its customer's name or company, in any case (the simulated customers have a face).
        var named = report.OpenDeals.First(d => d.Name.Length > 0 && d.Company.Length > 0);
        foreach (var part in new[] { named.Name.Split(' ')[^1].ToUpperInvariant(), named.Company.ToLowerInvariant() })
        {
            var hits = await PageAsync(host.Http, $"?q={Uri.EscapeDataString(part)}&size=500");
            Assert.Contains(hits.Deals, d => d.JourneyId == named.JourneyId);
            Assert.Equal(report.OpenDeals.Count(d => Growth.Domain.Records.RecordList.Found(part, d.Name, d.Company, d.JourneyId)), hits.Total);
        }

        using var bad = await host.Http.GetAsync(Api("?sort=size"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sort 'size' must be one of customer, owner, value", await bad.Content.ReadAsStringAsync());

        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");
        var theirs = await PageAsync(manager.Http, "?size=500");
        Assert.Equal(report.OpenDeals.Count(d => d.RegionId == "region-1"), theirs.Total);
        Assert.All(theirs.Deals, d => Assert.Equal("region-1", d.RegionId));
    }

    [Fact]
    public async Task A_deal_found_by_its_customer_opens_the_timeline_and_the_filtered_csv_downloads()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var report = await ReportAsync();
        var target = report.OpenDeals.OrderByDescending(d => d.Amount).First();
        var rep = target.RepId!;
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"pipeline?workspace={Workspace}").ToString());
            var rows = page.Locator("[data-testid=pipeline-list] tbody tr");
            await Expect(rows).ToHaveCountAsync(Math.Min(Growth.Dashboard.Components.Pages.Pipeline.PageSize, report.OpenDeals.Count));
            if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "pipeline.png") });
            await page.GetByTestId("filter-owner").SelectOptionAsync(rep);
            var theirs = report.OpenDeals.Count(d => d.RepId == rep);
            await Expect(page.GetByTestId("pipeline-count")).ToContainTextAsync($"{theirs:N0} deals");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pipeline-csv").ClickAsync());
            var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(theirs, lines.Length - 1);

            // Found by the customer's name, as a new user looks for a deal.
            Assert.False(string.IsNullOrEmpty(target.Name), $"deal {target.JourneyId} has no customer name");
            await page.GetByTestId("filter-search").FillAsync(target.Name);
            await page.GetByTestId("filter-search").PressAsync("Enter");
            var found = report.OpenDeals.Count(d => d.RepId == rep && Growth.Domain.Records.RecordList.Found(target.Name, d.Name, d.Company, d.JourneyId));
            await Expect(rows).ToHaveCountAsync(found);
            await Expect(page.GetByTestId("pipeline-count")).ToContainTextAsync(found == 1 ? "1 deal ·" : $"{found} deals");
            await page.Locator($"[data-testid='deal-{target.JourneyId}'] a").ClickAsync();
            await Expect(page.GetByTestId("journey-title")).ToHaveTextAsync(target.JourneyId);
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
