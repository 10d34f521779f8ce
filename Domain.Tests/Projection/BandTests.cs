using Growth.Domain.Projection;
using Growth.Domain.Randomness;

namespace Growth.Domain.Tests.Projection;

/// <summary>The band's percentiles are selected, not sorted for: they must be exactly what a sort gives.</summary>
public class BandTests
{
    static Band BySorting(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        return new Band(Math.Round(mean, 2), Math.Round(Sampling.Quantile(sorted, 0.1), 2), Math.Round(Sampling.Quantile(sorted, 0.5), 2), Math.Round(Sampling.Quantile(sorted, 0.9), 2));
    }

    [Fact]
    public void Selected_percentiles_equal_sorted_ones_and_the_input_is_left_alone()
    {
        var rng = new Prng(11);
        foreach (var n in Enumerable.Range(1, 60).Concat([99, 100, 101, 1000, 10_000]))
            foreach (var distinct in new[] { 2, 5, 1_000_000 })
            {
                var values = Enumerable.Range(0, n).Select(_ => Math.Floor(rng.NextDouble() * distinct) * 1.37).ToArray();
                var before = (double[])values.Clone();
                var expected = BySorting(values);
                Assert.Equal(expected, Sampling.Band(values));
                Assert.Equal(before, values);
            }
        double[] ascending = [.. Enumerable.Range(0, 5000).Select(i => (double)i)];
        Assert.Equal(BySorting(ascending), Sampling.Band(ascending));
        double[] descending = [.. ascending.Reverse()];
        Assert.Equal(BySorting(descending), Sampling.Band(descending));
    }
}
