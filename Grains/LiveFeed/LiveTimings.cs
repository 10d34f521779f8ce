namespace Growth.Grains.LiveFeed;

/// <summary>
/// The live path's two batching periods (configuration <c>Live:RefreshMilliseconds</c>, <c>Live:FlushMilliseconds</c>).
/// Each workspace's statistics grain drains its shards and rebuilds the snapshot every <see cref="Refresh"/>, one call
/// per shard whatever the event rate (the GPSTracker-style batching that keeps it from being a hot grain); a silo's
/// notifier sends what it holds to the web hosts at once when it has sent nothing for <see cref="Flush"/>, else at its
/// next tick, so a quiet feed waits for nobody and a busy one sends at most about two batches a period.
/// An event waits for at most one refresh before it is on its way to the browsers, so the refresh is the latency's
/// bound: at 150 ms the ingest-to-browser p99 is under 250 ms (benchmark <c>latency</c>, README Performance); each
/// refresh that finds changes is one update to every viewer (Blazor pages keep one in flight and one waiting).
/// </summary>
public sealed record LiveTimings(TimeSpan Refresh, TimeSpan Flush)
{
    public const string RefreshKey = "Live:RefreshMilliseconds";
    public const string FlushKey = "Live:FlushMilliseconds";
    /// <summary>The smallest and largest period either setting takes, in milliseconds.</summary>
    public const int Least = 20, Most = 10_000;

    /// <summary>150 ms refresh (assumed: the ingest-to-browser p99 target of 250 ms less about 70 ms of work at
    /// p99, measured), 100 ms flush (assumed: at most ten sends a second per silo to each web host).</summary>
    public static readonly LiveTimings Default = new(TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(100));

    /// <summary>The periods from milliseconds as configured (null: the default), refused outside 20–10,000 naming the key.</summary>
    public static LiveTimings From(string? refreshMilliseconds, string? flushMilliseconds) =>
        new(Period(RefreshKey, refreshMilliseconds, Default.Refresh), Period(FlushKey, flushMilliseconds, Default.Flush));

    static TimeSpan Period(string key, string? text, TimeSpan fallback) =>
        text is null ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms is >= Least and <= Most
            ? TimeSpan.FromMilliseconds(ms)
            : throw new InvalidOperationException($"{key} '{text}' is not a whole number of milliseconds between {Least} and {Most}");
}
