namespace Growth.Domain.Twin;

/// <summary>
/// How much more a channel's daily lead count varies than Poisson arrivals would: φ = variance ÷ mean, fitted on the
/// daily counts of the flow window against each weekday position's own mean (a weekly rhythm, such as fewer leads at
/// weekends, is not noise: over whole weeks it cancels out), so φ = Σ (x − mean of its weekday)² ÷ Σ (n − 1) × mean of
/// each weekday, which is 1 on average for Poisson counts. The twin then draws each day's arrivals of the channel as
/// Poisson with a Gamma-distributed day factor (a negative binomial with that variance), and the fitted rate rests on
/// fewer independent leads: its count ÷ φ (<see cref="TwinDraws.LeadRate"/>).
/// </summary>
public static class TwinDispersion
{
    /// <summary>Days of counts needed to fit φ: two of each weekday. Assumed.</summary>
    public const int MinimumDays = 14;
    /// <summary>Largest φ the twin accepts. Assumed: beyond it the flow is not a rate with noise but bursts the twin cannot model.</summary>
    public const double Largest = 20;

    /// <summary>φ of <paramref name="daily"/> (consecutive days), at least 1; 1 when fewer than <see cref="MinimumDays"/> days or no leads.</summary>
    public static double Of(IReadOnlyList<double> daily)
    {
        if (daily.Count < MinimumDays) return 1;
        double squares = 0, expected = 0;
        for (var position = 0; position < 7; position++)
        {
            var days = daily.Where((_, i) => i % 7 == position).ToList();
            if (days.Count < 2) continue;
            var mean = days.Average();
            squares += days.Sum(x => (x - mean) * (x - mean));
            expected += (days.Count - 1) * mean;
        }
        return expected > 0 ? Math.Clamp(squares / expected, 1, Largest) : 1;
    }

    /// <summary>A day's factor on a channel's arrivals: Gamma with mean 1 and variance (φ − 1) ÷ <paramref name="perDay"/>, so the day's count has variance φ × mean; 1 (no draw) when φ is 1.</summary>
    public static double DayFactor(Randomness.Prng rng, double perDay, double dispersion)
    {
        if (!(dispersion > 1) || !(perDay > 0)) return 1;
        var shape = perDay / (dispersion - 1);
        return TwinDraws.Gamma(rng, shape) / shape;
    }
}
