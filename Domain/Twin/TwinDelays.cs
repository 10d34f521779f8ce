using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Domain.Twin;

/// <summary>
/// The twin's mean delays fitted from the workspace's own figures by Little's law: journeys waiting in a stage now =
/// entries per day × mean days waited, so mean days = waiting now ÷ entries per day over the last
/// <see cref="TwinCalibration.FlowWindowDays"/> days of the daily history. The figures hold no per-journey times, but
/// they hold both sides of that identity, and they are exactly what the twin's geometric delay (a daily hazard of
/// 1 − e^(−1/mean)) must reproduce: with the fitted mean, the twin drains today's waiting journeys at today's live rate.
/// Too few entries over the window (fewer than <see cref="TwinCalibration.MinimumCount"/>), or fewer than
/// <see cref="MinimumWindowDays"/> days of history, keep the assumed default.
/// </summary>
public static class TwinDelays
{
    /// <summary>Days of history a delay is fitted from at least. Assumed: a week, so weekdays and weekends both count.</summary>
    public const int MinimumWindowDays = 7;
    /// <summary>Shortest mean delay the twin accepts, in days. Assumed: decisions within the day.</summary>
    public const double ShortestDays = 0.5;
    /// <summary>Longest mean delay the twin accepts, in days. Assumed: half a year; longer waits are journeys left lying.</summary>
    public const double LongestDays = 180;

    /// <summary>Fits the mean days journeys wait in <paramref name="entering"/> (and what follows it up to the next decision), or keeps <paramref name="assumed"/>.</summary>
    /// <param name="waiting">Journeys waiting for the decision now.</param>
    /// <param name="entering">The stage whose entries feed the waiting journeys.</param>
    public static double Fit(List<TwinParameter> parameters, string name, long waiting, IReadOnlyList<HistoryPoint> history, FunnelStage entering, double assumed)
    {
        var (entries, days) = Entries(history, entering);
        if (days < MinimumWindowDays || entries < TwinCalibration.MinimumCount)
        {
            parameters.Add(new TwinParameter(name, "company", assumed, "days", false,
                $"assumed: only {entries:0} entries over {days:0.#} days of history (fitted from {TwinCalibration.MinimumCount} over {MinimumWindowDays} days)"));
            return assumed;
        }
        var mean = Math.Clamp(waiting / (entries / days), ShortestDays, LongestDays);
        parameters.Add(new TwinParameter(name, "company", Math.Round(mean, 1), "days", true,
            $"Little's law: {waiting} waiting now ÷ {entries / days:0.##} entries a day over the last {days:0.#} days"));
        return mean;
    }

    /// <summary>Entries into <paramref name="stage"/> over the last <see cref="TwinCalibration.FlowWindowDays"/> days of history, and the days they span.</summary>
    static (double Entries, double Days) Entries(IReadOnlyList<HistoryPoint> history, FunnelStage stage)
    {
        if (history.Count < 2) return (0, 0);
        var last = history[^1];
        var first = history.LastOrDefault(p => p.AsOf <= last.AsOf.AddDays(-TwinCalibration.FlowWindowDays)) ?? history[0];
        long At(HistoryPoint p) => p.Entered.Length > (int)stage ? p.Entered[(int)stage] : 0;
        return (Math.Max(0, At(last) - At(first)), (last.AsOf - first.AsOf).TotalDays);
    }
}
