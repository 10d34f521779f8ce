using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A newcomer's Overview and Marketing in a real browser: the start-here panel, a chart's figures as a table and as CSV,
/// a table as CSV, the printed report, dark mode, and the polite announcement of a new significant event.
/// </summary>
[Collection(DashboardWalksCollection.Name)]
public class NewcomerBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = AccessibilityBrowserTests.Workspace;
    IPage page = null!;

    public async Task InitializeAsync()
    {
        await AccessibilityBrowserTests.SimulatedAsync(host);
        page = await browser.NewPageAsync(timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    string Url(string path) => new Uri(host.BaseAddress, $"{path}?workspace={Workspace}").ToString();

    static async Task<string> DownloadedTextAsync(IPage on, ILocator button)
    {
        var download = await on.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    [Fact]
    public async Task The_Overview_explains_itself_exports_its_figures_prints_and_announces_only_what_is_new()
    {
        await page.GotoAsync(Url(""));
        var start = page.GetByTestId("start-here");
        await Expect(start).ToContainTextAsync("Revenue = (effective leads × lead conversion + existing customers) × orders per customer × average order");
        // Every page of the navigation an admin sees is explained, in the navigation's order.
        await Expect(start.Locator("dt")).ToHaveTextAsync(["Overview", "Marketing", "Sales", "Forecast", "Pipeline", "Insight", "Records",
            "Lead pool", "Intent grades", "Customer", "What-if", "Compensation", "Setup", "Import", "Calibration", "Training", "Admin"]);

        // The lifecycle chart's figures: a table of its six bars, and the same as CSV.
        var lifecycle = page.GetByTestId("chart-lifecycle");
        await lifecycle.GetByTestId("chart-figures").ClickAsync();
        await Expect(lifecycle.Locator("table.chart-table tbody tr")).ToHaveCountAsync(6);
        var snapshot = (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).GetSnapshotAsync())!;
        await Expect(lifecycle.Locator("table.chart-table tbody tr").First).ToContainTextAsync(snapshot.Lifecycle.Acquired.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")));
        var csv = await DownloadedTextAsync(page, lifecycle.GetByTestId("chart-csv"));
        Assert.StartsWith("\ufeffItem,Customers\r\n", csv);
        Assert.Equal(7, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // Printed: the figures without navigation, controls or the newcomer's panel.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header nav")).ToBeHiddenAsync();
        await Expect(start).ToBeHiddenAsync();
        await Expect(page.GetByTestId("driver-tree")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen, ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(15, 23, 32)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // Nothing said for the events already there; something said for a new one, once the simulation moves on.
        var announcer = page.GetByTestId("announcer");
        await Expect(announcer).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(announcer).ToBeEmptyAsync();
        var before = snapshot.Notables.ToHashSet();
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var fresh = 0;
        for (var week = 0; week < 4 && fresh == 0; week++)
        {
            await sim.RunForAsync(TimeSpan.FromDays(7));
            var now = await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
            fresh = now!.Notables.Count(n => n.Kind is "Anomaly" or "LargeWin" && !before.Contains(n));
        }
        Assert.True(fresh > 0, "four simulated weeks brought no new anomaly or large win: the announcement went unchecked");
        await Expect(announcer).ToContainTextAsync("New: ");

        // Hidden by the newcomer, and still hidden on the next visit; the link shows it again.
        await page.GetByTestId("start-here-hide").ClickAsync();
        await Expect(start).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.GetByTestId("start-here-show").ClickAsync();
        await Expect(start).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Marketing_exports_its_table_with_campaigns_named_like_campaigns()
    {
        await page.GotoAsync(Url("marketing"));
        var csv = await DownloadedTextAsync(page, page.GetByTestId("csv-campaigns"));
        var lines = csv.TrimStart('\ufeff').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Campaign,Channel,", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("Search ads – brand terms,", StringComparison.Ordinal));
        var snapshot = (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).GetSnapshotAsync())!;
        Assert.Equal(snapshot.Campaigns.Count + 1, lines.Length);
        // The smoothed line is the one named in the legend, beside each day's faint line.
        await Expect(page.GetByTestId("chart-leads-time").Locator(".legendtext").First).ToContainTextAsync("(7-day average)");
    }
}
