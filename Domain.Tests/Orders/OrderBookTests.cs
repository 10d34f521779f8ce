using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Orders;
using Growth.Domain.Records;

namespace Growth.Domain.Tests.Orders;

/// <summary>The order lines a journey's events book, and the shard's order book the revenue line's drill-down reads.</summary>
public class OrderBookTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    static JourneyEvent E(string id, EventKind kind, int day, decimal amount = 0) => new() { Id = id, Kind = kind, At = T0.AddDays(day), Amount = amount };

    [Fact]
    public void Orders_and_repurchases_are_order_lines_payments_and_refunds_are_not()
    {
        var events = new[]
        {
            E("w", EventKind.Won, 0, 900), E("o", EventKind.OrderSigned, 1, 900), E("p", EventKind.PaymentReceived, 2, 900),
            E("r", EventKind.Repurchased, 5, 300), E("f", EventKind.Refunded, 6, 100),
        };
        var lines = OrderLine.Of(events, new JourneyState { Id = "j", Orders = 2, OrderValue = 1200 });
        Assert.Equal([("o", 900m, OrderKind.FirstOrder), ("r", 300m, OrderKind.Repurchase)], lines.Select(l => (l.EventId, l.Amount, l.Kind)));
        var existing = OrderLine.Of(events, new JourneyState { Id = "j", Existing = true });
        Assert.All(existing, l => Assert.Equal(OrderKind.ExistingCustomer, l.Kind));
    }

    [Fact]
    public void A_journey_stored_before_lists_recovers_its_orders_only_when_its_recent_events_hold_them_all()
    {
        var recent = new[] { E("o", EventKind.OrderSigned, 1, 900), E("r", EventKind.Repurchased, 5, 300) };
        Assert.Equal(2, OrderLine.Recovered(new JourneyState { Id = "j", Orders = 2, OrderValue = 1200 }, recent)!.Count);
        // A third order fell out of the recent events: not exactly known.
        Assert.Null(OrderLine.Recovered(new JourneyState { Id = "j", Orders = 3, OrderValue = 1500 }, recent));
        Assert.Empty(OrderLine.Recovered(new JourneyState { Id = "j" }, [])!);
    }

    [Fact]
    public void The_book_lists_a_window_open_at_its_start_and_closed_at_its_end_replacing_a_journeys_orders_whole()
    {
        var book = new OrderBook();
        var rows = new Dictionary<string, CustomerRecord>
        {
            ["a"] = new() { JourneyId = "a", Name = "Ann", RepId = "rep-1" },
            ["b"] = new() { JourneyId = "b", Name = "Bo", RepId = "rep-2" },
        };
        book.Keep("a", [new("a1", T0.AddDays(1), 100, OrderKind.FirstOrder)]);
        // Reported again with a repurchase: the whole list replaces the first (nothing counted twice).
        book.Keep("a", [new("a1", T0.AddDays(1), 100, OrderKind.FirstOrder), new("a2", T0.AddDays(2), 40, OrderKind.Repurchase)]);
        book.Keep("b", [new("b1", T0.AddDays(2), 70, OrderKind.FirstOrder)]);
        Assert.Equal(3, book.Orders);

        var day2 = book.Between(T0.AddDays(1), T0.AddDays(2), FigureScope.Full, id => rows.GetValueOrDefault(id));
        Assert.Equal(110m, day2.Sum(o => o.Amount));
        Assert.Equal(["Ann", "Bo"], day2.Select(o => o.Name).Order());
        Assert.Equal(210m, book.Between(T0, T0.AddDays(2), FigureScope.Full, id => rows.GetValueOrDefault(id)).Sum(o => o.Amount));
        var rep2 = book.Between(T0, T0.AddDays(2), new FigureScope(false, ["rep-2"]), id => rows.GetValueOrDefault(id));
        Assert.Equal(["b1"], rep2.Select(o => o.EventId));
        Assert.Throws<ArgumentException>(() => book.Between(T0.AddDays(2), T0, FigureScope.Full, _ => null));
        book.Keep("a", []);
        Assert.Equal(1, book.Journeys);
    }
}
