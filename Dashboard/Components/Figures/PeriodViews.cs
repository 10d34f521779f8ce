using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Periods;

namespace Growth.Dashboard.Components.Figures;

/// <summary>
/// A snapshot's figures cut to a period (<see cref="PeriodReport"/>): what the daily history keeps per day replaces the
/// running totals, so the pages' tables and charts built from a snapshot show the period without knowing of it.
/// </summary>
public static class PeriodViews
{
    /// <summary>
    /// The campaign rows with the period's spend, leads, effective leads, cost per effective lead, attributed revenue
    /// and return; reach and wins are kept per campaign only as running totals and stay all-time (the page says so).
    /// </summary>
    public static WorkspaceSnapshot Campaigns(WorkspaceSnapshot s, PeriodTotals? period)
    {
        if (period is null) return s;
        return s with
        {
            Campaigns = [.. s.Campaigns.Select(c => period.Campaigns.GetValueOrDefault(c.Id) is { } p
                ? c with
                {
                    Spend = p.Spend, Leads = p.Leads, EffectiveLeads = p.EffectiveLeads, CostPerEffectiveLead = p.CostPerEffectiveLead,
                    AttributedRevenue = p.Revenue, Revenue = p.Revenue, Roi = p.Roi,
                }
                : c with { Spend = 0, Leads = 0, EffectiveLeads = 0, CostPerEffectiveLead = 0, AttributedRevenue = 0, Revenue = 0, Roi = 0 })],
        };
    }

    /// <summary>The history's points inside the period (with the one its figures count from), for daily series.</summary>
    public static IReadOnlyList<HistoryPoint> History(IReadOnlyList<HistoryPoint> history, PeriodReport? report) =>
        report?.Current is { } c ? [.. history.Where(h => h.AsOf >= c.CountedFrom && h.AsOf <= c.CountedTo)] : history;

    /// <summary>One stage's conversion to the next in the period and in the comparison.</summary>
    public sealed record StageConversion(FunnelStage From, FunnelStage To, long Entered, double Conversion, long? EnteredBefore, double? ConversionBefore);

    /// <summary>Each stage's conversion to the next, from lead on, in the period and (when there is one) the comparison.</summary>
    public static IReadOnlyList<StageConversion> Conversions(PeriodReport report)
    {
        if (report.Current is not { } now) return [];
        var then = report.Comparison;
        return [.. Enum.GetValues<FunnelStage>().Where(s => s >= FunnelStage.Lead && s < FunnelStage.Payment)
            .Select(s => new StageConversion(s, s + 1, now.Entered[(int)s], now.ConversionToNext(s),
                then?.Entered[(int)s], then?.ConversionToNext(s)))];
    }
}
