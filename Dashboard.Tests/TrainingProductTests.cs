using Growth.Dashboard.Application.Training;
using Growth.Domain.Setup;
using Growth.Domain.Training;
using Growth.Grains.Errors;
using Growth.Grains.Setup;
using Growth.Grains.Training;
using Growth.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>Training in a workspace with a setup: a session may sell one of its products, at that product's price.</summary>
[Collection(DashboardCollection.Name)]
public class TrainingProductTests(DashboardHost host)
{
    const string Workspace = "train-shop";

    async Task<TrainingService> ServiceWithProductsAsync()
    {
        await host.Grains.GetGrain<ISetupGrain>(Workspace).ApplyAsync(new SetupDocument
        {
            Catalogue = new CatalogueSetup
            {
                Products =
                [
                    new ProductSetup { Id = "gtx-pro", Name = "GTX Pro", Series = "GTX", ListPrice = 4821m },
                    new ProductSetup { Id = "mg-special", Name = "MG Special", Series = "MG", ListPrice = 55m },
                ],
            },
        }, "test", "products for training");
        return host.App.Services.GetRequiredService<TrainingService>();
    }

    [Fact]
    public async Task A_session_started_with_a_product_sells_it_at_its_price()
    {
        var service = await ServiceWithProductsAsync();
        Assert.Equal(["gtx-pro", "mg-special"], (await service.ProductsAsync(Workspace)).Select(p => p.Id));

        // The same session played on the scenario re-priced by hand: the best answers, on a seed where they win.
        var scenario = TrainingPlay.Scenario("crm-small-business");
        var repriced = TrainingProducts.ForProduct(scenario, new TrainingProduct("gtx-pro", "GTX Pro", "GTX", 4821m));
        var seed = Enumerable.Range(1, 100).Select(s => (ulong)s)
            .First(s => TrainingPlay.Play(repriced, TrainingPlay.Start(repriced, TrainingDifficulty.Easy, s), TrainingPlay.Best).Outcome == TrainingOutcome.Won);
        var expected = TrainingPlay.Play(repriced, TrainingPlay.Start(repriced, TrainingDifficulty.Easy, seed), TrainingPlay.Best);

        var view = await service.StartAsync(Workspace, new TrainingStart(scenario, TrainingDifficulty.Easy, seed, "Ann", "shop"), "gtx-pro");
        Assert.Equal("GTX Pro", view.Product);
        foreach (var turn in expected.Turns) view = await service.ChooseAsync(Workspace, view.SessionId, turn.Chosen.Id);
        Assert.Equal(TrainingOutcome.Won, view.Outcome);
        Assert.Equal(expected.OrderValue, view.OrderValue);
        Assert.InRange(view.OrderValue, 4821m * (1 - scenario.MaxDiscount) - 1, 4821m);
    }

    [Fact]
    public async Task An_unknown_product_is_refused_naming_it()
    {
        var service = await ServiceWithProductsAsync();
        var start = new TrainingStart(TrainingPlay.Scenario("home-solar"), TrainingDifficulty.Normal, null, "Ann", "shop");
        var e = await Assert.ThrowsAsync<DomainException>(() => service.StartAsync(Workspace, start, "no-such-product"));
        Assert.Contains("no-such-product", e.Message);
        Assert.Contains("gtx-pro", e.Message);
        var none = await Assert.ThrowsAsync<DomainException>(() => service.StartAsync("train-empty", start, "gtx-pro"));
        Assert.Contains("gtx-pro", none.Message);
    }
}
