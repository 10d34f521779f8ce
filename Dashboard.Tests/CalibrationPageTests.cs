using System.Net;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The calibration page in a real browser, on the imported Maven history: each tolerance met or missed in words, fitted
/// and assumed parameters side by side, and the calibrated setup opened for review with the simulation still paused.
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

        await page.GetByTestId("calibration-simulation").FillAsync("calibration-page-sim");
        await page.GetByTestId("calibration-create").ClickAsync();
        await page.WaitForURLAsync("**/setup?workspace=calibration-page-sim", new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("setup-version")).ToBeVisibleAsync();
        Assert.False((await host.Grains.GetGrain<ISimulationGrain>("calibration-page-sim").GetStatusAsync()).Running);
        Assert.NotNull(await host.Grains.GetGrain<ISetupGrain>("calibration-page-sim").GetAsync());
    }
}
