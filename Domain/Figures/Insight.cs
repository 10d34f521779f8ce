using Growth.Domain.Journeys;

namespace Growth.Domain.Figures;

/// <summary>One funnel transition's recent conversion against its own rolling baseline.</summary>
public sealed record StageHealth(
    FunnelStage From, FunnelStage To, double Recent, double Baseline, long RecentEntered, double ZScore, bool Anomaly, DateTimeOffset? Since);

/// <summary>What the insight page shows: every stage's health, the bottleneck, and the anomalies.</summary>
public sealed record InsightFigures(IReadOnlyList<StageHealth> Stages, FunnelStage? Bottleneck, string BottleneckReason);

/// <summary>
/// Compares each stage's conversion over a recent window with the window before it, flags drops that are
/// unlikely to be chance (a z-score on the binomial), and remembers when each anomaly began.
/// </summary>
public sealed class InsightTracker
{
    /// <summary>The recent window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);
    /// <summary>The baseline window, just before the recent one.</summary>
    public TimeSpan BaselineWindow { get; set; } = TimeSpan.FromDays(28);
    /// <summary>How many standard errors below baseline counts as an anomaly.</summary>
    public double Threshold { get; set; } = 2.5;
    /// <summary>Smallest relative drop that counts, however significant: small real drifts are not anomalies.</summary>
    public double MinimumRelativeDrop { get; set; } = 0.15;
    /// <summary>Fewest entries in the recent window to judge at all.</summary>
    public long MinimumEntries { get; set; } = 30;
    /// <summary>When each transition's current anomaly began, by the stage it starts from.</summary>
    public Dictionary<FunnelStage, DateTimeOffset> AnomalySince { get; set; } = [];

    /// <summary>Evaluates the stages at <paramref name="asOf"/>; returns the new figures and anomalies that began now.</summary>
    public (InsightFigures Figures, IReadOnlyList<StageHealth> Began) Evaluate(WorkspaceHistory history, DateTimeOffset asOf)
    {
        var now = history.Points.Count > 0 ? history.Points[^1] : null;
        var recentStart = history.At(asOf - Window);
        var baselineStart = history.At(asOf - Window - BaselineWindow);
        var stages = new List<StageHealth>();
        var began = new List<StageHealth>();
        for (var from = FunnelStage.Lead; from < FunnelStage.Payment; from++)
        {
            var health = Health(from, now, recentStart, baselineStart, asOf);
            if (health.Anomaly && !AnomalySince.ContainsKey(from))
            {
                AnomalySince[from] = asOf;
                began.Add(health with { Since = asOf });
            }
            else if (!health.Anomaly) AnomalySince.Remove(from);
            stages.Add(health with { Since = AnomalySince.TryGetValue(from, out var since) ? since : null });
        }
        var (bottleneck, reason) = Bottleneck(stages);
        return (new InsightFigures(stages, bottleneck, reason), began);
    }

    /// <summary>
    /// The window a stage's health counts entries in, as <see cref="Evaluate"/> reads it at the history's last point:
    /// the recent window (after, until], or the baseline window before it; null without history. A stage's bar is the
    /// entries into the next stage in the window over the entries into the stage itself.
    /// </summary>
    public (DateTimeOffset After, DateTimeOffset Until)? WindowOf(WorkspaceHistory history, bool recent)
    {
        if (history.Points.Count == 0) return null;
        var now = history.Points[^1];
        var recentStart = history.At(now.AsOf - Window)!;
        var baselineStart = history.At(now.AsOf - Window - BaselineWindow)!;
        return recent ? (recentStart.AsOf, now.AsOf) : (baselineStart.AsOf, recentStart.AsOf);
    }

    StageHealth Health(FunnelStage from, HistoryPoint? now, HistoryPoint? recentStart, HistoryPoint? baselineStart, DateTimeOffset asOf)
    {
        var to = from + 1;
        if (now is null || recentStart is null || baselineStart is null) return new StageHealth(from, to, 0, 0, 0, 0, false, null);
        var recentIn = now.Entered[(int)from] - recentStart.Entered[(int)from];
        var recentOut = now.Entered[(int)to] - recentStart.Entered[(int)to];
        var baseIn = recentStart.Entered[(int)from] - baselineStart.Entered[(int)from];
        var baseOut = recentStart.Entered[(int)to] - baselineStart.Entered[(int)to];
        var recent = Ratio(recentOut, recentIn);
        var baseline = Ratio(baseOut, baseIn);
        // Two-proportion z-test with the pooled rate: both windows are samples.
        var pooled = Ratio(recentOut + baseOut, recentIn + baseIn);
        var se = Math.Sqrt(Math.Max(pooled * (1 - pooled), 1e-4) * (1.0 / Math.Max(1, recentIn) + 1.0 / Math.Max(1, baseIn)));
        var z = (recent - baseline) / se;
        var judged = recentIn >= MinimumEntries && baseIn >= MinimumEntries && recentStart.AsOf > baselineStart.AsOf;
        var anomaly = judged && z < -Threshold && recent < baseline * (1 - MinimumRelativeDrop);
        return new StageHealth(from, to, recent, baseline, recentIn, judged ? z : 0, anomaly, null);
    }

    static (FunnelStage?, string) Bottleneck(List<StageHealth> stages)
    {
        var worst = stages.Where(s => s.Anomaly).OrderBy(s => s.ZScore).FirstOrDefault();
        if (worst is not null)
            return (worst.From, $"{worst.From} → {worst.To} converts {worst.Recent:P0} against a baseline of {worst.Baseline:P0}");
        var judged = stages.Where(s => s.RecentEntered > 0).ToList();
        if (judged.Count == 0) return (null, "not enough data yet");
        // No anomaly: the bottleneck is where the most journeys are lost relative to what enters.
        var lowest = judged.OrderBy(s => s.Recent).First();
        return (lowest.From, $"{lowest.From} → {lowest.To} has the lowest conversion ({lowest.Recent:P0})");
    }

    static double Ratio(double part, double whole) => whole <= 0 ? 0 : Math.Min(1, part / whole);
}
