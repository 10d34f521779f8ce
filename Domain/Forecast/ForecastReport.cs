using Growth.Domain.Setup;

namespace Growth.Domain.Forecast;

/// <summary>Which level of the organisation a forecast row is.</summary>
public enum ForecastLevel { Company, Region, Team, Rep }

/// <summary>
/// One row of the forecast for the period, amounts in the company currency. Closed, commit, best case, pipeline and
/// weighted are sums over the row's deals, so every row is exactly the sum of the rows under it.
/// </summary>
/// <param name="Closed">Deals won in the period.</param>
/// <param name="Commit">Open Commit deals expected to close in the period (likewise BestCase, Pipeline).</param>
/// <param name="Weighted">Σ amount × P(win | step, age) over the open deals expected in the period.</param>
/// <param name="RepsCall">Closed + commit: what the reps call.</param>
/// <param name="ModelCall">Closed + weighted: what the learned model calls.</param>
/// <param name="ManagerCall">The manager's own call for the row (teams, regions, company), if one was made.</param>
/// <param name="Coverage">Open pipeline expected in the period ÷ (target − closed); null when there is no target or it is met.</param>
/// <param name="TargetMet">Closed has reached a positive target.</param>
/// <param name="Velocity">Open deals × win rate × average won deal ÷ average cycle days: money per day; null before any deal closed.</param>
public sealed record ForecastRow(
    ForecastLevel Level, string Id, string? ParentId, string Name, decimal Target, decimal Closed, decimal Commit, decimal BestCase,
    decimal Pipeline, decimal Weighted, decimal RepsCall, decimal ModelCall, decimal? ManagerCall, double? Coverage, bool TargetMet,
    double? Velocity, int OpenDeals, int Won, int Lost);

/// <summary>The forecast of one fiscal period as of one instant: the rows (company, regions, teams, reps) and the open deals.</summary>
public sealed record ForecastReport
{
    public required FiscalPeriod Period { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    /// <summary>Company first, then each region followed by its teams, each team by its reps.</summary>
    public required IReadOnlyList<ForecastRow> Rows { get; init; }
    /// <summary>Every open deal (any expected close date), soonest expected close first.</summary>
    public required IReadOnlyList<Deal> OpenDeals { get; init; }
    /// <summary>Closed deals the step weights were learned from, and their overall win rate.</summary>
    public int LearnedFrom { get; init; }
    public double OverallWinRate { get; init; }

    /// <summary>Rep id → name, from the rep rows.</summary>
    public IReadOnlyDictionary<string, string> RepNames() =>
        Rows.Where(r => r.Level == ForecastLevel.Rep).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
}

/// <summary>A manager's own call for a team, region or the company in one period.</summary>
public sealed record ManagerCall(string Period, string ScopeId, decimal Amount, string By, DateTimeOffset At);
