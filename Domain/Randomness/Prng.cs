
namespace Growth.Domain.Randomness;

/// <summary>
/// A small deterministic random generator (SplitMix64) whose whole state is one number, so a journey can
/// store it and replay exactly. Same seed, same draws, on every machine and runtime.
/// </summary>
public sealed class Prng(ulong state)
{
    public ulong State { get; private set; } = state;

    public ulong NextUInt64()
    {
        var z = State += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    public bool Chance(double p) => NextDouble() < p;

    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    public double Normal(double mean = 0, double sd = 1)
    {
        var u1 = 1 - NextDouble();
        var u2 = NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));

    public int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.Max(0, (int)Math.Round(Normal(lambda, Math.Sqrt(lambda))));
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = NextDouble();
        while (p > limit) { k++; p *= NextDouble(); }
        return k;
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>A stable seed from a parent seed and a name (FNV-1a, then mixed): no process-randomised hashing.</summary>
    public static ulong Derive(ulong seed, string name)
    {
        var h = 14695981039346656037UL ^ seed;
        foreach (var ch in name)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        return new Prng(h).NextUInt64();
    }

    /// <summary>A stable, process-independent hash of a string (for sharding).</summary>
    public static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s)
        {
            h ^= ch;
            h *= 16777619u;
        }
        return h;
    }
}
