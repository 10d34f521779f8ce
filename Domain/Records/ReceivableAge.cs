using Growth.Domain.Figures;

namespace Growth.Domain.Records;

/// <summary>
/// The receivables ageing's buckets, as the Sales page's chart shows them (<see cref="WorkspaceFigures.Ageing"/>): money
/// billed and not yet due, and overdue money by whole days (UTC calendar days, as the tallies count them) since it went overdue.
/// </summary>
public enum OverdueAge { Current, Days1To30, Days31To60, Days61To90, Over90 }

/// <summary>Which bucket overdue money is in, and how much of one journey's money a bucket holds: the chart and its record list share this.</summary>
public static class ReceivableAge
{
    /// <summary>The bucket of money overdue for <paramref name="days"/> days (0 to 30, money that went overdue today included, is 1–30).</summary>
    public static OverdueAge Of(int days) => days switch
    {
        <= 30 => OverdueAge.Days1To30,
        <= 60 => OverdueAge.Days31To60,
        <= 90 => OverdueAge.Days61To90,
        _ => OverdueAge.Over90,
    };

    /// <summary>Days between the day money went overdue and the day of <paramref name="asOf"/>.</summary>
    public static int DaysOverdue(DateTimeOffset since, DateTimeOffset asOf) => Tally.DayNumber(asOf) - Tally.DayNumber(since);

    /// <summary>
    /// The money of <paramref name="row"/> in bucket <paramref name="age"/> at <paramref name="asOf"/>: not yet due
    /// (outstanding − overdue) for <see cref="OverdueAge.Current"/>, else its overdue money when it went overdue that
    /// long ago (as <see cref="Tally.Of"/> ages it: overdue money with no date of going overdue is in no bucket).
    /// </summary>
    public static decimal AmountIn(CustomerRecord row, OverdueAge age, DateTimeOffset asOf) =>
        age == OverdueAge.Current ? row.Outstanding - row.Overdue
        : row.Overdue > 0 && row.OverdueSince is { } since && Of(DaysOverdue(since, asOf)) == age ? row.Overdue
        : 0;
}
