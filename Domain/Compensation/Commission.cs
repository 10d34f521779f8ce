using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>
/// Marginal commission: credits are laid end to end in the order they came in; the revenue of each that falls in a
/// tier's band (from × target up to to × target, and never above cap × target) earns that tier's rate. Each line is
/// rounded to cents on its own (away from zero), so a statement is exactly the sum of its lines.
/// </summary>
public static class Commission
{
    /// <summary>Decimal places a line is rounded to (money's minor unit; assumed 2 for every currency).</summary>
    public const int Decimals = 2;

    public static decimal Round(decimal amount) => Math.Round(amount, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The commission lines of <paramref name="credits"/> (already in order) against <paramref name="target"/>.
    /// Without a target (0) attainment cannot be measured and every credit earns the first tier's rate (assumed).
    /// Revenue above the cap or beyond the last tier's end gets a line of 0 saying so.
    /// </summary>
    public static List<PayoutLine> Lines(CompensationPlanSetup plan, decimal target, IEnumerable<Credit> credits, string period)
    {
        var lines = new List<PayoutLine>();
        var tiers = plan.Tiers;
        var position = 0m;
        foreach (var credit in credits)
        {
            var start = position;
            var end = position + credit.Amount;
            position = end;
            if (tiers.Count == 0 || credit.Amount <= 0) continue;
            if (target <= 0)
            {
                lines.Add(Line(credit, period, credit.Amount, 0, tiers[0].Rate));
                continue;
            }
            var paidUpTo = plan.Cap is { } cap ? (decimal)cap * target : decimal.MaxValue;
            for (var i = 0; i < tiers.Count; i++)
            {
                var lo = (decimal)tiers[i].From * target;
                var hi = Math.Min(tiers[i].To is { } to ? (decimal)to * target : decimal.MaxValue, paidUpTo);
                var within = Math.Min(end, hi) - Math.Max(start, lo);
                if (within > 0) lines.Add(Line(credit, period, within, i, tiers[i].Rate));
            }
            var lastEnd = tiers[^1].To is { } last ? (decimal)last * target : decimal.MaxValue;
            var unpaid = end - Math.Max(start, Math.Min(paidUpTo, lastEnd));
            if (unpaid > 0)
                lines.Add(new PayoutLine(PayoutLineKind.Commission, period, 0m, credit.JourneyId, credit.At, unpaid, null, 0, credit.LedgerEntry,
                    "above the cap: no commission"));
        }
        return lines;
    }

    static PayoutLine Line(Credit credit, string period, decimal revenue, int tier, double rate) =>
        new(PayoutLineKind.Commission, period, Round(revenue * (decimal)rate), credit.JourneyId, credit.At, revenue, tier, rate, credit.LedgerEntry);
}
