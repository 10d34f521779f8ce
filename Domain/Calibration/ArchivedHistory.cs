using Growth.Domain.Figures;

namespace Growth.Domain.Calibration;

/// <summary>
/// What a calibration of a workspace leaves out: the journeys the retention rule archived
/// (<c>rules.archiveClosedAfterDays</c>, <see cref="Journeys.Archiving"/>). A calibration fits on journeys' final states
/// (when each lead came, its opportunity's value and date, the days to close, its channel); the archive keeps of an
/// archived journey only its share of the figures (its shard's archived totals, tallies by group) and, for a won one,
/// what a payout statement reads. So the fit and its comparison read the kept journeys only, and an archived lost deal
/// cannot be put back into the product rates, cycle, lead flows or stall shares; fitting the win rate alone on every
/// journey would make the fitted rates disagree with one another (a rep's rate × a product's ÷ the overall rate).
/// What the totals give exactly is counted here, beside the fit: the archived journeys, their leads and their won and
/// lost deals (counted as the fit counts them: a lead not an existing customer; a won or lost opportunity), and with
/// them the whole history's win rate and lead-to-deal conversion (won deals per lead).
/// </summary>
/// <param name="Journeys">Journeys archived (every kind: leads, lost deals, churned customers).</param>
/// <param name="RetentionDays">The retention in force (days after closing); null when the rule is off now or not known.</param>
/// <param name="Leads">Leads among them (journeys that did not start as existing customers).</param>
/// <param name="Won">Won deals among them (churned customers).</param>
/// <param name="Lost">Lost deals among them.</param>
/// <param name="WinRate">The whole history's win rate, kept and archived deals: (won + archived won) ÷ (closed + archived closed).</param>
/// <param name="LeadToDeal">The whole history's won deals per lead, kept and archived: (won + archived won) ÷ (leads + archived leads).</param>
public sealed record ArchivedHistory(int Journeys, int? RetentionDays, long Leads, long Won, long Lost, double WinRate, double LeadToDeal)
{
    /// <summary>
    /// What <paramref name="fit"/> leaves out of a workspace with <paramref name="journeys"/> archived journeys whose
    /// shares of the figures are <paramref name="totals"/>; null when nothing is archived.
    /// </summary>
    public static ArchivedHistory? Of(int journeys, IEnumerable<Tally> totals, CalibrationResult fit, int? retentionDays)
    {
        if (journeys <= 0) return null;
        var sum = new Tally();
        foreach (var t in totals) sum.Add(t);
        var (leads, won, lost) = (sum[Count.Leads], sum[Count.Won], sum[Count.Lost]);
        var closed = fit.Won + fit.Lost + won + lost;
        var allLeads = fit.Journeys + leads;
        return new ArchivedHistory(journeys, retentionDays is > 0 ? retentionDays : null, leads, won, lost,
            closed == 0 ? 0 : (fit.Won + won) / (double)closed, allLeads == 0 ? 0 : (fit.Won + won) / (double)allLeads);
    }
}
