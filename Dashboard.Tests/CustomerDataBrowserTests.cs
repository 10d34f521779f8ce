using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The Customer page's "Export data" and "Erase personal data" in a real browser: for administrators only, confirmed, and the page shows no free text of the customer afterwards.</summary>
[Collection(DashboardCollection.Name)]
public class CustomerDataBrowserTests(DashboardHost host, BrowserFixture browser)
{
    const string Ws = "privacy-page";

    string Url(string path) => new Uri(host.Http.BaseAddress!, $"{path}?workspace={Ws}").ToString();

    [Fact]
    public async Task An_administrator_erases_a_customer_from_the_customer_page_after_confirming()
    {
        await CustomerDataTests.IngestAsync(host.Http, Ws, "b");
        var page = await browser.NewPageAsync();
        try
        {
            await host.SignInAsync(page);
            await page.GotoAsync(Url("customer/b-101"));
            await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Jane Doe");
            await Expect(page.GetByTestId("export-customer")).ToHaveAttributeAsync("href", $"api/admin/workspaces/{Ws}/customers/b-101/export");

            // Asked first, naming the journey.
            await page.GetByTestId("erase-customer").ClickAsync();
            await Expect(page.Locator("[data-testid=customer-data] [role=alert]")).ToContainTextAsync("b-101");
            await page.GetByTestId("erase-confirm").ClickAsync();

            await Expect(page.GetByTestId("erase-result")).ToContainTextAsync("Erased customer");
            await Expect(page.GetByTestId("erased-label")).ToContainTextAsync("Erased customer");
            var text = await page.Locator("main").InnerTextAsync();
            foreach (var p in CustomerDataTests.Personal) Assert.DoesNotContain(p, text);
            // The figures the page shows stay: the deal's value and the step it was lost at.
            await Expect(page.GetByTestId("timeline")).ToContainTextAsync("900");

            // The Admin page's audit lists the erasure.
            await page.GotoAsync(new Uri(host.Http.BaseAddress!, "admin").ToString());
            await Expect(page.GetByTestId("customer-requests-table")).ToContainTextAsync("b-101");
        }
        finally { await page.Context.DisposeAsync(); }

        // Someone who may read the customer but is not an administrator is offered neither.
        var leader = await browser.NewPageAsync();
        try
        {
            await host.SignInAsync(leader, await host.SignInAsAsync($"{Ws}:Leadership"));
            await leader.GotoAsync(Url("customer/b-102"));
            await Expect(leader.GetByTestId("journey-title")).ToHaveTextAsync("b-102");
            await Expect(leader.GetByTestId("customer-data")).ToHaveCountAsync(0);
        }
        finally { await leader.Context.DisposeAsync(); }
    }
}
