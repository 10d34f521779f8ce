using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>
/// When in the day, week and year leads arrive: more in the company's working time than outside it, and more in some
/// months than in others. Every weight has a mean of 1 over a year, so the seasonality moves leads in time without
/// changing how many a campaign brings over a year.
/// </summary>
public sealed record LeadArrival
{
    /// <summary>False: leads arrive evenly over every hour (the model before seasonality).</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>IANA or Windows time zone the working time is counted in (the setup's company time zone).</summary>
    public string TimeZone { get; init; } = "UTC";
    /// <summary>Days leads arrive at the working-time rate (the setup's working days).</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    /// <summary>Start and end of the working day, local hours (the setup's workday, 09:00 to 18:00 by default).</summary>
    public double WorkdayStartHour { get; init; } = 9;
    public double WorkdayEndHour { get; init; } = 18;
    /// <summary>Share of leads that arrive in working time, 0..1 (assumed: 0.8; 45 of a week's 168 hours are working time).</summary>
    public double WorkingTimeShare { get; init; } = 0.8;
    /// <summary>Relative lead volume by weekday, Sunday first (assumed: no effect beyond working days).</summary>
    public IReadOnlyList<double> WeekdayWeights { get; init; } = [1, 1, 1, 1, 1, 1, 1];
    /// <summary>
    /// Relative lead volume by month, January first (assumed: flat; no source gives a month profile that holds across
    /// kinds of company, so a setup or an import sets one).
    /// </summary>
    public IReadOnlyList<double> MonthWeights { get; init; } = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    public static LeadArrival Default { get; } = new();

    /// <summary>Relative arrival rate at <paramref name="at"/> (1 = the yearly mean).</summary>
    public double Weight(DateTimeOffset at) => Enabled ? Weight(Local(at, Zone())) : 1;

    /// <summary>Mean rate over [from, to), hour by hour (the weight at each hour's middle, partial hours by their length).</summary>
    public double MeanWeight(DateTimeOffset from, DateTimeOffset to)
    {
        if (!Enabled || to <= from) return 1;
        var zone = Zone();
        double sum = 0, hours = 0;
        for (var t = from; t < to; t += TimeSpan.FromHours(1))
        {
            var end = t + TimeSpan.FromHours(1) < to ? t + TimeSpan.FromHours(1) : to;
            var length = (end - t).TotalHours;
            sum += Weight(Local(t + (end - t) / 2, zone)) * length;
            hours += length;
        }
        return hours <= 0 ? 1 : sum / hours;
    }

    /// <summary>An instant in [from, to) drawn with the arrival rate (uniform when seasonality is off).</summary>
    public DateTimeOffset Draw(Prng rng, DateTimeOffset from, DateTimeOffset to)
    {
        if (!Enabled || to <= from) return from + (to - from) * rng.NextDouble();
        var zone = Zone();
        var max = MaxWeight();
        // Rejection sampling, bounded: the weights are positive, so acceptance is at least min/max per try.
        for (var i = 0; i < 200; i++)
        {
            var at = from + (to - from) * rng.NextDouble();
            if (rng.NextDouble() * max <= Weight(Local(at, zone))) return at;
        }
        return from + (to - from) * rng.NextDouble();
    }

    /// <summary>Relative rate in working time and outside it (so that <see cref="WorkingTimeShare"/> of a week's leads arrive in working time).</summary>
    public (double Inside, double Outside) TimeWeights()
    {
        var workingHours = WorkingDays.Distinct().Count() * Math.Max(0, WorkdayEndHour - WorkdayStartHour);
        if (workingHours <= 0 || workingHours >= 168) return (1, 1);
        var share = Math.Clamp(WorkingTimeShare, 0, 1);
        return (share * 168 / workingHours, (1 - share) * 168 / (168 - workingHours));
    }

    double Weight(DateTime local)
    {
        var (inside, outside) = TimeWeights();
        var hour = local.TimeOfDay.TotalHours;
        var working = WorkingDays.Contains(local.DayOfWeek) && hour >= WorkdayStartHour && hour < WorkdayEndHour;
        return (working ? inside : outside) * Relative(WeekdayWeights, (int)local.DayOfWeek) * Relative(MonthWeights, local.Month - 1);
    }

    double MaxWeight()
    {
        var (inside, outside) = TimeWeights();
        return Math.Max(inside, outside) * MaxRelative(WeekdayWeights) * MaxRelative(MonthWeights);
    }

    static double Relative(IReadOnlyList<double> weights, int index)
    {
        if (weights.Count == 0 || index >= weights.Count) return 1;
        var mean = weights.Average();
        return mean <= 0 ? 1 : Math.Max(0, weights[index]) / mean;
    }

    static double MaxRelative(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0) return 1;
        var mean = weights.Average();
        return mean <= 0 ? 1 : Math.Max(1, weights.Max() / mean);
    }

    TimeZoneInfo Zone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(TimeZone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }

    static DateTime Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
}
