using Growth.Dashboard.Application.Pool;
using Growth.Domain.Setup;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The lead pool's open leads by tag on the industrial-equipment template (which tags segments and key accounts), in a
/// real browser, in English and in Chinese: a segment's count opens the record list of its open leads, filtered by the
/// tag, shown as a chip in the page's language, and the list holds as many records as the count said.
/// </summary>
[Collection(DashboardCollection.Name)]
public class PoolTagBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "pool-tags-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 60_000);
        await host.SignInAsync(page);
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        if ((await sim.GetStatusAsync()).Created) return;
        var template = SetupTemplates.Load().All.Single(t => t.Id == "industrial-equipment");
        await host.Grains.GetGrain<ISetupGrain>(Workspace).ApplyAsync(template.Document, "leader", "template");
        await sim.CreateAsync(new SimulationSettings { Seed = 42, Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), ExistingCustomers = 0 });
        await sim.RunForAsync(TimeSpan.FromDays(10));
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Theory]
    [InlineData("en", "Segment: ", "Lead tag: Segment: ", " records")]
    [InlineData("zh-Hans", "细分市场：", "线索标签：细分市场：", " 条记录")]
    public async Task A_segment_count_opens_its_open_leads_with_the_tag_chip_in_the_page_s_language(string language, string kind, string chip, string records)
    {
        var answer = (await host.App.Services.GetRequiredService<LeadPoolService>().PoolAsync(Workspace, new Growth.Domain.Access.FigureScope(true, [], All: true))).Value!;
        var (tag, count) = answer.Pool.ByTag.First(t => t.Key.StartsWith("segment:", StringComparison.Ordinal));
        var segment = tag["segment:".Length..];

        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.BaseAddress, $"pool?workspace={Workspace}").ToString());
        var row = page.GetByTestId("pool-tags-table").Locator("tr", new() { HasText = kind + segment });
        await Expect(row.GetByTestId("pool-tag-link")).ToHaveTextAsync(count.ToString("N0"));
        await row.GetByTestId("pool-tag-link").ClickAsync();

        await Expect(page.GetByTestId("records-narrowed-tag")).ToContainTextAsync(chip + segment);
        await Expect(page.GetByTestId("records-count")).ToContainTextAsync(count.ToString("N0") + records);
    }
}
