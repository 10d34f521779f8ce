using Growth.Domain.Figures;

namespace Growth.Domain.Tests.Figures;

/// <summary>Days sales outstanding: receivables over the revenue of the last 90 days (or the history's span), times its days.</summary>
public class CollectionFiguresTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static WorkspaceFigures Revenue(decimal revenue)
    {
        var f = new WorkspaceFigures();
        f.Total[Money.Revenue] = revenue;
        return f;
    }

    [Fact]
    public void Dso_counts_the_revenue_of_the_window_and_its_days()
    {
        var history = new WorkspaceHistory();
        history.Record(T0, Revenue(0));
        // Sixty days of history: the window is the whole span; 60,000 booked, 10,000 outstanding: 10 days.
        for (var d = 1; d <= 60; d++) history.Record(T0.AddDays(d), Revenue(1000m * d));
        Assert.Equal(10, CollectionFigures.Dso(10_000, 60_000, T0.AddDays(60), history)!.Value, 9);
        // After 120 days the window is the last 90: 90,000 booked then, 30,000 outstanding: 30 days.
        for (var d = 61; d <= 120; d++) history.Record(T0.AddDays(d), Revenue(1000m * d));
        Assert.Equal(30, CollectionFigures.Dso(30_000, 120_000, T0.AddDays(120), history)!.Value, 9);
        // A simulation whose history has only just begun counts from its start, with nothing booked before it.
        var late = new WorkspaceHistory();
        late.Record(T0.AddDays(30), Revenue(50_000));
        Assert.Equal(3, CollectionFigures.Dso(5_000, 50_000, T0.AddDays(30), late, begin: T0)!.Value, 9);
        // No history, or no revenue in the window: unknown, not zero.
        Assert.Null(CollectionFigures.Dso(1, 10, T0, null));
        Assert.Null(CollectionFigures.Dso(1, 120_000, T0.AddDays(120), history.Points.Count > 0 ? Flat(history) : null));
    }

    static WorkspaceHistory Flat(WorkspaceHistory h)
    {
        var flat = new WorkspaceHistory();
        foreach (var p in h.Points) flat.Record(p.AsOf, Revenue(120_000));
        return flat;
    }
}
