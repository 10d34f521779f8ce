using Growth.Domain.Journeys;

namespace Growth.Domain.Orders;

/// <summary>What an order was: a new customer's first order, a further order of a customer won here, or an order of a customer who was one before the workspace's data began.</summary>
public enum OrderKind { FirstOrder, Repurchase, ExistingCustomer }

/// <summary>
/// One order a journey booked: the event that booked it (<see cref="EventKind.OrderSigned"/> or
/// <see cref="EventKind.Repurchased"/>), when, and its amount. The Overview's revenue line counts exactly these amounts
/// (<see cref="Figures.Money.Revenue"/> is the journey's order value: the sum of its orders).
/// </summary>
public sealed record OrderLine(string EventId, DateTimeOffset At, decimal Amount, OrderKind Kind)
{
    /// <summary>The orders among <paramref name="events"/> (applied to a journey that stands as <paramref name="after"/> once they are).</summary>
    public static IReadOnlyList<OrderLine> Of(IEnumerable<JourneyEvent> events, JourneyState after)
    {
        List<OrderLine>? lines = null;
        foreach (var e in events)
            if (KindOf(e.Kind, after.Existing) is { } kind) (lines ??= []).Add(new OrderLine(e.Id, e.At, e.Amount, kind));
        return lines ?? (IReadOnlyList<OrderLine>)[];
    }

    /// <summary>The kind of order an event books; null: the event books no order.</summary>
    public static OrderKind? KindOf(EventKind kind, bool existingCustomer) => kind switch
    {
        EventKind.OrderSigned or EventKind.Repurchased when existingCustomer => OrderKind.ExistingCustomer,
        EventKind.OrderSigned => OrderKind.FirstOrder,
        EventKind.Repurchased => OrderKind.Repurchase,
        _ => null,
    };

    /// <summary>
    /// A journey's orders when it kept no list of them (stored before lists were kept): the orders among its recent
    /// events if they are all of them (as many as <see cref="JourneyState.Orders"/>, summing to its order value), else
    /// null (the list cannot be told exactly).
    /// </summary>
    public static IReadOnlyList<OrderLine>? Recovered(JourneyState state, IEnumerable<JourneyEvent> recent)
    {
        if (state.Orders == 0) return [];
        var lines = Of(recent, state);
        return lines.Count == state.Orders && lines.Sum(l => l.Amount) == state.OrderValue ? lines : null;
    }
}
