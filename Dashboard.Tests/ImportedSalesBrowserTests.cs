using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Sales page of an imported history without payments, in a real browser, in English and in Chinese: receivables
/// are "not in the data" where the ageing chart would be, and the charts around it still draw.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportedSalesBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "imported-sales-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
        if (await host.Http.GetAsync($"/api/workspaces/{Workspace}/snapshot") is { StatusCode: HttpStatusCode.NotFound })
            Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsync($"/api/workspaces/{Workspace}/imports", ImportSample.MavenUpload())).StatusCode);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Theory]
    [InlineData("en", "not in the data")]
    [InlineData("zh-Hans", "数据中没有")]
    public async Task Receivables_are_not_in_the_data_and_the_other_charts_draw(string language, string notInData)
    {
        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.BaseAddress, $"sales?workspace={Workspace}").ToString());
        await Expect(page.GetByTestId("receivables-unknown")).ToContainTextAsync(notInData);
        await Expect(page.GetByTestId("chart-ageing")).ToHaveCountAsync(0);
        // The chart after the panel draws its bars (wins and losses per team), the one before it its frame.
        await Expect(page.Locator("[data-testid=chart-winrate] .trace .point").First).ToBeAttachedAsync();
        await Expect(page.Locator("[data-testid=chart-pipeline] .main-svg").First).ToBeAttachedAsync();
    }
}
