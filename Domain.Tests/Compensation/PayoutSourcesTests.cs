using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Compensation;

public class PayoutSourcesTests
{
    static readonly DateTimeOffset WonAt = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    static readonly CatalogueSetup Catalogue = new() { Products = [new() { Id = "x", Name = "X", ListPrice = 5000 }] };

    static JourneyState Won(string id, decimal value = 5000) => new()
    {
        Id = id, Status = JourneyStatus.Customer, Won = true, WonValue = value, OpportunityValue = 5000, RepId = "rep-1", TeamId = "team-a",
        ClosedAt = WonAt, LastEventAt = WonAt.AddDays(20), Collected = 3000, Refunded = 500,
    };

    [Fact]
    public void Won_deals_are_credited_at_the_win_with_the_product_priced_at_the_opportunity()
    {
        var activity = PayoutSources.From([Won("j-1"), new JourneyState { Id = "j-2", Status = JourneyStatus.Lost, RepId = "rep-1", ClosedAt = WonAt }], null, Catalogue);
        var win = Assert.Single(activity.Wins);
        Assert.Equal(("j-1", "rep-1", WonAt, 5000m, "x"), (win.JourneyId, win.RepId, win.At, win.Amount, win.ProductId));
        Assert.Null(win.LedgerEntry);
    }

    [Fact]
    public void Without_a_ledger_collected_and_refunded_totals_are_dated_at_the_last_event()
    {
        var activity = PayoutSources.From([Won("j-1")], null, Catalogue);
        Assert.Equal((3000m, WonAt.AddDays(20)), (Assert.Single(activity.Payments).Amount, activity.Payments[0].At));
        Assert.Equal((ReversalKind.Refund, 500m), (Assert.Single(activity.Reversals).Kind, activity.Reversals[0].Amount));
    }

    [Fact]
    public void With_a_ledger_payments_and_refunds_are_its_entries_and_the_win_names_its_order()
    {
        LedgerEntry[] ledger =
        [
            new("j-1", "order-1", MoneyKind.Order, 5000, WonAt, RepId: "rep-1"),
            new("j-1", "pay-1", MoneyKind.Payment, 1000, WonAt.AddDays(3), RepId: "rep-1"),
            new("j-1", "pay-2", MoneyKind.Payment, 2000, WonAt.AddDays(9), RepId: "rep-1"),
            new("j-1", "refund-1", MoneyKind.Refund, 500, WonAt.AddDays(12), RepId: "rep-1"),
        ];
        var activity = PayoutSources.From([Won("j-1"), Won("j-3")], ledger, Catalogue);
        Assert.Equal(["j-1/order-1", null], activity.Wins.Select(w => w.LedgerEntry));
        Assert.Equal(["j-1/pay-1", "j-1/pay-2"], activity.Payments.Select(p => p.LedgerEntry));
        Assert.Equal("j-1/refund-1", Assert.Single(activity.Reversals).LedgerEntry);   // j-3 has no entries in the slice: no guessed dates
    }

    [Fact]
    public void A_churned_won_deal_is_reversed_with_its_whole_value_at_its_last_event()
    {
        var churned = Won("j-1", 8000) with { Status = JourneyStatus.Churned, Refunded = 0 };
        var reversal = Assert.Single(PayoutSources.From([churned], [], Catalogue).Reversals);
        Assert.Equal((ReversalKind.Churn, 8000m, WonAt, WonAt.AddDays(20)), (reversal.Kind, reversal.Amount, reversal.WonAt, reversal.At));
    }
}
