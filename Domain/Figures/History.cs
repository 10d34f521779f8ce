using Growth.Domain.Journeys;

namespace Growth.Domain.Figures;

/// <summary>A campaign's cumulative figures at one point in time.</summary>
public sealed record CampaignPoint(decimal Spend, long Leads, long EffectiveLeads, decimal Revenue);

/// <summary>The workspace's cumulative figures at one point in time.</summary>
public sealed record HistoryPoint
{
    public required DateTimeOffset AsOf { get; init; }
    public required RevenueFigures Revenue { get; init; }
    public long Won { get; init; }
    public decimal WonValue { get; init; }
    /// <summary>Wins whose value is not known (in <see cref="Won"/>, not in <see cref="WonValue"/>).</summary>
    public long WonValueUnknown { get; init; }
    public long Lost { get; init; }
    public long Leads { get; init; }
    public decimal Spend { get; init; }
    public decimal Collected { get; init; }
    public decimal Overdue { get; init; }
    /// <summary>Journeys that have entered each funnel stage, indexed by <see cref="FunnelStage"/>.</summary>
    public required long[] Entered { get; init; }
    public required IReadOnlyDictionary<string, CampaignPoint> Campaigns { get; init; }

    public static HistoryPoint Of(DateTimeOffset asOf, WorkspaceFigures f) => new()
    {
        AsOf = asOf,
        Revenue = RevenueFormula.From(f.Total),
        Won = f.Total[Count.Won],
        WonValue = f.Total[Money.WonValue],
        WonValueUnknown = f.Total[Count.WonValueUnknown],
        Lost = f.Total[Count.Lost],
        Leads = f.Total[Count.Leads],
        Spend = f.Total[Money.Spend],
        Collected = f.Total[Money.Collected],
        Overdue = f.Total[Money.Overdue],
        Entered = Enum.GetValues<FunnelStage>().Select(s => f.Total[Tally.Entered(s)]).ToArray(),
        Campaigns = f.Campaigns.ToDictionary(c => c.Key, c => new CampaignPoint(c.Value[Money.Spend], c.Value[Count.Leads], c.Value[Count.EffectiveLeads], c.Value[Money.Revenue])),
    };
}

/// <summary>
/// Cumulative figures over time, one point per interval (a simulated day by default), bounded: when full,
/// every other older point is dropped so the whole span stays covered at a coarser grain.
/// </summary>
public sealed class WorkspaceHistory
{
    public const int Capacity = 720;
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
    public List<HistoryPoint> Points { get; set; } = [];

    /// <summary>True if a point is due at <paramref name="asOf"/>: none yet, or an interval since the last.</summary>
    public bool IsDue(DateTimeOffset asOf) => Points.Count == 0 || asOf - Points[^1].AsOf >= Interval;

    /// <summary>Adds a point if at least an interval passed since the last one (or <paramref name="evenIfEarly"/>); true if it did.</summary>
    public bool Record(DateTimeOffset asOf, WorkspaceFigures figures, bool evenIfEarly = false)
    {
        if (!evenIfEarly && !IsDue(asOf)) return false;
        Points.Add(HistoryPoint.Of(asOf, figures));
        if (Points.Count > Capacity)
        {
            var kept = new List<HistoryPoint>(Capacity);
            for (var i = 0; i < Points.Count; i++)
                if (i % 2 == 0 || i >= Points.Count - Capacity / 4) kept.Add(Points[i]);
            Points = kept;
        }
        return true;
    }

    /// <summary>The latest point at or before <paramref name="at"/>, or the first point.</summary>
    public HistoryPoint? At(DateTimeOffset at)
    {
        HistoryPoint? found = null;
        foreach (var p in Points)
        {
            if (p.AsOf > at) break;
            found = p;
        }
        return found ?? (Points.Count > 0 ? Points[0] : null);
    }
}
