using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// The period-end parts of a rep's pay as the projection works them out, pure and in the same terms as the live
/// payouts (<see cref="Payouts"/>): the team bonus on the team's attainment, the clawback of commission on reversed
/// revenue, and the draw paid where variable pay falls short and recovered from later variable pay above it.
/// </summary>
public static class PeriodPay
{
    /// <summary>
    /// The team bonus one member earns for a period: the plan's amount when the team's credited revenue over the sum of
    /// its members' targets reaches the threshold (as <see cref="Payouts"/> pays it), else 0.
    /// </summary>
    public static double TeamBonus(TeamBonusSetup bonus, double teamCredited, double teamTarget) =>
        bonus.Amount > 0 && teamTarget > 0 && teamCredited / teamTarget >= bonus.Threshold ? (double)bonus.Amount : 0;

    /// <summary>
    /// Commission taken back when <paramref name="reversed"/> of <paramref name="deals"/> deals that earned
    /// <paramref name="commission"/> between them are refunded or churn within the clawback days: their share of it,
    /// as a negative amount (a deal reversed in full gives back exactly what it earned).
    /// </summary>
    public static double Clawback(double commission, double deals, double reversed) =>
        deals <= 0 || reversed <= 0 ? 0 : -commission * Math.Min(1, reversed / deals);

    /// <summary>
    /// The draw line of a period: when variable pay (commission, spiffs, team bonus and clawbacks) is below the draw, the
    /// difference is advanced and owed; when it is above and something is owed, the excess recovers it. Answers the line
    /// (positive: advanced, negative: recovered) and what is owed afterwards, as <see cref="Payouts"/> does.
    /// </summary>
    public static (double Line, double Outstanding) Draw(double draw, double variable, double outstanding)
    {
        if (draw > 0 && variable < draw) return (draw - variable, outstanding + draw - variable);
        if (outstanding > 0 && variable > draw)
        {
            var recovered = Math.Min(outstanding, variable - draw);
            return (-recovered, outstanding - recovered);
        }
        return (0, outstanding);
    }
}
