using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Quotas;

/// <summary>
/// The assumptions a quota from capacity rests on, each with its name, default, unit and source (also listed in
/// <see cref="AssumptionCatalogue"/>).
/// </summary>
public sealed record CapacityAssumptions
{
    /// <summary>
    /// Revenue a fully ramped rep brings per working day, in the company currency, used when the workspace has too
    /// little history to learn it. Source: assumed, set to what the seeded demo makes (seed 42, 60 reps, Q1 2026
    /// simulated whole from its start: revenue 1,406,615 over 60 × 64 rep working days = 366, rounded up to 370).
    /// </summary>
    public decimal ProductivityPerRepDay { get; init; } = DefaultProductivityPerRepDay;
    /// <summary>Growth asked of last period's revenue for the suggestion from history (0.1 = +10 %). Source: assumed.</summary>
    public double Growth { get; init; } = DefaultGrowth;
    /// <summary>Days a new rep takes to reach full productivity (the simulation's ramp-up; source: assumed).</summary>
    public double RampUpDays { get; init; } = BehaviourParameters.Default.RampUpDays;
    /// <summary>A new rep's productivity on the day they join, as a share of full (the simulation's ramp start; source: assumed).</summary>
    public double RampStartShare { get; init; } = BehaviourParameters.Default.RampStartShare;
    /// <summary>Fewest days of history productivity is learned from; less and <see cref="ProductivityPerRepDay"/> is used (source: assumed).</summary>
    public int MinHistoryDays { get; init; } = DefaultMinHistoryDays;
    /// <summary>Quotas are rounded to this many currency units (source: assumed; a quota of 61,234.56 reads as false precision).</summary>
    public decimal RoundTo { get; init; } = DefaultRoundTo;

    public const decimal DefaultProductivityPerRepDay = 370m;
    /// <summary>Working days in a quarter where no calendar is at hand (the seeded demo): 13 weeks of 5 days.</summary>
    public const int WorkingDaysPerQuarter = 65;
    public const double DefaultGrowth = 0.10;
    public const int DefaultMinHistoryDays = 28;
    public const decimal DefaultRoundTo = 100m;

    public static CapacityAssumptions Default { get; } = new();

    /// <summary>The assumptions in a setup's ramp-up (the simulation's parameters in force).</summary>
    public static CapacityAssumptions Of(BehaviourParameters p) => new() { RampUpDays = p.RampUpDays, RampStartShare = p.RampStartShare };
}

/// <summary>Ramped working days: a rep's working days in a period, each counted at the share of full productivity the rep has that day.</summary>
public static class Ramp
{
    /// <summary>
    /// Share 0..1 of full productivity a rep hired on <paramref name="hired"/> has on <paramref name="day"/>: 0 before the
    /// hire date, <see cref="CapacityAssumptions.RampStartShare"/> on it, rising linearly to 1 after
    /// <see cref="CapacityAssumptions.RampUpDays"/>; 1 with no hire date (the same ramp the simulation uses).
    /// </summary>
    public static double Share(CapacityAssumptions a, DateOnly? hired, DateOnly day)
    {
        if (hired is not { } h) return 1;
        if (day < h) return 0;
        var start = Math.Clamp(a.RampStartShare, 0, 1);
        var progress = a.RampUpDays <= 0 ? 1 : Math.Min(1, (day.DayNumber - h.DayNumber) / a.RampUpDays);
        return start + (1 - start) * progress;
    }

    /// <summary>Sum over <paramref name="days"/> of the rep's share of full productivity on each.</summary>
    public static double Days(CapacityAssumptions a, DateOnly? hired, IReadOnlyList<DateOnly> days)
    {
        double sum = 0;
        foreach (var d in days) sum += Share(a, hired, d);
        return sum;
    }

    /// <summary>Ramped working days of every rep of <paramref name="setup"/> over <paramref name="days"/>, by rep id.</summary>
    public static Dictionary<string, double> ByRep(SetupDocument setup, CapacityAssumptions a, IReadOnlyList<DateOnly> days) =>
        setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps)
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Days(a, g.First().HireDate, days), StringComparer.Ordinal);
}
