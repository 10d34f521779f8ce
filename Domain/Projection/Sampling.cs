using Growth.Domain.Randomness;

namespace Growth.Domain.Projection;

/// <summary>Draws and summaries the engine needs beyond <see cref="Prng"/>.</summary>
public static class Sampling
{
    /// <summary>
    /// Binomial(n, p): exact by geometric waiting times while n p is small, normal with continuity beyond
    /// (the error there is far below the Monte Carlo noise of a projection).
    /// </summary>
    public static long Binomial(Prng rng, long n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - Binomial(rng, n, 1 - p);
        var mean = n * p;
        if (mean < 25)
        {
            // Inversion: walk the probability mass function up from 0 (one uniform, no logarithms per success).
            var odds = p / (1 - p);
            var pmf = Math.Pow(1 - p, n);
            var cdf = pmf;
            var u = rng.NextDouble();
            long x = 0;
            while (u > cdf && x < n)
            {
                pmf *= (double)(n - x) / (x + 1) * odds;
                x++;
                cdf += pmf;
            }
            return x;
        }
        var draw = Math.Round(rng.Normal(mean, Math.Sqrt(mean * (1 - p))));
        return (long)Math.Clamp(draw, 0, n);
    }

    /// <summary>Mean and percentiles (linear between order statistics). Does not change <paramref name="values"/>.</summary>
    /// <remarks>
    /// Only the order statistics either side of the 10th, 50th and 90th percentiles are needed, so they are selected
    /// in linear time instead of sorting (a projection summarises hundreds of 10,000-path columns); the values,
    /// and so the band, are exactly those a sort gives.
    /// </remarks>
    public static Band Band(double[] values)
    {
        if (values.Length == 0) return new Band(0, 0, 0, 0);
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        var work = (double[])values.Clone();
        if (double.IsNaN(mean))
        {
            Array.Sort(work);
            return new Band(Math.Round(mean, 2), Math.Round(Quantile(work, 0.1), 2), Math.Round(Quantile(work, 0.5), 2), Math.Round(Quantile(work, 0.9), 2));
        }
        var from = 0;
        double Selected(double q)
        {
            var n = work.Length;
            var pos = q * (n - 1);
            var lo = (int)Math.Floor(pos);
            var hi = Math.Min(n - 1, lo + 1);
            // Ranks below `from` are already in place and no larger than anything after them.
            Select(work, from, n - 1, lo);
            from = lo;
            var low = work[lo];
            var high = low;
            if (hi > lo)
            {
                high = work[lo + 1];
                for (var i = lo + 2; i < n; i++) if (work[i] < high) high = work[i];
            }
            return low + (high - low) * (pos - lo);
        }
        var p10 = Selected(0.1);
        var p50 = Selected(0.5);
        var p90 = Selected(0.9);
        return new Band(Math.Round(mean, 2), Math.Round(p10, 2), Math.Round(p50, 2), Math.Round(p90, 2));
    }

    /// <summary>
    /// Rearranges <paramref name="a"/>[<paramref name="left"/>..<paramref name="right"/>] so the element of rank
    /// <paramref name="k"/> is at k, nothing larger before it and nothing smaller after it (quickselect).
    /// </summary>
    static void Select(double[] a, int left, int right, int k)
    {
        while (right > left)
        {
            var mid = left + (right - left) / 2;
            if (a[mid] < a[left]) (a[mid], a[left]) = (a[left], a[mid]);
            if (a[right] < a[left]) (a[right], a[left]) = (a[left], a[right]);
            if (a[right] < a[mid]) (a[right], a[mid]) = (a[mid], a[right]);
            var pivot = a[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    /// <summary>The q-quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
