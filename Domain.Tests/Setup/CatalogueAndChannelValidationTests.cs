using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using static Growth.Domain.Tests.Setup.ValidSetup;

namespace Growth.Domain.Tests.Setup;

public class CatalogueAndChannelValidationTests
{
    [Fact]
    public void Product_ids_follow_the_rule_and_are_unique()
    {
        var unpriced = Document().WithPriceList(0, l => l with { Prices = [l.Prices[0], l.Prices[1]] });
        SingleProblem(unpriced.WithProduct(2, p => p with { Id = "short course" }), "catalogue.products[2].id");
        var twice = Document().WithProduct(2, p => p with { Id = "gtx-2" }).WithPriceList(0, l => l with { Prices = [l.Prices[0]] });
        Assert.Equal("duplicate product id 'gtx-2' (also at catalogue.products[1].id)", SingleProblem(twice, "catalogue.products[2].id"));
        SingleProblem(Document().WithProduct(0, p => p with { Name = "" }), "catalogue.products[0].name");
    }

    [Fact]
    public void Prices_costs_and_mix_are_zero_or_more()
    {
        Assert.Equal("must be 0 or more (was -1)", SingleProblem(Document().WithProduct(1, p => p with { ListPrice = -1 }), "catalogue.products[1].listPrice"));
        SingleProblem(Document().WithProduct(1, p => p with { UnitCost = -0.5m }), "catalogue.products[1].unitCost");
        SingleProblem(Document().WithProduct(1, p => p with { Mix = -2 }), "catalogue.products[1].mix");
    }

    [Fact]
    public void A_price_list_names_a_segment_or_an_existing_region()
    {
        Assert.Equal("must name a segment or a region", SingleProblem(Document().WithPriceList(0, l => l with { Segment = null }), "catalogue.priceLists[0]"));
        Assert.Equal("unknown region 'east'", SingleProblem(Document().WithPriceList(1, l => l with { Region = "east" }), "catalogue.priceLists[1].region"));
        SingleProblem(Document().WithPriceList(1, l => l with { Id = "smb" }), "catalogue.priceLists[1].id");
    }

    [Fact]
    public void An_unknown_product_in_a_price_list_is_refused()
    {
        var document = Document().WithPriceList(0, l => l with { Prices = Replace(l.Prices, 2, p => p with { Product = "gtx-pro" }) });
        Assert.Equal("unknown product 'gtx-pro'", SingleProblem(document, "catalogue.priceLists[0].prices[2].product"));
    }

    [Fact]
    public void A_product_is_priced_at_most_once_per_list_and_never_below_zero()
    {
        var twice = Document().WithPriceList(0, l => l with { Prices = Replace(l.Prices, 2, p => p with { Product = "gtx-1" }) });
        Assert.Equal("product 'gtx-1' is already priced in this list (at catalogue.priceLists[0].prices[0])", SingleProblem(twice, "catalogue.priceLists[0].prices[2].product"));
        SingleProblem(Document().WithPriceList(1, l => l with { Prices = Replace(l.Prices, 0, p => p with { Price = -10 }) }), "catalogue.priceLists[1].prices[0].price");
    }

    [Fact]
    public void Discount_limits_are_shares_and_a_rep_may_not_exceed_the_maximum()
    {
        SingleProblem(Document().WithCatalogue(c => c with { Discounts = new() { RepLimit = -0.1 } }), "catalogue.discounts.repLimit");
        SingleProblem(Document().WithCatalogue(c => c with { Discounts = new() { RepLimit = 0.1, MaxDiscount = 1.5 } }), "catalogue.discounts.maxDiscount");
        Assert.Equal("must not exceed maxDiscount (0.2) (was 0.3)",
            SingleProblem(Document().WithCatalogue(c => c with { Discounts = new() { RepLimit = 0.3, MaxDiscount = 0.2 } }), "catalogue.discounts.repLimit"));
    }

    [Fact]
    public void Campaign_ids_and_names()
    {
        Assert.Equal("duplicate campaign id 'ads-1' (also at channels.campaigns[0].id)", SingleProblem(Document().WithCampaign(2, c => c with { Id = "ads-1" }), "channels.campaigns[2].id"));
        SingleProblem(Document().WithCampaign(1, c => c with { Name = "" }), "channels.campaigns[1].name");
        SingleProblem(Document().WithCampaign(1, c => c with { Id = "" }), "channels.campaigns[1].id");
        SingleProblem(Document().WithPriceList(0, l => l with { Id = "smb/list" }), "catalogue.priceLists[0].id");
    }

    [Fact]
    public void A_negative_budget_is_refused() =>
        Assert.Equal("must be 0 or more (was -100)", SingleProblem(Document().WithCampaign(2, c => c with { Budget = -100 }), "channels.campaigns[2].budget"));

    [Fact]
    public void Cost_per_unit_is_more_than_zero_when_given()
    {
        Assert.Equal("must be more than 0 (was 0)", SingleProblem(Document().WithCampaign(0, c => c with { CostPerUnit = 0 }), "channels.campaigns[0].costPerUnit"));
        Assert.Empty(SetupValidator.Validate(Document().WithCampaign(0, c => c with { CostPerUnit = null })));
    }

    [Fact]
    public void Expected_reach_is_zero_or_more_and_required_for_a_fixed_fee()
    {
        SingleProblem(Document().WithCampaign(0, c => c with { ExpectedReach = -1 }), "channels.campaigns[0].expectedReach");
        Assert.StartsWith("is required when costModel is fixed", SingleProblem(Document().WithCampaign(1, c => c with { ExpectedReach = null }), "channels.campaigns[1].expectedReach"));
    }

    [Fact]
    public void Junk_share_is_a_share() =>
        SingleProblem(Document().WithCampaign(2, c => c with { JunkShare = 1.01 }), "channels.campaigns[2].junkShare");

    [Fact]
    public void A_campaign_cannot_end_before_it_starts() =>
        Assert.Equal("must be on or after start (2027-01-01) (was 2026-12-31)",
            SingleProblem(Document().WithCampaign(2, c => c with { End = new DateOnly(2026, 12, 31) }), "channels.campaigns[2].end"));

    [Fact]
    public void Campaign_regions_must_exist() =>
        Assert.Equal("unknown region 'east'", SingleProblem(Document().WithCampaign(1, c => c with { Regions = ["north", "east"] }), "channels.campaigns[1].regions[1]"));

    [Fact]
    public void Referral_is_not_a_paid_campaign_channel()
    {
        Assert.Equal("referral is not a paid campaign channel (referrals come from customers)",
            SingleProblem(Document().WithCampaign(0, c => c with { Channel = Channel.Referral }), "channels.campaigns[0].channel"));
        Assert.Contains("is not one of", SingleProblem(Document().WithCampaign(0, c => c with { Channel = (Channel)42 }), "channels.campaigns[0].channel"));
    }
}
