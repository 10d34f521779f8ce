using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Forecast page and its API on a simulated workspace (2 regions × 2 teams × 2 reps, 60 days): the company row is
/// the sum of the teams, the CSV holds every open deal, managers set their own call inside their part only, and the
/// same seed gives the same forecast. Set GROWTH_SCREENSHOTS to a folder to keep forecast-desktop.png.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ForecastTests(DashboardHost host, BrowserFixture browser)
{
    internal const string Workspace = "forecast-a", Twin = "forecast-b";
    static readonly SemaphoreSlim Gate = new(1, 1);
    static readonly HashSet<string> Ready = [];

    Task SimulateAsync(string workspace) => SimulateAsync(host, workspace);

    /// <summary>Simulates <paramref name="workspace"/> for 60 days once per test run (seed 16, 2 × 2 × 2 reps).</summary>
    internal static async Task SimulateAsync(DashboardHost host, string workspace)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Ready.Add(workspace)) return;
            var sim = host.Grains.GetGrain<ISimulationGrain>(workspace);
            await sim.CreateAsync(new SimulationSettings { Seed = 16, Regions = 2, TeamsPerRegion = 2, RepsPerTeam = 2, Campaigns = 3, ExistingCustomers = 10 });
            await sim.RunForAsync(TimeSpan.FromDays(60));
            await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        }
        finally { Gate.Release(); }
    }

    async Task<ForecastView> ReportAsync(string workspace) =>
        (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{workspace}/forecast", Json))!;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task The_forecast_rolls_up_exactly_lists_every_open_deal_and_is_the_same_for_the_same_seed()
    {
        await SimulateAsync(Workspace);
        var view = await ReportAsync(Workspace);
        var rows = view.Report.Rows;
        var company = rows.Single(r => r.Level == ForecastLevel.Company);
        var teams = rows.Where(r => r.Level == ForecastLevel.Team).ToList();
        Assert.Equal(4, teams.Count);
        Assert.Equal(company.Closed + company.Commit + company.BestCase + company.Pipeline, teams.Sum(t => t.Closed + t.Commit + t.BestCase + t.Pipeline));
        Assert.Equal(company.Weighted, teams.Sum(t => t.Weighted));
        Assert.True(company.Commit + company.BestCase + company.Pipeline > 0, "60 days in, some deals are expected this quarter");
        Assert.True(view.Report.LearnedFrom > 0);

        // Every open opportunity of the workspace is in the deal list, with its forecasting fields.
        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, i)).StatesAsync()))).SelectMany(s => s).ToList();
        var open = states.Where(s => s.HasOpenOpportunity).Select(s => s.Id).Order().ToList();
        Assert.Equal(open, view.Report.OpenDeals.Select(d => d.JourneyId).Order());
        Assert.All(view.Report.OpenDeals, d => Assert.True(d.ExpectedCloseAt >= view.Report.AsOf && d.Amount > 0 && d.DaysInStep <= d.AgeDays + 1e-9));
        Assert.Contains(view.Report.OpenDeals, d => d.Pushes > 0);

        // The CSV: a header and one line per open deal.
        var csv = await host.Http.GetStringAsync($"/api/workspaces/{Workspace}/forecast/deals.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DealsCsv.Header, lines[0]);
        Assert.Equal(open, lines.Skip(1).Select(l => l.Split(',')[0]).Order());

        // Same seed, same days: the same forecast.
        await SimulateAsync(Twin);
        var twin = await ReportAsync(Twin);
        Assert.Equal(JsonSerializer.Serialize(view.Report.Rows, Json), JsonSerializer.Serialize(twin.Report.Rows, Json));
        Assert.Equal(JsonSerializer.Serialize(view.Report.OpenDeals, Json), JsonSerializer.Serialize(twin.Report.OpenDeals, Json));
    }

    [Fact]
    public async Task A_manager_calls_their_own_team_and_sees_only_their_region()
    {
        await SimulateAsync(Workspace);
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");
        using (var set = await manager.Http.PutAsJsonAsync($"/api/workspaces/{Workspace}/forecast/calls/team-1-2", new { amount = 123456 }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using (var other = await manager.Http.PutAsJsonAsync($"/api/workspaces/{Workspace}/forecast/calls/team-2-1", new { amount = 1 }))
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var rep = await manager.Http.PutAsJsonAsync($"/api/workspaces/{Workspace}/forecast/calls/rep-1-1-1", new { amount = 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, rep.StatusCode);
            Assert.Contains("scopeId", await rep.Content.ReadAsStringAsync());
        }

        var mine = (await manager.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast", Json))!.Report;
        Assert.DoesNotContain(mine.Rows, r => r.Level == ForecastLevel.Company || r.Id.StartsWith("team-2", StringComparison.Ordinal));
        Assert.Equal(123456m, mine.Rows.Single(r => r.Id == "team-1-2").ManagerCall);
        Assert.All(mine.OpenDeals, d => Assert.Equal("region-1", d.RegionId));
        Assert.Equal(123456m, (await ReportAsync(Workspace)).Report.Rows.Single(r => r.Id == "team-1-2").ManagerCall);
    }

    [Fact]
    public async Task The_page_shows_the_company_as_the_sum_of_its_teams_and_downloads_every_open_deal()
    {
        await SimulateAsync(Workspace);
        var expected = (await ReportAsync(Workspace)).Report;
        var page = await browser.NewPageAsync(height: 1400, timeoutMilliseconds: 60_000);
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(new Uri(host.BaseAddress, $"forecast?workspace={Workspace}").ToString());
            var companyRow = page.GetByTestId("forecast-row-company");
            await Expect(companyRow).ToBeVisibleAsync();
            await Expect(page.GetByTestId("chart-forecast").Locator(".main-svg").First).ToBeVisibleAsync();
            decimal Sum(IReadOnlyList<string?> values) => values.Sum(v => decimal.Parse(v!, System.Globalization.CultureInfo.InvariantCulture));
            async Task<decimal> Total(ILocator row) => Sum([await row.GetAttributeAsync("data-closed"), await row.GetAttributeAsync("data-commit"),
                await row.GetAttributeAsync("data-bestcase"), await row.GetAttributeAsync("data-pipeline")]);
            var teamRows = page.Locator("tr[data-level=Team]");
            await Expect(teamRows).ToHaveCountAsync(4);
            var teams = 0m;
            for (var i = 0; i < 4; i++) teams += await Total(teamRows.Nth(i));
            Assert.Equal(await Total(companyRow), teams);
            Assert.Equal(expected.Rows[0].Closed + expected.Rows[0].Commit + expected.Rows[0].BestCase + expected.Rows[0].Pipeline, teams);

            // The deal list: sortable, each customer opens its timeline.
            await Expect(page.Locator("[data-testid=deal-list] tbody tr")).ToHaveCountAsync(Math.Min(expected.OpenDeals.Count, 500));
            await page.GetByTestId("sort-value").ClickAsync();
            await page.GetByTestId("sort-value").ClickAsync();
            var largest = expected.OpenDeals.Max(d => d.Amount);
            var top = expected.OpenDeals.Where(d => d.Amount == largest).Select(d => System.Text.RegularExpressions.Regex.Escape("deal-" + d.JourneyId));
            await Expect(page.Locator("[data-testid=deal-list] tbody tr").First)
                .ToHaveAttributeAsync("data-testid", new System.Text.RegularExpressions.Regex($"^({string.Join('|', top)})$"));
            var first = expected.OpenDeals.First();
            Assert.Equal($"customer/{first.JourneyId}?workspace={Workspace}",
                await page.Locator($"[data-testid='deal-{first.JourneyId}'] a").GetAttributeAsync("href"));
            if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "forecast-desktop.png"), FullPage = false });

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("deals-csv").ClickAsync());
            var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(expected.OpenDeals.Select(d => d.JourneyId).Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
