using Growth.Domain.Setup;

namespace Growth.Domain.Forecast;

/// <summary>The ways the company's revenue for a period is forecast, compared with each other once the period closes.</summary>
public enum ForecastMethod
{
    /// <summary>Closed so far + the won revenue of the last 14 days per day × the days left (the Overview's projection).</summary>
    RunRate,
    /// <summary>Closed + Σ open deals in the period × P(win | step, age): the model's call.</summary>
    WeightedPipeline,
    /// <summary>Closed + commit: what the reps call.</summary>
    RepsCall,
    /// <summary>The median (P50) of the Monte Carlo forecast of the period's end.</summary>
    MonteCarlo,
}

/// <summary>
/// The company's forecast of one period taken in one week of it, by every method (company currency). A week is
/// counted from the period's start: week 1 is its first 7 days.
/// </summary>
/// <param name="TakenAt">The workspace's time when it was taken (the first read of the forecast in that week).</param>
/// <param name="Closed">Won in the period when it was taken.</param>
/// <param name="MonteCarlo">The Monte Carlo P50; null when it was not run.</param>
public sealed record WeeklyForecast(string Period, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, int Week, DateTimeOffset TakenAt,
    decimal Closed, decimal RunRate, decimal WeightedPipeline, decimal RepsCall, decimal? MonteCarlo)
{
    /// <summary>The forecast of <paramref name="method"/> (null: not taken).</summary>
    public decimal? Of(ForecastMethod method) => method switch
    {
        ForecastMethod.RunRate => RunRate,
        ForecastMethod.WeightedPipeline => WeightedPipeline,
        ForecastMethod.RepsCall => RepsCall,
        _ => MonteCarlo,
    };
}

/// <summary>What a closed period actually brought: the revenue won in it (the forecast's Closed at its end).</summary>
public sealed record PeriodActual(string Period, DateTimeOffset Start, DateTimeOffset End, decimal Won);

/// <summary>The weekly forecasts and actuals kept for a workspace (pure rules: which week, when a snapshot is due, what is kept).</summary>
public static class ForecastWeeks
{
    /// <summary>Days in a forecast week.</summary>
    public const int WeekDays = 7;
    /// <summary>Weekly forecasts kept per workspace: 8 years of 13-week quarters; the oldest go first. Assumed.</summary>
    public const int MaxWeeks = 8 * 4 * 14;
    /// <summary>Closed periods kept per workspace. Assumed (as many as <see cref="MaxWeeks"/> covers).</summary>
    public const int MaxActuals = 8 * 4;

    /// <summary>The 1-based week of <paramref name="period"/> holding <paramref name="at"/>.</summary>
    public static int WeekOf(FiscalPeriod period, DateTimeOffset at) =>
        Math.Max(1, (int)Math.Floor((at - period.Start).TotalDays / WeekDays) + 1);

    /// <summary>Weeks in <paramref name="period"/> (a last short week counts).</summary>
    public static int WeeksIn(DateTimeOffset start, DateTimeOffset end) => (int)Math.Ceiling((end - start).TotalDays / WeekDays);

    /// <summary>Whether <paramref name="kept"/> lacks the forecast of the week of <paramref name="period"/> holding <paramref name="asOf"/>.</summary>
    public static bool Due(IEnumerable<WeeklyForecast> kept, FiscalPeriod period, DateTimeOffset asOf) =>
        asOf >= period.Start && asOf < period.End && !kept.Any(w => w.Period == period.Name && w.Week == WeekOf(period, asOf));

    /// <summary>
    /// <paramref name="kept"/> with <paramref name="taken"/> added when its week has none yet (the first forecast of
    /// a week is the week's: later reads in the same week change nothing), oldest first, at most <see cref="MaxWeeks"/>.
    /// </summary>
    public static List<WeeklyForecast> Keep(IEnumerable<WeeklyForecast> kept, WeeklyForecast taken)
    {
        var list = kept.ToList();
        if (list.Any(w => w.Period == taken.Period && w.Week == taken.Week)) return list;
        list.Add(taken);
        list.Sort((a, b) => a.TakenAt.CompareTo(b.TakenAt));
        if (list.Count > MaxWeeks) list.RemoveRange(0, list.Count - MaxWeeks);
        return list;
    }

    /// <summary>
    /// The periods of <paramref name="weeks"/> that have ended by <paramref name="asOf"/> and have no actual in
    /// <paramref name="actuals"/> yet: their actuals are due (from the deals won in them).
    /// </summary>
    public static IReadOnlyList<FiscalPeriod> ActualsDue(IEnumerable<WeeklyForecast> weeks, IEnumerable<PeriodActual> actuals, DateTimeOffset asOf)
    {
        var known = actuals.Select(a => a.Period).ToHashSet(StringComparer.Ordinal);
        return weeks.Where(w => w.PeriodEnd <= asOf && !known.Contains(w.Period))
            .GroupBy(w => w.Period).Select(g => new FiscalPeriod(g.Key, g.First().PeriodStart, g.First().PeriodEnd)).ToList();
    }

    /// <summary>Revenue won in <paramref name="period"/> by <paramref name="deals"/>.</summary>
    public static decimal Won(IEnumerable<Deal> deals, FiscalPeriod period) =>
        deals.Where(d => d.IsWon && d.ClosedAt is { } c && c >= period.Start && c < period.End).Sum(d => d.Amount);

    /// <summary>
    /// The run-rate forecast: won in the period so far + the revenue won over the last <paramref name="days"/> days
    /// (within the period) per day × the days left. Before a whole day of the period has passed, closed so far.
    /// </summary>
    public static decimal RunRate(IEnumerable<Deal> deals, FiscalPeriod period, DateTimeOffset asOf, int days = Figures.TargetPeriods.RunRateDays)
    {
        var won = deals.Where(d => d.IsWon && d.ClosedAt is { } c && c >= period.Start && c < period.End && c <= asOf).ToList();
        var closed = won.Sum(d => d.Amount);
        var from = asOf.AddDays(-days) > period.Start ? asOf.AddDays(-days) : period.Start;
        var span = (asOf - from).TotalDays;
        if (span < 1) return closed;
        var rate = won.Where(d => d.ClosedAt >= from).Sum(d => d.Amount) / (decimal)span;
        var left = (decimal)Math.Max(0, (period.End - asOf).TotalDays);
        return Math.Round(closed + rate * left, 2);
    }

    /// <summary>The week's forecast from a company report (its first row), the deals it was built from and the Monte Carlo P50 (if run).</summary>
    public static WeeklyForecast From(ForecastReport report, IEnumerable<Deal> deals, decimal? monteCarloP50)
    {
        var company = report.Rows.FirstOrDefault(r => r.Level == ForecastLevel.Company)
            ?? throw new ArgumentException("the report has no company row (a cut report cannot be kept)", nameof(report));
        return new WeeklyForecast(report.Period.Name, report.Period.Start, report.Period.End, WeekOf(report.Period, report.AsOf), report.AsOf,
            company.Closed, RunRate(deals, report.Period, report.AsOf), company.ModelCall, company.RepsCall, monteCarloP50);
    }
}
