using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// axe-core (the engine behind most accessibility audits) on every page of a simulated workspace, in English and in
/// Chinese: no serious or critical violation of WCAG 2.2 A/AA, and no heading that skips a level. One browser page walks all pages, so it costs one page per language.
/// </summary>
[Collection(DashboardWalksCollection.Name)]
public class AccessibilityBrowserTests(DashboardHost host, BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    internal const string Workspace = "browser-axe";
    PageWalkState state = null!;

    /// <summary>The simulated workspace of these tests, at least 40 simulated days old (seeded: the same every run).</summary>
    internal static async Task<Growth.Domain.Figures.WorkspaceSnapshot?> SimulatedAsync(DashboardHost host)
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var status = await sim.CreateAsync(new SimulationSettings { Seed = 23, ExistingCustomers = 50 });
        var owed = status.Start!.Value.AddDays(40) - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        return await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
    }

    public async Task InitializeAsync() => state = await PageWalkState.PreparedAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A page's short name for messages and screenshot files: "overview", "sales", "timeline" for one customer's, "training-certificate".</summary>
    internal static string NameOf(string path) => path.Split('?')[0] switch
    {
        "" => "overview",
        var p when p.StartsWith("customer/", StringComparison.Ordinal) => "timeline",
        var p => p.Replace('/', '-'),
    };

    /// <summary>Opens a page and waits until its live figures are there and every chart is drawn.</summary>
    internal static async Task OpenAsync(IPage page, DashboardHost host, string path)
    {
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        await Expect(page.Locator("main > *").First).ToBeAttachedAsync();
        // A page still working says so with an ellipsis ("Waiting for the first figures…"); "No payouts yet." is an answer.
        await page.WaitForFunctionAsync("() => ![...document.querySelectorAll('[data-testid=waiting]')].some(e => e.textContent.includes('…'))");
        await Expect(page.Locator(".chart:not(:has(.main-svg))")).ToHaveCountAsync(0);
        // Setup reads its document after the page starts: its bar (or the reason there is none) shows when it has.
        if (path.StartsWith("setup", StringComparison.Ordinal))
            await Expect(page.Locator("[data-testid=setup-bar], [data-testid=setup-problem]").First).ToBeVisibleAsync();
        // The calibration's review and the certificate are what these pages are for: checked with them shown.
        if (path.StartsWith("calibration", StringComparison.Ordinal)) await Expect(page.GetByTestId("calibration-summary")).ToBeVisibleAsync();
        if (path.StartsWith("training/certificate", StringComparison.Ordinal)) await Expect(page.GetByTestId("certificate")).ToBeVisibleAsync();
    }

    /// <summary>The findings that fail the test: serious or critical ones, and headings that skip a level (moderate, but they break the outline).</summary>
    static bool Fails(string? impact, string id) => impact is "serious" or "critical" || id is "heading-order" or "empty-table-header";

    static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation(string language)
    {
        var page = await browser.NewPageAsync(timeoutMilliseconds: 30_000);
        try
        {
            // The language first (its cookie), then the sign-in page as a visitor sees it, then every page signed in.
            await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
            var found = new List<string>();
            var all = 0;
            var signedIn = false;
            foreach (var path in state.Pages())
            {
                if (path != "signin" && !signedIn) { await host.SignInAsync(page); signedIn = true; }
                await OpenAsync(page, host, path);
                var result = await page.RunAxe(Rules);
                // One h1 a page (axe names a missing one only as moderate; two would muddle the outline).
                var headings = await page.Locator("h1").CountAsync();
                if (headings != 1) found.Add($"/{path.Split('?')[0]} [{language}] has {headings} h1 headings");
                all += result.Violations.Length;
                foreach (var v in result.Violations)
                {
                    var line = $"/{path.Split('?')[0]} [{language}] {v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length}×, e.g. {v.Nodes[0].Html}; {string.Join(" ", v.Nodes[0].Any.Concat(v.Nodes[0].All).Concat(v.Nodes[0].None).Select(c => c.Message))})";
                    output.WriteLine(line);
                    if (Fails(v.Impact, v.Id)) found.Add(line);
                }
            }
            output.WriteLine($"{state.Pages().Count} pages in {language}: {all} violations, {found.Count} failing (serious, critical, heading order, empty heading)");
            Assert.True(found.Count == 0, string.Join("\n", found));
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
