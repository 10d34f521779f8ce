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

    public static CollectionFigures Of(Tally t, DateTimeOffset asOf, WorkspaceHistory? history) => new()
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
        DaysSalesOutstanding = Dso(t[Money.Outstanding], t[Money.Revenue], asOf, history),
    };

    /// <summary>
    /// Days sales outstanding: receivables / revenue booked in the window × the window's days. The window starts at the
    /// history point nearest 90 days back (or the first point); null without history, a window under a day, or no revenue in it.
    /// </summary>
    public static double? Dso(decimal outstanding, decimal revenue, DateTimeOffset asOf, WorkspaceHistory? history)
    {
        if (history?.At(asOf.AddDays(-DsoWindowDays)) is not { } start) return null;
        var days = (asOf - start.AsOf).TotalDays;
        var booked = revenue - start.Revenue.Total;
        if (days < 1 || booked <= 0) return null;
        return (double)(outstanding / booked) * days;
    }
}
