namespace Growth.Domain.Forecast;

/// <summary>One method's forecast in one week against the period's actual.</summary>
/// <param name="Error">Forecast − actual (positive: forecast too high).</param>
/// <param name="PercentError">Error ÷ actual; null when the actual is 0 (no percentage of nothing).</param>
public sealed record AccuracyCell(ForecastMethod Method, decimal? Forecast, decimal? Error, double? PercentError);

/// <summary>Every method's forecast of a closed period as taken in one of its weeks, against what the period brought.</summary>
public sealed record AccuracyWeek(string Period, int Week, DateTimeOffset TakenAt, decimal Actual, IReadOnlyList<AccuracyCell> Cells)
{
    public AccuracyCell Cell(ForecastMethod method) => Cells.First(c => c.Method == method);
}

/// <summary>
/// A method's accuracy over the forecasts of one bucket of weeks (or every week): mean absolute percentage error and
/// bias (mean signed percentage error: positive over-forecasts), over <paramref name="Count"/> forecasts.
/// </summary>
public sealed record MethodAccuracy(ForecastMethod Method, string Bucket, int Count, double? Mape, double? Bias);

/// <summary>Forecast against actual for every kept week of every closed period, and each method's error and bias.</summary>
public sealed record AccuracyReport(IReadOnlyList<PeriodActual> Periods, IReadOnlyList<AccuracyWeek> Weeks,
    IReadOnlyList<MethodAccuracy> Overall, IReadOnlyList<MethodAccuracy> ByBucket);

/// <summary>Forecast accuracy (pure): error, percentage error, MAPE and bias per method, overall and per week-of-period bucket.</summary>
public static class ForecastAccuracy
{
    /// <summary>The bucket of every week together.</summary>
    public const string AllWeeks = "all";

    /// <summary>
    /// Week-of-period buckets: a quarter's first month (weeks 1–4), second (5–8) and last (9 on). Assumed: the
    /// months a quarterly review looks at.
    /// </summary>
    public static readonly (string Name, int From, int To)[] Buckets = [("1-4", 1, 4), ("5-8", 5, 8), ("9+", 9, int.MaxValue)];

    public static readonly ForecastMethod[] Methods = Enum.GetValues<ForecastMethod>();

    /// <summary>The bucket of week <paramref name="week"/>.</summary>
    public static string BucketOf(int week) => Buckets.First(b => week >= b.From && week <= b.To).Name;

    /// <summary>The accuracy of every kept week whose period has an actual; weeks of open periods are left out.</summary>
    public static AccuracyReport Of(IEnumerable<WeeklyForecast> weeks, IEnumerable<PeriodActual> actuals)
    {
        var actual = actuals.GroupBy(a => a.Period).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = weeks.Where(w => actual.ContainsKey(w.Period))
            .OrderBy(w => w.PeriodStart).ThenBy(w => w.Week)
            .Select(w => Row(w, actual[w.Period].Won)).ToList();
        var overall = Methods.Select(m => Summary(m, AllWeeks, rows)).ToList();
        var byBucket = Buckets.SelectMany(b => Methods.Select(m => Summary(m, b.Name, rows.Where(r => r.Week >= b.From && r.Week <= b.To)))).ToList();
        var periods = actual.Values.Where(a => rows.Any(r => r.Period == a.Period)).OrderBy(a => a.Start).ToList();
        return new AccuracyReport(periods, rows, overall, byBucket);
    }

    /// <summary>One week's cells: each method's forecast, error and percentage error against <paramref name="actual"/>.</summary>
    public static AccuracyWeek Row(WeeklyForecast week, decimal actual) =>
        new(week.Period, week.Week, week.TakenAt, actual, Methods.Select(m => Cell(m, week.Of(m), actual)).ToList());

    public static AccuracyCell Cell(ForecastMethod method, decimal? forecast, decimal actual)
    {
        if (forecast is not { } f) return new AccuracyCell(method, null, null, null);
        var error = f - actual;
        return new AccuracyCell(method, f, error, actual == 0 ? null : (double)(error / actual));
    }

    /// <summary>MAPE and bias of <paramref name="method"/> over the rows' percentage errors (null when there is none).</summary>
    public static MethodAccuracy Summary(ForecastMethod method, string bucket, IEnumerable<AccuracyWeek> rows)
    {
        var errors = rows.Select(r => r.Cell(method).PercentError).OfType<double>().ToList();
        return errors.Count == 0
            ? new MethodAccuracy(method, bucket, 0, null, null)
            : new MethodAccuracy(method, bucket, errors.Count, errors.Average(Math.Abs), errors.Average());
    }
}
