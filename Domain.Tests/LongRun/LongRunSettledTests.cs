using Growth.Domain.LongRun;

namespace Growth.Domain.Tests.LongRun;

/// <summary>Settled years judged together: growth compounded from the year before them, every judged rep-year pooled.</summary>
public class LongRunSettledTests
{
    [Fact]
    public void Growth_is_compounded_from_the_year_before_the_first_settled_one_and_rep_years_are_pooled()
    {
        // Year 2 to year 5: 100 → 110 → 99 → 108.9 is 1.1 × 0.9 × 1.1 = 1.089 over three years, 2.88 % a year.
        decimal[] revenues = [80, 100, 110, 99, 108.9m];
        IReadOnlyList<double>[] held = [[2.0], [0.5, 1.5], [0.6, 0.9, 1.2], [1.1], [0.8, 1.0]];
        var settled = LongRunSettled.Of(revenues, held, 3);
        Assert.Equal(Math.Pow(1.089, 1.0 / 3) - 1, settled.Growth, 9);
        // Years 3-5 pooled: 0.6, 0.8, 0.9, 1.0, 1.1, 1.2 (years 1 and 2 left out).
        Assert.Equal([0.6, 0.8, 0.9, 1.0, 1.1, 1.2], settled.Attainments);
        Assert.Equal(0.5, settled.AtQuotaShare);
        Assert.Equal(0.9, settled.MedianAttainment); // the middle of six, rounded to even (index 2)
    }

    [Fact]
    public void Settled_years_must_start_after_year_one_with_one_list_a_year()
    {
        var e = Assert.Throws<ArgumentException>(() => LongRunSettled.Of([1m, 2m, 3m], [[1.0], [1.0]], 2));
        Assert.Contains("2 lists for 3 years", e.Message);
        Assert.Throws<ArgumentException>(() => LongRunSettled.Of([1m, 2m, 3m], [[1.0], [1.0], [1.0]], 1));
    }
}
