using Growth.Dashboard.Components.Shared;
using Growth.Domain.Setup;
using Growth.Domain.Training;
using Growth.Grains.Setup;
using Growth.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The training page of a workspace with a setup catalogue offers its products, and a session sells the one picked at its price.</summary>
[Collection(DashboardCollection.Name)]
public class TrainingProductBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "training-shop-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task The_picker_offers_the_workspace_products_and_the_session_sells_the_one_picked()
    {
        await host.Grains.GetGrain<ISetupGrain>(Workspace).ApplyAsync(new SetupDocument
        {
            Catalogue = new CatalogueSetup { Products = [new ProductSetup { Id = "gtx-pro", Name = "GTX Pro", Series = "GTX", ListPrice = 4821m }] },
        }, "test", "a product to train on");
        var scenario = TrainingPlay.Scenario("tutoring-parent");
        var repriced = TrainingProducts.ForProduct(scenario, new TrainingProduct("gtx-pro", "GTX Pro", "GTX", 4821m));
        var seed = Enumerable.Range(1, 100).Select(s => (ulong)s)
            .First(s => TrainingPlay.Play(repriced, TrainingPlay.Start(repriced, TrainingDifficulty.Normal, s), TrainingPlay.Best).Outcome == TrainingOutcome.Won);

        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training?training={Workspace}").ToString());
        await TrainingForm.FillTraineeAsync(page, "Pat Picker");
        await page.GetByTestId("scenario").SelectOptionAsync(scenario.Id);
        await page.GetByTestId("product").SelectOptionAsync("gtx-pro");
        await Expect(page.GetByTestId("scenario-summary")).ToContainTextAsync($"Selling GTX Pro at {Format.Money(4821m)}");
        await page.GetByTestId("seed").FillAsync(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("start").ClickAsync();

        var local = TrainingPlay.Start(repriced, TrainingDifficulty.Normal, seed);
        while (local.Outcome == TrainingOutcome.InProgress)
        {
            await Expect(page.GetByTestId("customer-line")).ToContainTextAsync(local.Customer);
            var choice = TrainingPlay.Best(local);
            await page.GetByTestId($"choice-{choice.Id}").ClickAsync();
            local = TrainingEngine.Choose(repriced, local, choice.Id);
        }
        await Expect(page.GetByTestId("outcome")).ToContainTextAsync("Won");
        await Expect(page.GetByTestId("order-value")).ToHaveTextAsync(Format.Money(local.OrderValue));
        Assert.InRange(local.OrderValue, 4821m * (1 - scenario.MaxDiscount) - 1, 4821m);
    }
}
