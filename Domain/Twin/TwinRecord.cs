using Growth.Domain.Figures;

namespace Growth.Domain.Twin;

/// <summary>
/// A started twin: when and by whom, how it ran, its parameters, its bands and the live counts at its start (the
/// counts since the start are measured from them).
/// </summary>
public sealed record TwinRecord
{
    /// <summary>The workspace's time at the start (its figures' as-of); day 1 of the twin ends a day later.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    public required string StartedBy { get; init; }
    public required TwinRun Run { get; init; }
    public required TwinModel Model { get; init; }
    public required TwinBands Bands { get; init; }
    /// <summary>The live cumulative counts at the start, keyed by <see cref="TwinCounts.Key"/>.</summary>
    public required IReadOnlyDictionary<string, long> Baseline { get; init; }
    /// <summary>The twin's number in its workspace (1 for the first started), set when it is kept.</summary>
    public int Version { get; init; }

    /// <summary>Fits, runs and records a twin of the workspace whose figures are <paramref name="now"/>.</summary>
    public static TwinRecord Start(WorkspaceSnapshot now, IReadOnlyList<HistoryPoint> history, TwinRun run, string by)
    {
        var model = TwinCalibration.Fit(now, history);
        return new TwinRecord
        {
            StartedAt = now.AsOf, StartedBy = by, Run = run, Model = model,
            Bands = TwinSimulation.Run(model, run),
            Baseline = TwinCounts.Of(now),
        };
    }

    /// <summary>Whole days from the start to <paramref name="asOf"/>.</summary>
    public int DaysAt(DateTimeOffset asOf) => (int)Math.Floor((asOf - StartedAt).TotalDays);

    /// <summary>The workspace at <paramref name="now"/> judged against the twin; null before the first whole day has passed.</summary>
    public TwinJudgement? Judge(WorkspaceSnapshot now)
    {
        var day = DaysAt(now.AsOf);
        return day < 1 ? null : TwinJudge.Judge(Bands, day, TwinCounts.Since(TwinCounts.Of(now), Baseline));
    }
}
