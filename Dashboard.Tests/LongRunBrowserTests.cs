using System.Text.RegularExpressions;
using Growth.Dashboard.Application;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Long runs in a real browser: a large projection's bar moves past 0 (paths of chunks really run) and Cancel stops
/// it; an import read whole and held at its commit point is cancelled and leaves no workspace. The test host's
/// <see cref="RunGate"/> holds the run part-way, so nothing waits on time.
/// </summary>
[Collection(DashboardCollection.Name)]
public class LongRunBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    IPage page = null!;
    RunGate Gate => host.App.Services.GetRequiredService<RunGate>();

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1200, timeoutMilliseconds: 60_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync()
    {
        Gate.Release();
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_large_projection_shows_its_paths_and_stops_when_cancelled()
    {
        const string ws = "browser-longrun";
        var sim = host.Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 9, ExistingCustomers = 50 });
        await sim.RunForAsync(TimeSpan.FromDays(7));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();

        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"whatif?workspace={ws}").ToString());
        await page.GetByTestId("paths").FillAsync("20000");
        await page.GetByTestId("sensitivity").UncheckAsync();
        // The page runs the baseline and the levers' scenario: 2 x 20,000 paths. One chunk of 250 goes through; the
        // other 159 wait at the gate until cancelled.
        Gate.Hold(1);
        await page.GetByTestId("run").ClickAsync();

        var bar = page.GetByRole(AriaRole.Progressbar);
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "250");
        await Expect(bar).ToHaveAttributeAsync("aria-valuemax", "40000");
        await Expect(page.GetByTestId("progress-text")).ToHaveTextAsync("250 of 40,000 paths");
        await page.GetByTestId("progress-cancel").ClickAsync();

        await Expect(page.GetByTestId("progress-announce")).ToHaveTextAsync("The projection was cancelled.");
        await Expect(bar).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("run")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("comparison")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_import_cancelled_before_it_commits_leaves_no_workspace()
    {
        const string ws = "browser-longrun-import";
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "import").ToString());
        await page.GetByTestId("import-workspace").FillAsync(ws);
        await page.GetByTestId("file-pipeline").ChooseFileAsync(Path.Combine(ImportSample.Folder, "sales_pipeline.csv"));
        await page.GetByTestId("file-teams").ChooseFileAsync(Path.Combine(ImportSample.Folder, "sales_teams.csv"));
        await page.GetByTestId("file-products").ChooseFileAsync(Path.Combine(ImportSample.Folder, "products.csv"));
        await Expect(page.GetByTestId("import-start")).ToBeEnabledAsync();
        // The files are read whole, then the import waits where it would start to store.
        Gate.Hold(0);
        await page.GetByTestId("import-start").ClickAsync();

        var bar = page.GetByRole(AriaRole.Progressbar);
        await Expect(page.GetByTestId("import-progress-text")).ToHaveTextAsync(new Regex("^[1-9][0-9,]* of [0-9,]+ characters read$"));
        var total = await bar.GetAttributeAsync("aria-valuemax");
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", total!);
        await page.GetByTestId("import-progress-cancel").ClickAsync();

        await Expect(page.GetByTestId("import-progress-announce")).ToHaveTextAsync("The import was cancelled; the workspace is as it was before.");
        await Expect(bar).ToHaveCountAsync(0);
        Assert.Null(await host.Grains.GetGrain<IWorkspaceGrain>(ws).GetAsync());
        await Expect(page.GetByTestId("import-start")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task An_import_past_its_commit_point_says_it_can_no_longer_be_cancelled_and_finishes()
    {
        const string ws = "browser-longrun-commit";
        var samples = Growth.TestSupport.SharedDatasets.ImportSamples;
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "import").ToString());
        await page.GetByTestId("import-workspace").FillAsync(ws);
        // The deals file's header proposes the leads + deals layout, which asks for the leads file.
        await page.GetByTestId("file-pipeline").ChooseFileAsync(Path.Combine(samples, "closed_deals.csv"));
        await page.GetByTestId("file-leads").ChooseFileAsync(Path.Combine(samples, "leads.csv"));
        // The origins' mapping: the preset's entries on Growth's channels, and the file's origin the mapping leaves out.
        var origins = page.GetByTestId("origin-row");
        await Expect(origins.Filter(new() { HasText = "paid_search" })).ToContainTextAsync("Advertising (Ads)");
        await Expect(origins.Filter(new() { HasText = "unknown" })).ToContainTextAsync("No channel");
        await Expect(page.GetByTestId("import-start")).ToBeEnabledAsync();
        // The commit point passes; the import then waits as it begins to store the journeys.
        Gate.Hold(1);
        await page.GetByTestId("import-start").ClickAsync();

        await Expect(page.GetByTestId("import-committing")).ToContainTextAsync("the import can no longer be cancelled, because stopping part-way would leave only part of the history");
        await Expect(page.GetByTestId("import-progress-cancel")).ToBeDisabledAsync();
        Gate.Release();
        await Expect(page.GetByTestId("rows-imported")).ToHaveTextAsync("6");
        await Expect(page.GetByTestId("import-committing")).ToHaveCountAsync(0);
        Assert.NotNull(await host.Grains.GetGrain<IWorkspaceGrain>(ws).GetAsync());
    }
}
