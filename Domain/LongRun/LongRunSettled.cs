namespace Growth.Domain.LongRun;

/// <summary>
/// A long run's settled years judged together, as the README's bands are: the yearly growth compounded over them and
/// the attainments of every rep-year in them pooled (a year holds only the reps who held their quota all of it, about a
/// third of a 60-seat company at a 1.5-year tenure, too few for a share or a median of one year alone to mean much; the
/// bands' sources survey hundreds of reps).
/// </summary>
/// <param name="Growth">Compound yearly growth from the year before the first settled one to the last.</param>
/// <param name="Attainments">Every judged rep-year's attainment in the settled years, sorted.</param>
public sealed record LongRunSettled(double Growth, IReadOnlyList<double> Attainments)
{
    public double AttainmentAt(double share) => Attainments.Count == 0 ? 0 : Attainments[(int)Math.Round(share * (Attainments.Count - 1))];
    public double MedianAttainment => AttainmentAt(0.5);
    public double AtQuotaShare => Attainments.Count == 0 ? 0 : Attainments.Count(a => a >= 1) / (double)Attainments.Count;

    /// <summary>
    /// Years <paramref name="first"/> (1-based) to the last of <paramref name="revenues"/>, with each year's judged
    /// <paramref name="attainments"/>; the growth is counted from the year before <paramref name="first"/>.
    /// </summary>
    public static LongRunSettled Of(IReadOnlyList<decimal> revenues, IReadOnlyList<IReadOnlyList<double>> attainments, int first)
    {
        if (first < 2 || first > revenues.Count || attainments.Count != revenues.Count)
            throw new ArgumentException($"settled years start at year 2 to {revenues.Count} with one attainment list a year (first {first}, {attainments.Count} lists for {revenues.Count} years)");
        var (from, to) = (revenues[first - 2], revenues[^1]);
        var growth = from <= 0 ? 0 : Math.Pow((double)(to / from), 1.0 / (revenues.Count - first + 1)) - 1;
        return new LongRunSettled(growth, attainments.Skip(first - 1).SelectMany(a => a).Order().ToList());
    }

    /// <summary>The model's years <paramref name="first"/> to the last, judged together.</summary>
    public static LongRunSettled Of(IReadOnlyList<LongRunYear> years, int first) =>
        Of(years.Select(y => y.Revenue).ToList(), years.Select(y => y.Attainments).ToList(), first);
}
