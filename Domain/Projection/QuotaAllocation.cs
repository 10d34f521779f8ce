using Growth.Domain.Organisations;

namespace Growth.Domain.Projection;

/// <summary>How reps' quotas are set in the allocation what-if.</summary>
public enum AllocationBasis
{
    /// <summary>The setup's quotas as they are.</summary>
    Setup,
    /// <summary>Each rep's own figure from capacity (ramped working days × revenue per rep-day), not held to a company total.</summary>
    BottomUp,
    /// <summary>The company total split in proportion to each rep's capacity figure.</summary>
    Capacity,
    /// <summary>The company total split by territory potential: each campaign's budget shared evenly among the regions it runs in, a region's share evenly among its reps.</summary>
    Potential,
    /// <summary>The company total split in proportion to what each rep won last period (reps who won nothing get none).</summary>
    History,
}

/// <summary>The spread of attainment under one allocation: quartiles over reps of each rep's median attainment, and reps at quota.</summary>
/// <param name="Total">The quotas summed over the quarter (the company's for top-down allocations).</param>
/// <param name="Lower">First quartile over reps of their median attainment over the paths; <see cref="Median"/>, <see cref="Upper"/> the second and third.</param>
/// <param name="ShareAtQuota">Mean share of reps whose credited revenue reaches their quota over the horizon.</param>
/// <param name="RepsAtQuota">Reps at quota, mean and band over the paths.</param>
public sealed record AllocationOutcome(AllocationBasis Basis, decimal Total, double Lower, double Median, double Upper, double ShareAtQuota, Band RepsAtQuota,
    Band Revenue, Band CostOfSales, IReadOnlyDictionary<string, decimal> Quotas)
{
    /// <summary>Interquartile range of attainment: the spread the allocation leaves.</summary>
    public double Spread => Math.Round(Upper - Lower, 4);
}

/// <summary>
/// Quota allocation top-down (a company total split by capacity, territory potential or history) against bottom-up
/// (each rep's own capacity figure), and what each does to the spread of attainment: every allocation runs the plan
/// comparison's per-rep paths under the current plans on one funnel and seed, only the quotas differing (the reps
/// answer to where they stand against them). Pure.
/// </summary>
public static class QuotaAllocation
{
    /// <summary>Quotas are rounded to this (as quotas from capacity are).</summary>
    public const decimal RoundTo = 100m;

    /// <summary>
    /// <paramref name="total"/> split in proportion to <paramref name="weights"/> (by rep id), each rounded to
    /// <see cref="RoundTo"/>, the rounding left over given to the largest share so the parts add up to the total exactly.
    /// Weights all zero: an even split.
    /// </summary>
    public static Dictionary<string, decimal> TopDown(decimal total, IReadOnlyDictionary<string, double> weights)
    {
        var ids = weights.Keys.Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return [];
        var sum = ids.Sum(id => Math.Max(0, weights[id]));
        var shares = ids.ToDictionary(id => id, id => sum <= 0 ? 1.0 / ids.Count : Math.Max(0, weights[id]) / sum);
        var parts = ids.ToDictionary(id => id, id => Math.Round(total * (decimal)shares[id] / RoundTo, MidpointRounding.AwayFromZero) * RoundTo);
        var largest = ids.MaxBy(id => shares[id])!;
        parts[largest] += total - parts.Values.Sum();
        return parts;
    }

    /// <summary>
    /// Territory potential per rep: each campaign's daily budget shared evenly among the regions it runs in (campaign
    /// leads come from those regions), a region's potential shared evenly among its reps.
    /// </summary>
    public static Dictionary<string, double> Potential(Organisation organisation)
    {
        var regions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in organisation.Campaigns.Where(c => c.RegionIds.Count > 0))
            foreach (var region in c.RegionIds)
                regions[region] = regions.GetValueOrDefault(region) + (double)c.DailyBudget / c.RegionIds.Count;
        var reps = organisation.Teams.SelectMany(t => t.Reps.Select(r => (r.Id, t.RegionId))).ToList();
        var perRegion = reps.GroupBy(r => r.RegionId).ToDictionary(g => g.Key, g => g.Count());
        return reps.ToDictionary(r => r.Id, r => regions.GetValueOrDefault(r.RegionId) / perRegion[r.RegionId], StringComparer.Ordinal);
    }

    /// <summary>
    /// Each allocation's spread of attainment over the projection: <paramref name="allocations"/> holds the quarterly
    /// quota per rep of each basis; <paramref name="plans"/> each rep's current plan.
    /// </summary>
    public static IReadOnlyList<AllocationOutcome> Compare(PlanPaths.Shared shared, double repurchase, PlanOption plans,
        IReadOnlyDictionary<AllocationBasis, IReadOnlyDictionary<string, decimal>> allocations, IReadOnlyDictionary<string, double> productShares, ParallelOptions parallel)
    {
        var outcomes = new List<AllocationOutcome>();
        foreach (var (basis, quotas) in allocations.OrderBy(a => a.Key))
        {
            var reps = shared.Reps.Select(r => r with { Target = quotas.TryGetValue(r.Id, out var q) ? q : r.Target }).ToArray();
            var outcome = PlanPaths.Run(shared with { Reps = reps }, plans, productShares, repurchase, parallel);
            var medians = outcome.Reps.Select(r => r.Attainment.P50).Order().ToArray();
            outcomes.Add(new AllocationOutcome(basis, reps.Sum(r => r.Target), Quartile(medians, 0.25), Quartile(medians, 0.5), Quartile(medians, 0.75),
                outcome.ShareAtQuota, outcome.RepsAtQuota, outcome.Revenue, outcome.CostOfSales, reps.ToDictionary(r => r.Id, r => r.Target)));
        }
        return outcomes;
    }

    static double Quartile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var at = p * (sorted.Length - 1);
        var (lo, hi) = ((int)Math.Floor(at), (int)Math.Ceiling(at));
        return Math.Round(sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo), 4);
    }
}
