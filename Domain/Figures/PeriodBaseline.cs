using Growth.Domain.Journeys;

namespace Growth.Domain.Figures;

/// <summary>Cumulative revenue of the workspace and of every group when the current quarter began.</summary>
public sealed class PeriodBaseline
{
    public const string TotalKey = "total";
    public DateTimeOffset? Start { get; set; }
    public Dictionary<string, decimal> Revenue { get; set; } = [];

    public static string Key(string kind, string id) => $"{kind}:{id}";

    /// <summary>Starts a new period when <paramref name="asOf"/> crossed into one; the first period starts from zero.</summary>
    public void Roll(DateTimeOffset asOf, WorkspaceFigures f, int fiscalYearStartMonth = 1, string? timeZone = null)
    {
        var start = TargetPeriods.QuarterStart(asOf, fiscalYearStartMonth, timeZone);
        if (Start == start) return;
        var first = Start is null;
        Start = start;
        Revenue.Clear();
        if (first) return;
        Revenue[TotalKey] = f.Total[Money.Revenue];
        foreach (var (kind, groups) in new[] { ("region", f.Regions), ("team", f.Teams), ("rep", f.Reps) })
            foreach (var (id, t) in groups) Revenue[Key(kind, id)] = t[Money.Revenue];
    }

    public decimal At(string key) => Revenue.GetValueOrDefault(key);
}

/// <summary>Everything besides the running figures that a snapshot shows.</summary>
public sealed record SnapshotExtras
{
    public PeriodBaseline? Baseline { get; init; }
    public WorkspaceHistory? History { get; init; }
    public InsightFigures? Insight { get; init; }
    public IReadOnlyList<DealOutcome> RecentLosses { get; init; } = [];
    public IReadOnlyList<NotableEvent> Notables { get; init; } = [];
    public long HistoryVersion { get; init; }
    public ClockStatus? Clock { get; init; }
    /// <summary>Month (1..12) the workspace's fiscal year starts in: the period's quarter is a fiscal quarter.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;
    /// <summary>The company's time zone (its setup's IANA id): days, quarters and periods are counted in it.</summary>
    public string TimeZone { get; init; } = "UTC";
    /// <summary>Setup versions a running simulation took up, oldest first.</summary>
    public IReadOnlyList<SetupMark> SetupMarks { get; init; } = [];
    public MoneyStyle Money { get; init; } = MoneyStyle.Default;
    /// <summary>The figures are an imported history's, placed at its events' times (see <see cref="WorkspaceSnapshot.FromHistory"/>).</summary>
    public bool FromHistory { get; init; }
}
