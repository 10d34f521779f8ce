using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Grains.Figures;

[GenerateSerializer]
public sealed class StatisticsRecord
{
    [Id(0)] public bool Known { get; set; }
    [Id(1)] public WorkspaceFigures Figures { get; set; } = new();
    [Id(3)] public DateTimeOffset? AsOf { get; set; }
    [Id(4)] public long Version { get; set; }
    [Id(5)] public WorkspaceHistory History { get; set; } = new();
    [Id(6)] public PeriodBaseline Baseline { get; set; } = new();
    [Id(7)] public InsightTracker Insight { get; set; } = new();
    [Id(8)] public List<DealOutcome> RecentLosses { get; set; } = [];
    [Id(9)] public List<NotableEvent> Notables { get; set; } = [];
    [Id(10)] public long HistoryVersion { get; set; }
    [Id(11)] public ClockStatus? Clock { get; set; }
    [Id(12)] public InsightFigures? LastInsight { get; set; }
    /// <summary>Campaign touches and spend (not from journeys), kept apart so the rest can be recounted from the journeys.</summary>
    [Id(13)] public WorkspaceFigures Activity { get; set; } = new();
    /// <summary>Setup versions a running simulation took up, oldest first (the last <see cref="WorkspaceStatisticsGrain.SetupMarkLimit"/>).</summary>
    [Id(14)] public List<SetupMark> SetupMarks { get; set; } = [];
    [Id(15)] public MoneyStyle Money { get; set; } = MoneyStyle.Default;
    /// <summary>Month (1..12) the workspace's fiscal year starts in (its setup's); targets are per fiscal quarter.</summary>
    [Id(16)] public int FiscalYearStartMonth { get; set; } = 1;
    /// <summary>
    /// The figures are an imported history's, placed at its events' times: <see cref="AsOf"/> is the history's now
    /// (its last event, or a date picked at import) rather than the clock, and what the export lacks is unknown.
    /// </summary>
    [Id(17)] public bool FromHistory { get; set; }
    /// <summary>The company's time zone (its setup's): the quarter and every period start at local midnight there.</summary>
    [Id(18)] public string TimeZone { get; set; } = "UTC";
    /// <summary>
    /// Each team's returns to the lead pool at the last history point (<see cref="PoolBreaches"/>); null until the first
    /// point after this was added (or after an imported history), which only takes the counts.
    /// </summary>
    [Id(205)] public Dictionary<string, long>? PoolReturnsSeen { get; set; }
}
