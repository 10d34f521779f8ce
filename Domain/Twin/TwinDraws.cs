using Growth.Domain.Randomness;

namespace Growth.Domain.Twin;

/// <summary>
/// The twin's parameters are fitted on a finite history, so each run draws its own from what that history allows
/// (a parametric bootstrap): a channel's lead rate from Gamma(n, n) × the fitted rate (n leads counted in the window),
/// a team's rate from Beta with the fitted (shrunk) rate as its mean over the observations plus the prior's pseudo-ones.
/// A parameter with no basis (0) is taken as known and draws nothing, so a model without bases runs as before.
/// </summary>
public static class TwinDraws
{
    /// <summary>A lead rate's draw: <paramref name="rate"/> × Gamma(<paramref name="counted"/>, 1/<paramref name="counted"/>) (mean the rate, relative spread 1/√counted).</summary>
    public static double LeadRate(Prng rng, double rate, double counted) =>
        counted > 0 && rate > 0 ? rate * Gamma(rng, counted) / counted : rate;

    /// <summary>A share's draw: Beta(<paramref name="mean"/> κ, (1 − mean) κ) with κ = <paramref name="basis"/> observations (mean the fitted share).</summary>
    public static double Share(Prng rng, double mean, double basis)
    {
        if (!(basis > 0) || mean <= 0 || mean >= 1) return mean;
        var x = Gamma(rng, mean * basis);
        var y = Gamma(rng, (1 - mean) * basis);
        return x + y > 0 ? x / (x + y) : mean;
    }

    /// <summary>Gamma(<paramref name="shape"/>, scale 1): Marsaglia and Tsang (2000), with the boost U^(1/shape) below shape 1.</summary>
    public static double Gamma(Prng rng, double shape)
    {
        if (shape < 1) return Gamma(rng, shape + 1) * Math.Pow(1 - rng.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var x = rng.Normal();
            var v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            var u = 1 - rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
