using System.Net;
using System.Net.Http.Json;
using Growth.Dashboard.Application.Twin;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The Insight page's "Against the twin" section on a simulated workspace: started from the page, judged 14 days on, the same as the API answers.</summary>
[Collection(DashboardCollection.Name)]
public class TwinBrowserTests(DashboardHost host, BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    const string Workspace = "browser-twin";
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    async Task RunToAsync(ISimulationGrain sim, DateTimeOffset to)
    {
        var status = await sim.GetStatusAsync();
        var owed = to - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
    }

    [Fact]
    public async Task A_twin_started_on_the_insight_page_judges_the_next_two_weeks_per_step_team_and_channel()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Start = Start, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 40 });
        await RunToAsync(sim, Start.AddDays(40));

        var bad = await host.Http.PostAsJsonAsync($"/api/workspaces/{Workspace}/twin", new { paths = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("paths must be between 50 and 1000 (was 1)", await bad.Content.ReadAsStringAsync());

        await page.GotoAsync(new Uri(host.BaseAddress, $"insight?workspace={Workspace}").ToString());
        await Expect(page.GetByTestId("twin-none")).ToContainTextAsync("No twin yet");
        await page.GetByTestId("twin-start").ClickAsync();
        await Expect(page.GetByTestId("twin-started")).ToContainTextAsync("Twin 1 started");
        await Expect(page.GetByTestId("twin-started")).ToContainTextAsync("200 runs, 91 days ahead, seed 1");
        await Expect(page.GetByTestId("twin-too-early")).ToBeVisibleAsync();

        await RunToAsync(sim, Start.AddDays(54));
        var view = (await host.Http.GetFromJsonAsync<TwinView>($"/api/workspaces/{Workspace}/twin", ForecastTests.Json))!;
        var judged = view.Judgement!;
        Assert.Equal(14, judged.Day);
        output.WriteLine($"day {judged.Day}: {judged.Flags.Count} of {judged.Rows.Count} flagged; fitted {view.Twin!.Parameters.Count(p => p.Fitted)} of {view.Twin.Parameters.Count}");
        foreach (var r in judged.Rows) output.WriteLine($"{r.Scope} {r.Name} {r.Step}: {r.Live} since start, twin {r.Low:0}–{r.High:0} (mean {r.Expected:0.0}) {r.Verdict} z {r.Z}");
        // The company, two teams and the channels, four steps each; the same simulation the twin was fitted on.
        Assert.True(judged.Rows.Count >= (1 + 2 + 1) * 4, $"{judged.Rows.Count} rows");
        Assert.True(judged.Flags.Count <= judged.Rows.Count / 2, $"{judged.Flags.Count} of {judged.Rows.Count} flagged");

        await page.ReloadAsync();
        var summary = page.GetByTestId("twin-summary");
        await Expect(summary).ToContainTextAsync($"Day 14: {judged.Flags.Count} of {judged.Rows.Count} figures are outside the twin's range");
        if (judged.Flags.Count > 0) await Expect(page.GetByTestId("twin-flags").Locator("tbody tr")).ToHaveCountAsync(judged.Flags.Count);
        else await Expect(page.GetByTestId("twin-no-flags")).ToBeVisibleAsync();
        await page.GetByTestId("twin-parameters").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("twin-parameter-table").Locator("tbody tr")).ToHaveCountAsync(view.Twin!.Parameters.Count);
    }
}
