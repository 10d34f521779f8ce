using Growth.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The import page's event files in a real browser: a chosen file's header read as its kind (or said to be another's),
/// each file's first rows previewed as read, and the report counting each file's rows, with the refused ones among the
/// rejected rows.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportEventFilesPageTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    IPage page = null!;
    static string Sample(string file) => Path.Combine(SharedDatasets.ImportSamples, file);

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task Event_files_are_guessed_by_their_headers_previewed_and_imported_with_each_file_counted()
    {
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "import").ToString());
        await page.GetByTestId("import-workspace").FillAsync("import-page-events");
        await page.GetByTestId("file-pipeline").ChooseFileAsync(Sample("hubspot-deals.csv"));
        await Expect(page.GetByTestId("import-preset")).ToHaveValueAsync("hubspot");
        // An orders file chosen as payments is said to be what it is; the payments file is read as payments, its columns mapped.
        await page.GetByTestId("file-payments").ChooseFileAsync(Sample("orders.csv"));
        await Expect(page.GetByTestId("guess-payments")).ToHaveTextAsync("The headers of orders.csv look like an orders file, not a payments file: choose it there.");
        await page.GetByTestId("file-payments").ChooseFileAsync(Sample("payments.csv"));
        await Expect(page.GetByTestId("guess-payments")).ToContainTextAsync("The headers of payments.csv read as a payments file: paymentDate ← paid_date");
        await page.GetByTestId("file-orders").ChooseFileAsync(Sample("orders.csv"));
        await page.GetByTestId("file-activities").ChooseFileAsync(Sample("activities.csv"));
        await Expect(page.GetByTestId("guess-activities")).ToContainTextAsync("read as an activities file");

        await page.GetByTestId("import-preview-run").ClickAsync();
        await Expect(page.GetByTestId("preview-payments-9")).ToContainTextAsync("payments.csv row 9 (9003): unreadable date: paid_date '2024-13-01'");
        await Expect(page.GetByTestId("preview-orders-3")).ToContainTextAsync("1,500.50");

        await page.GetByTestId("import-start").ClickAsync();
        await Expect(page.GetByTestId("rows-imported")).ToHaveTextAsync("9");
        await Expect(page.GetByTestId("event-file-payments")).ToHaveTextAsync("payments.csv: 5 of 10 rows imported");
        await Expect(page.GetByTestId("event-file-orders")).ToHaveTextAsync("orders.csv: 3 of 8 rows imported");
        await Expect(page.GetByTestId("event-file-activities")).ToHaveTextAsync("activities.csv: 7 of 11 rows imported");
        await Expect(page.GetByTestId("rows-rejected")).ToHaveTextAsync("14");
        await Expect(page.GetByTestId("rejected-rows")).ToContainTextAsync("orders.csv row 9 (9008): amount not positive: amount '-50'");
    }
}
