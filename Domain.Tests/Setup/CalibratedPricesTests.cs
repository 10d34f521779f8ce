using Growth.Domain.Calibration;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Setup;

/// <summary>A workspace calibrated on its history still takes its setup's prices: the fitted products are re-priced.</summary>
public class CalibratedPricesTests
{
    static readonly DealCalibration Fitted = new()
    {
        WinRate = 0.5,
        Products =
        [
            new ProductFit("GTX Pro", 4800m, 0.6, 0.5, [4000m, 4800m]),
            new ProductFit("MG Special", 55m, 0.4, 0.5, [50m, 55m]),
        ],
    };

    static CatalogueSetup Catalogue(decimal gtxPrice, double gtxMix = 0.6, double mgMix = 0.4) => new()
    {
        Products =
        [
            new ProductSetup { Id = "gtx-pro", Name = "gtx pro", ListPrice = gtxPrice, Mix = gtxMix },
            new ProductSetup { Id = "mg-special", Name = "MG Special", ListPrice = 55m, Mix = mgMix },
        ],
    };

    [Fact]
    public void A_price_change_moves_the_fitted_product_its_won_values_and_nothing_else()
    {
        var repriced = CalibratedPrices.Reprice(Fitted, Catalogue(6000m));
        var gtx = repriced.Products[0];
        Assert.Equal(6000m, gtx.ListPrice);
        Assert.Equal([5000m, 6000m], gtx.WonValues);
        Assert.Equal(0.6, gtx.Share, 9);
        var mg = repriced.Products[1];
        Assert.Equal((55m, 0.4), (mg.ListPrice, Math.Round(mg.Share, 9)));
        Assert.Equal([50m, 55m], mg.WonValues);
        Assert.Equal(0.5, repriced.WinRate);
    }

    [Fact]
    public void The_catalogue_mix_splits_the_listed_products_share()
    {
        var repriced = CalibratedPrices.Reprice(Fitted, Catalogue(4800m, gtxMix: 3, mgMix: 1));
        Assert.Equal([0.75, 0.25], repriced.Products.Select(p => Math.Round(p.Share, 6)));
    }

    [Fact]
    public void The_compiler_reprices_a_calibrated_model_so_opportunities_open_at_the_setup_price()
    {
        var basis = BehaviourParameters.Default with { Deals = Fitted };
        var compiled = SetupCompiler.Parameters(new SetupDocument { Catalogue = Catalogue(7200m) }, basis);
        Assert.Equal(7200m, compiled.Deals!.Products[0].ListPrice);
        Assert.Same(compiled.Deals.Products[0], compiled.Deals.ProductOf(7200m));
        Assert.Same(Fitted, SetupCompiler.Parameters(new SetupDocument(), basis).Deals);
    }
}
