using Growth.Domain.Randomness;

namespace Growth.Domain.Projection;

/// <summary>
/// The Monte Carlo paths. Each path samples counts per stage and week: leads per channel (Poisson), leads with real
/// intent (binomial), qualified (binomial), won (binomial) per weekly cohort; wins land over the following weeks as the
/// measured delays say; repurchases and referrals are Poisson on the customers won so far and the existing base;
/// referral leads feed the next weeks' cohorts. Paths run in chunks of <see cref="ProjectionEngine.ChunkPaths"/>, each
/// with its own seed, so the figures do not depend on how many cores ran them.
/// </summary>
public static class PathSimulation
{
    /// <summary>
    /// Runs chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>), in parallel as <paramref name="parallel"/> allows
    /// (its cancellation token stops the run between chunks); <paramref name="chunkDone"/> hears the paths of each chunk finished.
    /// </summary>
    public static PathBlock RunChunks(PreparedProjection prep, int fromChunk, int toChunk, ParallelOptions parallel, Action<int>? chunkDone = null)
    {
        var weeks = prep.Weeks;
        var first = fromChunk * ProjectionEngine.ChunkPaths;
        var last = Math.Min(prep.Request.Paths, toChunk * ProjectionEngine.ChunkPaths);
        var count = Math.Max(0, last - first);
        var block = new PathBlock
        {
            FirstPath = first, Count = count,
            Revenue = new double[count * weeks], Cash = new double[count * weeks],
            NewCustomers = new double[count * weeks], Repurchases = new double[count * weeks],
            WonRevenue = new double[count], RepurchaseRevenueNew = new double[count], RepurchaseRevenueExisting = new double[count],
            Wins = new double[count], Qualified = new double[count],
        };
        Parallel.For(fromChunk, toChunk, parallel, chunk =>
        {
            var rng = new Prng(Prng.Derive(prep.Request.Seed, $"paths-{chunk}"));
            var from = chunk * ProjectionEngine.ChunkPaths;
            var to = Math.Min(prep.Request.Paths, from + ProjectionEngine.ChunkPaths);
            var cohortWins = new double[weeks];
            var cohortValue = new double[weeks];
            for (var path = from; path < to; path++) RunPath(prep, rng, block, path - first, cohortWins, cohortValue);
            chunkDone?.Invoke(to - from);
        });
        return block;
    }

    static void RunPath(PreparedProjection prep, Prng rng, PathBlock block, int i, double[] cohortWins, double[] cohortValue)
    {
        var k = prep.Kernels;
        var weeks = prep.Weeks;
        double existing = prep.Request.ExistingCustomers;
        double wonRevenue = 0, repNew = 0, repExisting = 0, wins = 0, qualified = 0;
        // The pipeline in flight: open opportunities close as deals part-way through their steps were measured to
        // (FunnelKernels.WinInFlight, by week since the start); qualified leads as a new cohort's.
        double pipelineOpportunities = Sampling.Binomial(rng, prep.Request.OpenOpportunities, k.WinInFlight);
        double pipelineQualified = Sampling.Binomial(rng, prep.Request.OpenQualified, k.WinEffective);
        wins += pipelineOpportunities + pipelineQualified;
        // The won deals' order value relative to the measured mean (normal by the central limit theorem); no draw without any.
        var inFlightValue = pipelineOpportunities > 0 ? Math.Max(0, 1 + rng.Normal() * k.InFlightValueCv / Math.Sqrt(pipelineOpportunities)) : 1;
        for (var t = 0; t < weeks; t++)
        {
            // Referral leads this week: from customers won in earlier weeks' cohorts and from the existing base.
            var referralMean = existing * k.ReferralsPerExisting[t] + (t > 0 ? pipelineQualified * k.ReferralsPerWin[t] : 0)
                + pipelineOpportunities * At(k.InFlightReferralsPerWin, t);
            for (var w = 0; w < t; w++) referralMean += cohortWins[w] * k.ReferralsPerWin[t - w];
            var referrals = rng.Poisson(referralMean);

            long effective = 0, junk = 0;
            foreach (var c in prep.Channels)
            {
                var n = rng.Poisson(c.Leads(t) * prep.Season(t));
                var e = Sampling.Binomial(rng, n, c.Share(t));
                effective += e;
                junk += n - e;
            }
            var re = Sampling.Binomial(rng, referrals, prep.ReferralEffectiveShare);
            effective += re;
            junk += referrals - re;

            var qualifiedEffective = Sampling.Binomial(rng, effective, k.QualifyEffective);
            var qualifiedJunk = Sampling.Binomial(rng, junk, k.QualifyJunk);
            qualified += qualifiedEffective + qualifiedJunk;
            var won = Sampling.Binomial(rng, qualifiedEffective, k.WinEffective) + Sampling.Binomial(rng, qualifiedJunk, k.WinJunk);
            cohortWins[t] = won;
            // The sum of `won` deal values: normal by the central limit theorem, relative to the mean value.
            cohortValue[t] = won > 0 && k.WonValueMean > 0
                ? Math.Max(0, 1 + rng.Normal() * k.WonValueSd / (k.WonValueMean * Math.Sqrt(won)))
                : 1;
            wins += won;

            // Deals in flight count as the model counts them: won when won, revenue when the order is signed.
            var qualifiedNew = pipelineQualified * k.WinShape[t];
            double newCustomers = pipelineOpportunities * At(k.InFlightWinShape, t) + qualifiedNew, wonValue = qualifiedNew;
            var repurchaseMean = pipelineQualified * k.RepurchasesPerWin[t];
            var inFlightRepurchases = pipelineOpportunities * At(k.InFlightRepurchasesPerWin, t);
            double cash = existing * k.CashPerExisting[t] + pipelineQualified * k.CashPerWin[t] + pipelineOpportunities * inFlightValue * At(k.InFlightCashPerWin, t);
            for (var w = 0; w <= t; w++)
            {
                var cw = cohortWins[w];
                if (cw == 0) continue;
                var lag = t - w;
                newCustomers += cw * k.WinShape[lag];
                wonValue += cw * cohortValue[w] * k.WinShape[lag];
                repurchaseMean += cw * k.RepurchasesPerWin[lag];
                cash += cw * cohortValue[w] * k.CashPerWin[lag];
            }
            wonValue = wonValue * k.WonValueMean + pipelineOpportunities * inFlightValue * At(k.InFlightOrdersPerWin, t);
            // One draw for new customers' repurchases, priced at the mean of the two kinds' values by their expected counts.
            var repurchasesNew = rng.Poisson(repurchaseMean + inFlightRepurchases);
            var repurchaseValueNew = inFlightRepurchases > 0
                ? (repurchaseMean * k.RepurchaseValueNew + inFlightRepurchases * k.InFlightRepurchaseValue) / (repurchaseMean + inFlightRepurchases)
                : k.RepurchaseValueNew;
            var repurchasesExisting = rng.Poisson(existing * k.RepurchasesPerExisting[t]);
            var repurchaseValue = repurchasesNew * repurchaseValueNew + repurchasesExisting * k.RepurchaseValueExisting;

            var at = i * weeks + t;
            block.Revenue[at] = wonValue + repurchaseValue;
            block.Cash[at] = cash;
            block.NewCustomers[at] = newCustomers;
            block.Repurchases[at] = repurchasesNew + repurchasesExisting;
            wonRevenue += wonValue;
            repNew += repurchasesNew * repurchaseValueNew;
            repExisting += repurchasesExisting * k.RepurchaseValueExisting;
        }
        block.WonRevenue[i] = wonRevenue;
        block.RepurchaseRevenueNew[i] = repNew;
        block.RepurchaseRevenueExisting[i] = repExisting;
        block.Wins[i] = wins;
        block.Qualified[i] = qualified;
    }

    static double At(double[] byWeek, int t) => t < byWeek.Length ? byWeek[t] : 0;
}
