using Growth.Domain.Journeys;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The Overview and Sales in a real browser, in Chinese through the switch and by the browser's language, and in plain words in both.</summary>
[Collection(DashboardCollection.Name)]
public class LanguageBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "browser-languages";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var status = await sim.CreateAsync(new SimulationSettings { Seed = 20, ExistingCustomers = 50 });
        var owed = status.Start!.Value.AddDays(40) - status.SimulatedNow!.Value;
        if (owed >= TimeSpan.FromHours(1)) await sim.RunForAsync(owed);
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    static string? ScreenshotFolder => Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    string Url(string path) => new Uri(host.BaseAddress, $"{path}?workspace={Workspace}").ToString();

    async Task ChartsDrawnAsync(IPage on, params string[] charts)
    {
        foreach (var chart in charts)
            await Expect(on.Locator($"[data-testid={chart}] .trace .point, [data-testid={chart}] .trace path.js-line").First).ToBeAttachedAsync();
    }

    [Fact]
    public async Task The_switch_shows_the_Overview_and_Sales_in_Chinese_and_the_choice_is_remembered()
    {
        await page.GotoAsync(Url(""));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await page.GetByTestId("language-switch").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("总览");
        Assert.EndsWith($"/?workspace={Workspace}", page.Url);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(page.GetByTestId("driver-tree")).ToContainTextAsync("有效线索");
        await ChartsDrawnAsync(page, "chart-funnel", "chart-lifecycle");
        await Expect(page.GetByTestId("chart-funnel")).ToContainTextAsync("有效意向");
        await Expect(page.GetByTestId("chart-funnel")).ToContainTextAsync("回款");
        await Expect(page.GetByTestId("chart-lifecycle")).ToContainTextAsync("增购");
        await Expect(page.GetByTestId("nav-sales")).ToHaveTextAsync("销售");
        if (ScreenshotFolder is { } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "overview-zh-desktop.png"), FullPage = true });

        // The next page, through the navigation, and a fresh load of another: still Chinese.
        await page.GetByTestId("nav-sales").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("销售");
        await Expect(page.Locator("[data-testid=organisation] thead")).ToContainTextAsync("赢单率");
        await ChartsDrawnAsync(page, "chart-pipeline");
        await Expect(page.GetByTestId("chart-pipeline")).ToContainTextAsync("开场白");
        await page.GotoAsync(Url("insight"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("洞察");

        // And back to English the same way.
        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Insight");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task A_browser_set_to_Chinese_gets_Chinese_without_choosing()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        try
        {
            var chinese = await context.NewPageAsync();
            await host.SignInAsync(chinese);
            await chinese.GotoAsync(Url("sales"));
            await Expect(chinese.Locator("h1")).ToHaveTextAsync("销售");
            await Expect(chinese.GetByTestId("language-switch")).ToHaveTextAsync("English");
        }
        finally { await context.DisposeAsync(); }
    }

    [Theory]
    [InlineData("")]
    [InlineData("sales")]
    public async Task The_Overview_and_Sales_in_Chinese_fit_a_phone_without_sideways_scrolling(string path)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        try
        {
            var phone = await context.NewPageAsync();
            await host.SignInAsync(phone);
            await phone.GotoAsync(Url(path));
            await ChartsDrawnAsync(phone, path == "" ? "chart-funnel" : "chart-pipeline");
            var widths = await phone.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"/{path} is {widths[0]} px wide on a {widths[1]} px screen");
            if (ScreenshotFolder is { } folder && path == "")
                await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "overview-zh-phone.png"), FullPage = true });
        }
        finally { await context.DisposeAsync(); }
    }

    /// <summary>Enum identifiers that read differently from their plain words, e.g. QualifiedIntent, TrialClose, BudgetEnvironment.</summary>
    static IEnumerable<string> Identifiers() =>
        new[] { typeof(FunnelStage), typeof(ConversationStep), typeof(ObjectionType), typeof(Channel), typeof(LifecycleStage), typeof(EventKind) }
            .SelectMany(Enum.GetNames)
            .Where(name => name.Count(char.IsUpper) > 1);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task The_Overview_and_Sales_show_no_enum_identifiers(string language)
    {
        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/").ToString());
        foreach (var (path, charts) in new[] { ("", new[] { "chart-funnel", "chart-lifecycle", "chart-revenue" }), ("sales", new[] { "chart-pipeline", "chart-winrate" }) })
        {
            await page.GotoAsync(Url(path));
            await ChartsDrawnAsync(page, charts);
            var text = await page.EvaluateAsync<string>("document.body.textContent");
            var raw = Identifiers().Where(id => text.Contains(id, StringComparison.Ordinal)).ToList();
            Assert.True(raw.Count == 0, $"/{path} in {language} shows identifiers: {string.Join(", ", raw)}");
        }
    }
}
