using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Every page of a simulated workspace (the pages <see cref="AccessibilityBrowserTests"/> walks) on a 390 px phone, in
/// English and in Chinese: the page itself never scrolls sideways (wide tables scroll inside their card, grids wrap).
/// When <c>GROWTH_SCREENSHOTS</c> names a folder, each page is pictured at phone and at desktop width
/// (<c>&lt;page&gt;-&lt;language&gt;-phone.png</c>, <c>-desktop.png</c>) for the README.
/// </summary>
[Collection(DashboardWalksCollection.Name)]
public class PhoneBrowserTests(DashboardHost host, BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    PageWalkState state = null!;

    public async Task InitializeAsync() => state = await PageWalkState.PreparedAsync(host);

    public Task DisposeAsync() => Task.CompletedTask;

    static string? ScreenshotFolder => Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    /// <summary>
    /// How far the page reaches past the screen, and the outermost elements that stick out (those whose parent does
    /// not, and that no scrolling box of theirs clips), widest first.
    /// </summary>
    const string Overflow = """
        () => {
          const width = document.documentElement.clientWidth;
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '')
            + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const clipped = e => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
              if (getComputedStyle(p).overflowX !== 'visible') return p.getBoundingClientRect().right <= width + 1;
            return false;
          };
          const out = [];
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.right <= width + 1 || clipped(e)) continue;
            const parent = e.parentElement;
            if (parent !== document.body && parent.getBoundingClientRect().right > width + 1) continue;
            out.push(`${describe(e)} (right edge at ${Math.round(r.right)} px, ${Math.round(r.width)} px wide)`);
          }
          // Nothing outermost: name the widest that stick out at all (a positioned element escaping its scrolling box).
          if (out.length === 0)
            for (const e of [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width + 1)
                .sort((x, y) => y.getBoundingClientRect().right - x.getBoundingClientRect().right).slice(0, 3))
              out.push(`${describe(e)} (right edge at ${Math.round(e.getBoundingClientRect().right)} px, ${getComputedStyle(e).position})`);
          return { Scroll: document.documentElement.scrollWidth, Width: width, Inner: window.innerWidth, Worst: out.slice(0, 3) };
        }
        """;

    /// <summary>What <see cref="Overflow"/> answers (Playwright fills it by property name).</summary>
    sealed class Reach
    {
        public int Scroll { get; set; }
        public int Width { get; set; }
        public int Inner { get; set; }
        public string[] Worst { get; set; } = [];
    }

    async Task<IPage> PageAsync(int width, int height, string language)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = width < 500, HasTouch = width < 500,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
        return page;
    }

    /// <summary>A picture of the page's top (at most <paramref name="height"/> px: the Setup page runs to metres).</summary>
    static async Task PictureAsync(IPage page, string file, int width, int height)
    {
        var full = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file, FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(full, height) },
        });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task No_page_scrolls_sideways_on_a_phone(string language)
    {
        var phone = await PageAsync(390, 844, language);
        var found = new List<string>();
        try
        {
            var signedIn = false;
            foreach (var path in state.Pages())
            {
                if (path != "signin" && !signedIn) { await host.SignInAsync(phone); signedIn = true; }
                await AccessibilityBrowserTests.OpenAsync(phone, host, path);
                var name = AccessibilityBrowserTests.NameOf(path);
                var reach = await phone.EvaluateAsync<Reach>(Overflow);
                output.WriteLine($"{name} [{language}]: {reach.Scroll} px of {reach.Width} ({reach.Inner} inner) {string.Join("; ", reach.Worst)}");
                if (reach.Scroll > reach.Width)
                    found.Add($"{name} [{language}] scrolls sideways: {reach.Scroll} px wide on a {reach.Width} px screen; widest: {string.Join("; ", reach.Worst)}");
                if (ScreenshotFolder is { } folder) await PictureAsync(phone, Path.Combine(folder, $"{name}-{language}-phone.png"), 390, 2400);
            }
        }
        finally { await phone.Context.DisposeAsync(); }
        if (ScreenshotFolder is { } desktopFolder) await DesktopPicturesAsync(desktopFolder, language);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>The same pages at 1400 px, pictured for the README.</summary>
    async Task DesktopPicturesAsync(string folder, string language)
    {
        var desktop = await PageAsync(1400, 1000, language);
        try
        {
            var signedIn = false;
            foreach (var path in state.Pages())
            {
                if (path != "signin" && !signedIn) { await host.SignInAsync(desktop); signedIn = true; }
                await AccessibilityBrowserTests.OpenAsync(desktop, host, path);
                await PictureAsync(desktop, Path.Combine(folder, $"{AccessibilityBrowserTests.NameOf(path)}-{language}-desktop.png"), 1400, 1800);
            }
        }
        finally { await desktop.Context.DisposeAsync(); }
    }
}
