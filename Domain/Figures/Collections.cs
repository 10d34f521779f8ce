namespace Growth.Domain.Figures;

/// <summary>
/// The contract stage and collections at a glance: discount approvals waiting (and their value), asked and refused; days
/// from opportunity to signed order; instalments invoiced, reminders sent, money written off; days sales outstanding.
/// </summary>
public sealed record CollectionFigures
{
    public long ApprovalsWaiting { get; init; }
    public decimal ApprovalsWaitingValue { get; init; }
    public long ApprovalsRequested { get; init; }
    public long ApprovalsRefused { get; init; }
    /// <summary>Mean days from opportunity to the signed first order (contract stage included); null: no timed order yet.</summary>
    public double? AverageDaysToOrder { get; init; }
    public long Instalments { get; init; }
    public long Reminders { get; init; }
    public decimal WrittenOff { get; init; }
    /// <summary>Customers with money written off.</summary>
    public long WriteOffs { get; init; }
    /// <summary>Receivables over the revenue of the last <see cref="DsoWindowDays"/> days, times those days; null: no revenue in it.</summary>
    public double? DaysSalesOutstanding { get; init; }

    /// <summary>The window of days sales outstanding: 90 days (a quarter, the usual reporting basis), or the history's span if shorter.</summary>
    public const int DsoWindowDays = 90;

    /// <param name="begin">When a simulation began (its clock's start): the window's start when the history does not reach back 90 days.</param>
    public static CollectionFigures Of(Tally t, DateTimeOffset asOf, WorkspaceHistory? history, DateTimeOffset? begin = null) => new()
    {
        ApprovalsWaiting = t[Count.ApprovalsWaiting],
        ApprovalsWaitingValue = t[Money.ApprovalsWaitingValue],
        ApprovalsRequested = t[Count.ApprovalsRequested],
        ApprovalsRefused = t[Count.ApprovalsRefused],
        AverageDaysToOrder = t[Count.OrdersTimed] == 0 ? null : t[Sum.TimeToOrder] / Tally.MillisPerDay / t[Count.OrdersTimed],
        Instalments = t[Count.Instalments],
        Reminders = t[Count.Reminders],
        WrittenOff = t[Money.WrittenOff],
        WriteOffs = t[Count.WriteOffs],
        DaysSalesOutstanding = Dso(t[Money.Outstanding], t[Money.Revenue], asOf, history, begin),
    };

    /// <summary>
    /// Days sales outstanding: receivables / revenue booked in the window × the window's days. The window starts at the
    /// history point nearest 90 days back; when the history does not reach back that far, at <paramref name="begin"/> (a
    /// simulation's start, nothing booked before it) or else the first point. Null without either, for a window under a
    /// day, or with no revenue in it.
    /// </summary>
    public static double? Dso(decimal outstanding, decimal revenue, DateTimeOffset asOf, WorkspaceHistory? history, DateTimeOffset? begin = null)
    {
        var from = asOf.AddDays(-DsoWindowDays);
        var point = history?.At(from);
        (DateTimeOffset At, decimal Revenue)? start = point is not null && point.AsOf <= from ? (point.AsOf, point.Revenue.Total)
            : begin is { } b ? (b, 0m)
            : point is not null ? (point.AsOf, point.Revenue.Total)
            : null;
        if (start is not { } s) return null;
        var days = (asOf - s.At).TotalDays;
        var booked = revenue - s.Revenue;
        if (days < 1 || booked <= 0) return null;
        return (double)(outstanding / booked) * days;
    }
}
