using Growth.Domain.Training;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>A scenario sold with one of the workspace's own products keeps its customer and its difficulty.</summary>
public class TrainingProductsTests
{
    static readonly TrainingProduct GtxPro = new("gtx-pro", "GTX Pro", "GTX", 4821m);

    [Fact]
    public void A_repriced_scenario_sells_the_product_at_its_price_and_keeps_budget_against_price()
    {
        foreach (var original in Catalogue.Scenarios)
        {
            var repriced = TrainingProducts.ForProduct(original, GtxPro);
            Assert.Equal(("GTX Pro", 4821m, original.Id), (repriced.Product, repriced.ListPrice, repriced.Id));
            TrainingScenarios.Recheck(repriced, "repriced");
            foreach (var difficulty in Enum.GetValues<TrainingDifficulty>())
            {
                var before = TrainingFacesFactory.Persona(original, difficulty, original.Seed);
                var after = TrainingFacesFactory.Persona(repriced, difficulty, original.Seed);
                // The same customer, with a budget that stands to the price as it did: only rounding differs.
                Assert.Equal((before.Contact, before.Need, before.Temperament), (after.Contact, after.Need, after.Temperament));
                Assert.Equal(before.HiddenObjections, after.HiddenObjections);
                Assert.Equal((double)(before.Budget / original.ListPrice), (double)(after.Budget / repriced.ListPrice), 0.002);
            }
        }
    }

    [Fact]
    public void The_session_shows_the_product_and_the_same_choices_end_the_same_way()
    {
        var original = Scenario("crm-small-business");
        var repriced = TrainingProducts.ForProduct(original, GtxPro);
        var a = Play(original, Start(original, TrainingDifficulty.Normal, 11), Best);
        var b = Play(repriced, Start(repriced, TrainingDifficulty.Normal, 11), Best);
        Assert.Equal(a.Outcome, b.Outcome);
        Assert.Equal(a.Turns.Count, b.Turns.Count);
        var view = TrainingViews.Of("w", "s", "Ann", "c", repriced, b);
        Assert.Equal("GTX Pro", view.Product);
        if (b.Outcome == TrainingOutcome.Won) Assert.Equal(a.OrderValue / original.ListPrice, b.OrderValue / repriced.ListPrice, 2);
    }

    [Fact]
    public void A_product_without_a_price_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingProducts.ForProduct(Scenario("home-solar"), GtxPro with { ListPrice = 0 }));
        Assert.Contains("gtx-pro", e.Message);
    }
}
