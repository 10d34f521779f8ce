using System.Globalization;
using System.Net;
using System.Text.Json;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The calibration page in a real browser, on the imported Maven history: each tolerance met or missed in words, fitted
/// and assumed parameters side by side, and the calibrated setup opened for review with the simulation still paused;
/// on a simulated workspace whose closed journeys were archived, in English and in Chinese, how many it leaves out.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CalibrationPageTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task The_page_marks_each_tolerance_in_words_and_opens_the_calibrated_setup_before_it_runs()
    {
        const string ws = "calibration-page";
        Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsync($"/api/workspaces/{ws}/imports", ImportSample.MavenUpload())).StatusCode);

        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"calibration?workspace={ws}").ToString());
        // Fitting and running 8,800 journeys on two shared cores: a generous wait.
        await Expect(page.GetByTestId("calibration-summary")).ToContainTextAsync("4 of 4 tolerances met.", new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("result-winRate")).ToHaveTextAsync("✓ met");
        await Expect(page.GetByTestId("result-averageDeal")).ToHaveTextAsync("✓ met");
        await Expect(page.GetByTestId("result-cycleDays")).ToHaveTextAsync("✓ met");
        await Expect(page.GetByTestId("result-leadToDeal")).ToHaveTextAsync("✓ met");
        await Expect(page.GetByTestId("check-leadToDeal")).ToContainTextAsync("all leads (the export names no source)");
        await Expect(page.GetByTestId("parameter-winRate")).ToContainTextAsync("fitted");
        await Expect(page.GetByTestId("parameter-churnSatisfaction")).ToContainTextAsync("assumed");
        // An import archives nothing: the page says nothing of archived journeys.
        await Expect(page.GetByTestId("calibration-archived")).ToHaveCountAsync(0);

        await page.GetByTestId("calibration-simulation").FillAsync("calibration-page-sim");
        await page.GetByTestId("calibration-create").ClickAsync();
        await page.WaitForURLAsync("**/setup?workspace=calibration-page-sim", new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("setup-version")).ToBeVisibleAsync();
        Assert.False((await host.Grains.GetGrain<ISimulationGrain>("calibration-page-sim").GetStatusAsync()).Running);
        Assert.NotNull(await host.Grains.GetGrain<ISetupGrain>("calibration-page-sim").GetAsync());
    }

    [Theory]
    [InlineData("en", "Not in this calibration: {0} journeys closed more than 5 days ago are archived",
        "They hold {0} leads, {1} won and {2} lost deals: with them the history's win rate is {3}")]
    [InlineData("zh-Hans", "未纳入本次校准：{0} 个旅程结束已超过 5 天，已归档", "其中线索 {0} 条，赢单 {1}，丢单 {2}：计入它们，历史赢单率为 {3}")]
    public async Task A_workspace_with_archived_journeys_says_how_many_the_calibration_leaves_out(string language, string leftOut, string figures)
    {
        var archived = await CalibrationArchiveTests.SimulateAsync(host, CalibrationArchiveTests.Archived, 5);
        var left = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{CalibrationArchiveTests.Archived}/calibration")).RootElement.GetProperty("archived");
        var en = CultureInfo.GetCultureInfo("en-US");
        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.BaseAddress, $"calibration?workspace={CalibrationArchiveTests.Archived}").ToString());
        var note = page.GetByTestId("calibration-archived");
        await Expect(note).ToContainTextAsync(string.Format(en, leftOut, archived.ToString("N0", en)), new() { Timeout = 90_000 });
        await Expect(note).ToContainTextAsync(string.Format(en, figures, left.GetProperty("leads").GetInt64().ToString("N0", en),
            left.GetProperty("won").GetInt64().ToString("N0", en), left.GetProperty("lost").GetInt64().ToString("N0", en),
            left.GetProperty("winRate").GetDouble().ToString("P1", en)));
    }
}
