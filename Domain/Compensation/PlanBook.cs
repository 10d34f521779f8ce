using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// Which plan pays a rep on a day: a plan naming the rep, else one naming their team, else their region, else their
/// role, else a default plan (one naming nobody), else <see cref="CompensationPlanSetup.Flat"/>. Role sits below team
/// and region: a role plan is the company's standard pay for the job, a team or region plan a deliberate local
/// exception to it (to pay one role of a team differently, name its reps). The plan in force on the first
/// day of a measurement period pays the whole period (assumed: plan changes take effect from the next period).
/// </summary>
public static class PlanBook
{
    public static CompensationPlanSetup For(CompensationSetup compensation, string repId, string? teamId, string? regionId, string? role, DateOnly day)
    {
        CompensationPlanSetup? team = null, region = null, byRole = null, fallback = null;
        foreach (var plan in compensation.Plans)
        {
            if (!plan.InForce(day)) continue;
            var scope = plan.AppliesTo;
            if (scope.Reps.Contains(repId)) return plan;
            if (teamId is not null && scope.Teams.Contains(teamId)) team ??= plan;
            else if (regionId is not null && scope.Regions.Contains(regionId)) region ??= plan;
            else if (role is not null && scope.Roles.Contains(role)) byRole ??= plan;
            else if (scope.IsDefault()) fallback ??= plan;
        }
        return team ?? region ?? byRole ?? fallback ?? CompensationPlanSetup.Flat;
    }

    /// <summary>
    /// The measurement periods of kind <paramref name="kind"/> a report for <paramref name="asked"/> holds: those
    /// overlapping it when they are no longer than it (the months of a quarter), else the one it starts in (the
    /// year a quarter belongs to).
    /// </summary>
    public static IReadOnlyList<FiscalPeriod> PeriodsFor(FiscalCalendar calendar, MeasurementPeriod kind, FiscalPeriod asked)
    {
        var first = Of(calendar, kind, asked.Start);
        if (first.Length > asked.Length) return [first];
        var periods = new List<FiscalPeriod>();
        for (var p = first; p is not null && p.Start < asked.End; p = calendar.Next(p)) periods.Add(p);
        return periods;
    }

    /// <summary>The period of kind <paramref name="kind"/> that <paramref name="at"/> falls in.</summary>
    public static FiscalPeriod Of(FiscalCalendar calendar, MeasurementPeriod kind, DateTimeOffset at) => kind switch
    {
        MeasurementPeriod.Month => calendar.MonthOf(at),
        MeasurementPeriod.Year => calendar.YearOf(at),
        _ => calendar.QuarterOf(at),
    };
}
