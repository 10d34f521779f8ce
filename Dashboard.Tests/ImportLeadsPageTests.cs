using Growth.Grains.Figures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A two-file leads + won-deals export with day-first dates and no team or product file, tried from the page as a new
/// user would: its layout chosen, both files dropped, the first rows previewed on their days, imported, and the
/// Marketing page then shows each origin's leads and wins exactly as the files say; imported again, nothing changes.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportLeadsPageTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "import-page-leads";
    IPage page = null!;

    static string Samples => Growth.TestSupport.SharedDatasets.ImportSamples;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    async Task ImportFromThePageAsync()
    {
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "import").ToString());
        await page.GetByTestId("import-workspace").FillAsync(Workspace);
        await page.GetByTestId("import-preset").SelectOptionAsync("leads-deals");
        // Two files: no teams or products to choose.
        await Expect(page.GetByTestId("file-teams")).ToHaveCountAsync(0);
        await page.GetByTestId("file-pipeline").ChooseFileAsync(Path.Combine(Samples, "closed_deals.csv"));
        await page.GetByTestId("file-leads").ChooseFileAsync(Path.Combine(Samples, "leads.csv"));
        await Expect(page.GetByTestId("import-start")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task A_leads_and_won_deals_export_imports_from_the_page_and_marketing_shows_each_origin_as_the_files_say()
    {
        await ImportFromThePageAsync();
        // Day-first, said, and read so: L01 first contacted 2 October 2017, won 26 October 2017 19:58.
        await page.GetByTestId("import-preview-run").ClickAsync();
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("every unambiguous row is day-first, so day-first is used");
        await PreviewCells.ExpectAsync(page, 2, "2", "L01", "Won", "rep-a", "2017-10-02 00:00", "2017-10-26 19:58", "15,000.00", "origin-paid-search (Advertising)");
        await page.GetByTestId("import-start").ClickAsync();
        await Expect(page.GetByTestId("rows-imported")).ToHaveTextAsync("6");
        await Expect(page.GetByTestId("leads-read")).ToHaveTextAsync("12");
        await Expect(page.GetByTestId("journeys-changed")).ToHaveTextAsync("12");

        var deals = (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).GetSnapshotAsync())!.Deals;
        Assert.Equal((6L, 0L, 145_500m, 2L), (deals.Won, deals.Lost, deals.WonValue, deals.WonValueUnknown));

        // Leads and wins per origin (campaign) with its channel, as leads.csv and closed_deals.csv say.
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"marketing?workspace={Workspace}").ToString());
        var rows = page.GetByTestId("campaigns").Locator("tbody tr");
        async Task Origin(string name, string channel, int leads, int won)
        {
            var row = rows.Filter(new() { Has = page.Locator("td:first-child", new() { HasTextString = name }) });
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(channel);
            await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(leads.ToString());
            await Expect(row.Locator("td").Nth(8)).ToHaveTextAsync(won.ToString());
        }
        await Origin("paid_search", "Advertising", 4, 3);
        await Origin("organic_search", "Content", 3, 1);
        await Origin("referral", "Referrals", 2, 2);
        await Origin("email", "Content", 1, 0);

        // The same files again: nothing changes.
        await ImportFromThePageAsync();
        await page.GetByTestId("import-start").ClickAsync();
        await Expect(page.GetByTestId("journeys-changed")).ToHaveTextAsync("0");
        Assert.Equal(deals, (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).GetSnapshotAsync())!.Deals);
    }
}

/// <summary>The cells of a previewed row (<c>preview-row-{row}</c>) on the import page, each exactly as shown.</summary>
internal static class PreviewCells
{
    public static async Task ExpectAsync(IPage page, int row, params string[] cells)
    {
        var tds = page.GetByTestId($"preview-row-{row}").Locator("td");
        for (var i = 0; i < cells.Length; i++) await Expect(tds.Nth(i)).ToHaveTextAsync(cells[i]);
    }
}
