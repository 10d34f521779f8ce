namespace Growth.Domain.Journeys;

/// <summary>
/// Whether an event from outside (the ingestion API) could have happened when it says: a date outside the window is
/// a data error (a default date such as 0001-01-01, a typo of the year), refused rather than counted in some period.
/// </summary>
public static class EventPlausibility
{
    /// <summary>Earliest plausible event time: 1990-01-01 UTC (assumed: no CRM history reaches back further).</summary>
    public static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far after the server's now an event may be dated: 1 day (assumed: covers clock skew and time zones).</summary>
    public static readonly TimeSpan FutureAllowance = TimeSpan.FromDays(1);

    /// <summary>Why <paramref name="e"/>'s dates are implausible at <paramref name="now"/> (naming the field and the window); null when they are fine.</summary>
    public static string? Check(JourneyEvent e, DateTimeOffset now)
    {
        var latest = now + FutureAllowance;
        string? Outside(string field, DateTimeOffset at) => at < Earliest || at > latest
            ? $"{field} {at:O} is outside the plausible window {Earliest:yyyy-MM-dd} to {latest:O} (now plus {FutureAllowance.TotalDays:0} day)"
            : null;
        // A due date may lie ahead (payment terms), but not before the window.
        return Outside("at", e.At) ?? (e.DueAt is { } due && due < Earliest ? $"dueAt {due:O} is before {Earliest:yyyy-MM-dd}" : null);
    }
}
