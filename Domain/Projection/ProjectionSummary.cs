namespace Growth.Domain.Projection;

/// <summary>Joins the paths' figures into a result: weekly and total bands, odds of reaching the targets, costs and factors.</summary>
public static class ProjectionSummary
{
    /// <summary>Joins blocks (in path order) into the result: bands, odds, costs and factors.</summary>
    /// <remarks>Each week's percentiles are computed apart, as <paramref name="parallel"/> allows.</remarks>
    public static ProjectionResult Summarise(PreparedProjection prep, IReadOnlyList<PathBlock> blocks, ParallelOptions parallel)
    {
        var r = prep.Request;
        var weeks = r.Weeks;
        var ordered = blocks.OrderBy(b => b.FirstPath).ToList();
        var n = ordered.Sum(b => b.Count);
        double[] Concat(Func<PathBlock, double[]> pick) => ordered.SelectMany(pick).ToArray();
        var revenue = Concat(b => b.Revenue);
        var cash = Concat(b => b.Cash);
        var newCustomers = Concat(b => b.NewCustomers);
        var repurchases = Concat(b => b.Repurchases);
        var won = Concat(b => b.WonRevenue);
        var repNew = Concat(b => b.RepurchaseRevenueNew);
        var repExisting = Concat(b => b.RepurchaseRevenueExisting);
        var wins = Concat(b => b.Wins);
        var qualified = Concat(b => b.Qualified);

        var cumulative = new double[n * weeks];
        var totalRevenue = new double[n];
        var totalCash = new double[n];
        var totalNew = new double[n];
        var totalRepurchases = new double[n];
        for (var i = 0; i < n; i++)
        {
            double run = 0;
            for (var t = 0; t < weeks; t++)
            {
                var at = i * weeks + t;
                run += revenue[at];
                cumulative[at] = run;
                totalCash[i] += cash[at];
                totalNew[i] += newCustomers[at];
                totalRepurchases[i] += repurchases[at];
            }
            totalRevenue[i] = run;
        }

        // Each week's percentiles are independent of the others': computed in parallel, stored by week, so order is fixed.
        var weekly = new ProjectedWeek[weeks];
        Parallel.For(0, weeks, parallel, t =>
        {
            var column = new double[n];
            Band Week(double[] series)
            {
                for (var i = 0; i < n; i++) column[i] = series[i * weeks + t];
                return Sampling.Band(column);
            }
            weekly[t] = new ProjectedWeek(t, r.Start.AddDays(7 * t), Week(revenue), Week(cumulative),
                Math.Round(prep.Target * (t + 1) / weeks, 0), Week(cash), Week(newCustomers), Week(repurchases));
        });
        var timeline = weekly.ToList();

        var k = prep.Kernels;
        TargetOdds Odds(string id, decimal target, double newShare, double existingShare)
        {
            var projected = new double[n];
            for (var i = 0; i < n; i++) projected[i] = (won[i] + repNew[i]) * newShare + repExisting[i] * existingShare;
            return new TargetOdds(id, target, Sampling.Band(projected), Probability(projected, (double)target));
        }

        var plan = r.Levers.Incentive;
        var quota = (double)prep.Quota;
        var incentive = new double[n];
        for (var i = 0; i < n; i++)
            incentive[i] = plan.CommissionRate * won[i]
                + plan.AcceleratorRate * Math.Max(0, won[i] - quota)
                + (double)plan.SpiffPerDeal * wins[i]
                + (quota > 0 && won[i] >= plan.BonusThreshold * quota ? (double)plan.BonusPerRep * prep.Headcount : 0);

        var meanQualified = qualified.Average();
        var meanOrders = totalNew.Average() + totalRepurchases.Average();
        var customers = r.ExistingCustomers + totalNew.Average();
        return new ProjectionResult
        {
            Weeks = weeks,
            Paths = n,
            Seed = r.Seed,
            Timeline = timeline,
            Revenue = Sampling.Band(totalRevenue),
            WeeklyRevenue = Sampling.Band(totalRevenue.Select(x => x / weeks).ToArray()),
            Cash = Sampling.Band(totalCash),
            NewCustomers = Sampling.Band(totalNew),
            Repurchases = Sampling.Band(totalRepurchases),
            Company = new TargetOdds("company", prep.Target, Sampling.Band(totalRevenue), Probability(totalRevenue, (double)prep.Target)),
            Regions = r.Targets.Regions.OrderBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => Odds(x.Key, x.Value, k.NewShareByRegion.GetValueOrDefault(x.Key), k.ExistingShareByRegion.GetValueOrDefault(x.Key))).ToList(),
            Teams = r.Targets.Teams.OrderBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => Odds(x.Key, x.Value, k.NewShareByTeam.GetValueOrDefault(x.Key), k.ExistingShareByTeam.GetValueOrDefault(x.Key))).ToList(),
            Cost = new ProjectedCost(Sampling.Band(incentive), prep.Channels.Sum(c => c.SpendPerWeek) * weeks, prep.HireCost),
            Factors = new ProjectedFactors(
                meanQualified,
                meanQualified == 0 ? 0 : totalNew.Average() / meanQualified,
                r.ExistingCustomers,
                customers == 0 ? 0 : meanOrders / customers,
                meanOrders == 0 ? 0 : totalRevenue.Average() / meanOrders),
            Headcount = prep.Headcount,
            LoadRatio = Math.Round(prep.LoadRatio, 3),
        };
    }

    static double Probability(double[] values, double threshold) =>
        values.Length == 0 ? 0 : (double)values.Count(v => v >= threshold) / values.Length;
}
