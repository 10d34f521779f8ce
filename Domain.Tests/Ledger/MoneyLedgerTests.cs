using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;

namespace Growth.Domain.Tests.Ledger;

public class MoneyLedgerTests
{
    static readonly DateTimeOffset T0 = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);

    static JourneyEvent E(string id, EventKind kind, decimal amount = 0, int hours = 0) =>
        new() { Id = id, Kind = kind, At = T0.AddHours(hours), Amount = amount };

    [Fact]
    public void Only_orders_payments_and_refunds_are_money_and_carry_the_journeys_groups()
    {
        var after = new JourneyState { Id = "j1", RegionId = "r1", TeamId = "t1", RepId = "p1", CampaignId = "c1" };
        var entries = MoneyEvents.Of("j1", after,
        [
            E("1", EventKind.Won, 500), E("2", EventKind.OrderSigned, 500), E("3", EventKind.PaymentDue, 500),
            E("4", EventKind.PaymentReceived, 200), E("5", EventKind.Repurchased, 80), E("6", EventKind.Refunded, 20),
            E("7", EventKind.PaymentOverdue, 300),
        ]);
        Assert.Equal(["2", "4", "5", "6"], entries.Select(e => e.EventId));
        Assert.Equal([MoneyKind.Order, MoneyKind.Payment, MoneyKind.Order, MoneyKind.Refund], entries.Select(e => e.Kind));
        Assert.All(entries, e => Assert.Equal(new GroupKey("r1", "t1", "p1", "c1"), e.Group));
        Assert.Empty(MoneyEvents.Of("j1", after, [E("1", EventKind.Contacted)]));
    }

    [Fact]
    public void Ledger_totals_equal_the_figures_the_journeys_add_up_to()
    {
        // Two journeys driven through the transition rules; their tallies are what the live statistics sum.
        var figures = new WorkspaceFigures();
        var ledger = new LedgerTotals();
        foreach (var (id, rep, order, paid, refund) in new[] { ("a", "p1", 1000m, 400m, 0m), ("b", "p2", 250.5m, 250.5m, 50.25m) })
        {
            var events = new List<JourneyEvent>
            {
                new() { Id = $"{id}0", Kind = EventKind.CustomerOnboarded, At = T0, RegionId = "r1", TeamId = "t1", RepId = rep },
                E($"{id}1", EventKind.Repurchased, order, 1), E($"{id}2", EventKind.PaymentDue, order, 2), E($"{id}3", EventKind.PaymentReceived, paid, 3),
            };
            if (refund > 0) events.Add(E($"{id}4", EventKind.Refunded, refund, 4));
            var t = JourneyTransitions.ApplyAll(new JourneyState { Id = id }, events);
            Assert.True(t.Accepted, t.Error);
            figures.Apply(new TallyDelta(GroupKey.Of(t.State), Tally.Of(t.State)));
            foreach (var entry in MoneyEvents.Of(id, t.State, events)) ledger.Add(entry);
        }
        Assert.Empty(ledger.DifferencesFrom(figures));
        Assert.Equal(new MoneyFigures(2, 1250.5m, 650.5m, 50.25m), ledger.Total);
        Assert.Equal(new MoneyFigures(1, 250.5m, 250.5m, 50.25m), ledger.Reps["p2"]);
        Assert.Equal(5, ledger.Entries);
    }

    [Fact]
    public void Differences_name_the_group_and_figure_and_a_rebuild_makes_the_live_figures_the_ledgers()
    {
        var ledger = LedgerTotals.From(
        [
            new LedgerEntry("a", "1", MoneyKind.Order, 100m, T0, "r1", "t1", "p1"),
            new LedgerEntry("a", "2", MoneyKind.Payment, 60m, T0, "r1", "t1", "p1"),
        ]);
        var live = new WorkspaceFigures();
        var lost = new Tally();
        lost[Count.Orders] = 1;
        lost[Money.Revenue] = 100m;
        lost[Count.Journeys] = 1;
        live.Apply(new TallyDelta(new GroupKey("r1", "t1", "p1", null), lost));
        var other = new Tally();
        other[Money.Collected] = 5m;
        live.Apply(new TallyDelta(new GroupKey("r2", null, null, null), other));

        var differences = ledger.DifferencesFrom(live);
        Assert.Contains("total collected: ledger 60, live 5", differences);
        Assert.Contains("rep p1 collected: ledger 60, live 0", differences);
        Assert.Contains("region r2 collected: ledger 0, live 5", differences);
        Assert.DoesNotContain(differences, d => d.Contains("orders"));

        ledger.ApplyTo(live);
        Assert.Empty(ledger.DifferencesFrom(live));
        // Figures that are not money are left as they were.
        Assert.Equal(1, live.Total[Count.Journeys]);
        Assert.Equal(0m, live.Regions["r2"][Money.Collected]);
    }
}
