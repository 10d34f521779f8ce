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
/// Chinese: no serious or critical violation of WCAG 2.2 A/AA. One browser page walks all pages, so it costs one page per language.
/// </summary>
[Collection(DashboardCollection.Name)]
public class AccessibilityBrowserTests(DashboardHost host, BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    internal const string Workspace = "browser-axe";
    string? journey;

    /// <summary>The simulated workspace of these tests, at least 40 simulated days old (seeded: the same every run).</summary>
    internal static async Task<Growth.Domain.Figures.WorkspaceSnapshot?> SimulatedAsync(DashboardHost host)
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var status = await sim.CreateAsync(new SimulationSettings { Seed = 23, ExistingCustomers = 50 });
        var owed = status.Start!.Value.AddDays(40) - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        return await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
    }

    public async Task InitializeAsync() => journey = (await SimulatedAsync(host))?.RecentLosses.FirstOrDefault()?.JourneyId;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every page a person can open, with the workspace where the page has one.</summary>
    IEnumerable<string> Pages() =>
    [
        $"?workspace={Workspace}", $"marketing?workspace={Workspace}", $"sales?workspace={Workspace}", $"forecast?workspace={Workspace}",
        $"pipeline?workspace={Workspace}", $"insight?workspace={Workspace}", $"customer?workspace={Workspace}",
        .. journey is null ? Array.Empty<string>() : [$"customer/{journey}?workspace={Workspace}"],
        $"whatif?workspace={Workspace}", $"compensation?workspace={Workspace}", $"setup?workspace={Workspace}",
        "import", $"training?workspace={Workspace}", "admin",
        "training/scenarios",
    ];

    /// <summary>The pages whose pictures go to docs/ when GROWTH_SCREENSHOTS names a folder.</summary>
    static readonly string[] Shown = ["overview", "marketing", "sales", "insight"];
    static string? ScreenshotFolder => Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    async Task PhoneScreenshotsAsync(string folder, string language)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        try
        {
            var phone = await context.NewPageAsync();
            await host.SignInAsync(phone);
            await phone.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
            foreach (var name in Shown.Take(2))
            {
                await phone.GotoAsync(new Uri(host.BaseAddress, $"{(name == "overview" ? "" : name)}?workspace={Workspace}").ToString());
                await Expect(phone.Locator(".chart:not(:has(.main-svg))")).ToHaveCountAsync(0);
                await Expect(phone.Locator(".chart .main-svg").First).ToBeAttachedAsync();
                await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{language}-phone.png"), FullPage = true });
            }
        }
        finally { await context.DisposeAsync(); }
    }

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
            foreach (var path in Pages().Prepend("signin"))
            {
                if (path != "signin" && !signedIn) { await host.SignInAsync(page); signedIn = true; }
                await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
                await Expect(page.Locator("main > *").First).ToBeAttachedAsync();
                // Live figures arrive after the page starts: wait until they are there and every chart is drawn.
                // A page still working says so with an ellipsis ("Waiting for the first figures…"); "No payouts yet." is an answer.
                await page.WaitForFunctionAsync("() => ![...document.querySelectorAll('[data-testid=waiting]')].some(e => e.textContent.includes('…'))");
                await Expect(page.Locator(".chart:not(:has(.main-svg))")).ToHaveCountAsync(0);
                var result = await page.RunAxe(Rules);
                var name = path.Split('?')[0] is { Length: > 0 } p ? p : "overview";
                if (ScreenshotFolder is { } shots && Shown.Contains(name))
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{name}-{language}-desktop.png"), FullPage = true });
                // One h1 a page (axe names a missing one only as moderate; two would muddle the outline).
                var headings = await page.Locator("h1").CountAsync();
                if (headings != 1) found.Add($"/{path.Split('?')[0]} [{language}] has {headings} h1 headings");
                all += result.Violations.Length;
                foreach (var v in result.Violations)
                {
                    var line = $"/{path.Split('?')[0]} [{language}] {v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length}×, e.g. {v.Nodes[0].Html}; {string.Join(" ", v.Nodes[0].Any.Concat(v.Nodes[0].All).Concat(v.Nodes[0].None).Select(c => c.Message))})";
                    output.WriteLine(line);
                    if (v.Impact is "serious" or "critical") found.Add(line);
                }
            }
            if (ScreenshotFolder is { } folder) await PhoneScreenshotsAsync(folder, language);
            output.WriteLine($"{Pages().Count() + 1} pages in {language}: {all} violations, {found.Count} serious or critical");
            Assert.True(found.Count == 0, string.Join("\n", found));
        }
        finally { await page.Context.DisposeAsync(); }
    }
}
