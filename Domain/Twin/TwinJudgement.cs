namespace Growth.Domain.Twin;

/// <summary>Where a live figure stands against the twin's range.</summary>
public enum TwinVerdict
{
    /// <summary>Within the twin's P5–P95 range (edges included).</summary>
    Inside,
    /// <summary>Above the twin's P95.</summary>
    Above,
    /// <summary>Below the twin's P5.</summary>
    Below,
}

/// <summary>One series judged: the live count since the twin's start against the twin's range on the same day.</summary>
/// <param name="Live">Entries since the twin's start in the live workspace.</param>
/// <param name="Low">The twin's P5 on that day.</param>
/// <param name="High">The twin's P95 on that day.</param>
/// <param name="Expected">The twin's mean on that day.</param>
/// <param name="Beyond">How far outside the range: live − P95 above, live − P5 below (negative), 0 inside.</param>
/// <param name="Z">(live − mean) / standard deviation of the runs; 0 when the runs did not vary and live is the same, null when they did not vary and live differs (outside every run).</param>
public sealed record TwinFlag(TwinScope Scope, string Id, string Name, TwinStep Step, long Live, double Low, double High,
    double Expected, TwinVerdict Verdict, double Beyond, double? Z);

/// <summary>The live workspace judged against its twin on one day.</summary>
/// <param name="Day">Whole days since the twin's start the judgement is made on (1 = the end of the first day).</param>
/// <param name="Rows">Every series, inside the range or not.</param>
/// <param name="BeyondHorizon">True when more days passed than the twin ran: the twin's last day is used.</param>
public sealed record TwinJudgement(int Day, IReadOnlyList<TwinFlag> Rows, bool BeyondHorizon)
{
    /// <summary>The series outside the twin's range, the most unusual first.</summary>
    public IReadOnlyList<TwinFlag> Flags => Rows.Where(r => r.Verdict != TwinVerdict.Inside)
        .OrderByDescending(r => r.Z is { } z ? Math.Abs(z) : double.PositiveInfinity).ThenBy(r => r.Scope).ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Step).ToList();

    /// <summary>
    /// Share of series a twin identical to the live workspace flags by chance on any one day: P5–P95 leaves 5 % out on
    /// each side. Counts are whole numbers, so a series is flagged only when strictly outside, at most this often.
    /// </summary>
    public const double ExpectedFalseFlagRate = 0.10;
}

/// <summary>
/// Judges cumulative live counts since the twin's start against the twin's range on the same day. Cumulative, not
/// daily: a day's count of a step is small and mostly noise (a team may qualify 0 or 3 leads a day by chance), while
/// the count since the start sums the days, so a shift in a rate builds up and leaves a range that the runs' own
/// spread sets: the twin's runs are sums over the same days, drawn the same way, so P5–P95 of the cumulative count is
/// the range a workspace that runs as the twin does stays in 90 % of the time on that day.
/// </summary>
public static class TwinJudge
{
    /// <summary>Where <paramref name="live"/> stands against [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static TwinVerdict Verdict(double live, double low, double high) =>
        live > high ? TwinVerdict.Above : live < low ? TwinVerdict.Below : TwinVerdict.Inside;

    /// <summary>(live − mean) / sd, rounded to 0.01; with no spread, 0 if equal and null (outside every run) otherwise.</summary>
    public static double? Z(double live, double mean, double sd) =>
        sd > 0 ? Math.Round((live - mean) / sd, 2) : live == mean ? 0 : null;

    /// <summary>Judges one series on day <paramref name="day"/> (1-based; past the twin's horizon its last day).</summary>
    public static TwinFlag Judge(TwinSeries series, int day, long live)
    {
        if (day < 1) throw new ArgumentOutOfRangeException(nameof(day), day, "day must be 1 or more (the end of the twin's first day)");
        var i = Math.Min(day, series.P5.Length) - 1;
        double low = series.P5[i], high = series.P95[i], mean = series.Mean[i];
        var verdict = Verdict(live, low, high);
        var beyond = verdict switch { TwinVerdict.Above => live - high, TwinVerdict.Below => live - low, _ => 0 };
        return new TwinFlag(series.Scope, series.Id, series.Name, series.Step, live, low, high, mean, verdict, beyond, Z(live, mean, series.Sd[i]));
    }

    /// <summary>
    /// Judges every series of <paramref name="bands"/> with a live count on day <paramref name="day"/>;
    /// <paramref name="live"/> holds the counts since the start keyed by <see cref="TwinCounts.Key"/>. Series the
    /// live workspace has no count for (a team since removed) are left out.
    /// </summary>
    public static TwinJudgement Judge(TwinBands bands, int day, IReadOnlyDictionary<string, long> live)
    {
        var rows = bands.Series
            .Where(s => live.ContainsKey(TwinCounts.Key(s.Scope, s.Id, s.Step)))
            .Select(s => Judge(s, day, live[TwinCounts.Key(s.Scope, s.Id, s.Step)])).ToList();
        return new TwinJudgement(day, rows, day > bands.Days);
    }
}
