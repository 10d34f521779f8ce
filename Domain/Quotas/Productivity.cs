using Growth.Domain.Compensation;
using Growth.Domain.Setup;

namespace Growth.Domain.Quotas;

/// <summary>Revenue per ramped rep working day, and where it came from.</summary>
/// <param name="PerRepDay">Revenue a fully ramped rep brings per working day, in the company currency.</param>
/// <param name="Learned">True when measured on the workspace's own history; false when it is the assumed figure.</param>
/// <param name="Source">In words: the window it was measured over, or why the assumption was used.</param>
/// <param name="Revenue">Revenue in the window (0 when assumed).</param>
/// <param name="RepDays">Ramped rep working days in the window (0 when assumed).</param>
public sealed record ProductivityEstimate(decimal PerRepDay, bool Learned, string Source, decimal Revenue = 0, double RepDays = 0);

/// <summary>
/// Learns revenue per ramped rep working day from a workspace's history, and splits last period's revenue among reps.
/// Revenue is what attainment counts on the Sales page (won deals and repurchases), so a quota from capacity is a
/// quota of the same figure.
/// </summary>
public static class Productivity
{
    /// <summary>Longest window looked back over: a fiscal quarter's worth of days.</summary>
    public const int WindowDays = 91;

    /// <summary>Start of the window productivity is learned over: <see cref="WindowDays"/> before <paramref name="asOf"/>, not before the history begins.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset observedFrom, DateTimeOffset asOf) =>
        asOf.AddDays(-WindowDays) > observedFrom ? asOf.AddDays(-WindowDays) : observedFrom;

    /// <summary>
    /// <paramref name="revenue"/> (booked in [<paramref name="from"/>, <paramref name="asOf"/>)) per ramped working day
    /// of the setup's reps in that window, each from their hire date at their ramped share. With a window shorter than
    /// <see cref="CapacityAssumptions.MinHistoryDays"/>, or no rep-days or no revenue in it, the assumed
    /// <see cref="CapacityAssumptions.ProductivityPerRepDay"/>.
    /// </summary>
    public static ProductivityEstimate Learn(SetupDocument setup, decimal revenue, DateTimeOffset from, DateTimeOffset asOf, CapacityAssumptions assumptions)
    {
        var days = (asOf - from).TotalDays;
        var assumed = FormattableString.Invariant($"assumed ({assumptions.ProductivityPerRepDay} per rep working day)");
        if (days < assumptions.MinHistoryDays)
            return new(assumptions.ProductivityPerRepDay, false,
                FormattableString.Invariant($"{assumed}: {Math.Max(0, Math.Floor(days))} days of history, fewer than {assumptions.MinHistoryDays}"));
        var calendar = new FiscalCalendar(setup.Company);
        var total = Ramp.ByRep(setup, assumptions, WorkingDays.Between(calendar, from, asOf)).Values.Sum();
        if (total <= 0 || revenue <= 0)
            return new(assumptions.ProductivityPerRepDay, false, FormattableString.Invariant($"{assumed}: no revenue or no rep working days in the last {Math.Floor(days)} days"));
        return new(Math.Round(revenue / (decimal)total, 2), true,
            FormattableString.Invariant($"learned: revenue {revenue:0} over {total:0.#} ramped rep working days, {calendar.LocalDate(from):yyyy-MM-dd} to {calendar.LocalDate(asOf):yyyy-MM-dd}"),
            revenue, Math.Round(total, 2));
    }

    /// <summary>
    /// Last period's <paramref name="revenue"/> split among the setup's reps by the value each won in
    /// <paramref name="period"/> (evenly when nobody won anything), to the cent, so the parts add up to the revenue.
    /// </summary>
    public static Dictionary<string, decimal> LastPeriodByRep(SetupDocument setup, IEnumerable<Credit> wins, FiscalPeriod period, decimal revenue)
    {
        var reps = setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Select(r => r.Id).Distinct().ToList();
        var won = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var w in wins)
            if (period.Contains(w.At)) won[w.RepId] = won.GetValueOrDefault(w.RepId) + w.Amount;
        var parts = TargetPlan.Allocate(Math.Max(0, revenue), [.. reps.Select(id => won.GetValueOrDefault(id))]);
        return reps.Select((id, i) => (id, parts[i])).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
    }
}
