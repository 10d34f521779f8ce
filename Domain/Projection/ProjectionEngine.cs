using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Projection;

/// <summary>A channel's expected leads per week under the scenario and the share of them with real intent.</summary>
public sealed record ChannelFlow(Channel Channel, double LeadsPerWeek, double EffectiveShare, decimal SpendPerWeek);

/// <summary>
/// A projection ready to run: the scenario's channels, rates and delays measured once, and what the paths need to
/// cost and judge themselves. Paths are run in fixed chunks, each with its own derived seed, so any set of workers
/// (cores here, or stateless worker grains across silos) can run any chunks and the result is the same.
/// </summary>
public sealed class PreparedProjection
{
    public required ProjectionRequest Request { get; init; }
    public required FunnelKernels Kernels { get; init; }
    public required ChannelFlow[] Channels { get; init; }
    /// <summary>Share of referral leads with real intent.</summary>
    public required double ReferralEffectiveShare { get; init; }
    public required decimal Quota { get; init; }
    public required decimal Target { get; init; }
    public required int Headcount { get; init; }
    public required double LoadRatio { get; init; }
    public required decimal HireCost { get; init; }
    public int Weeks => Request.Weeks;
    public int Chunks => (Request.Paths + ProjectionEngine.ChunkPaths - 1) / ProjectionEngine.ChunkPaths;
}

/// <summary>The figures of a run of consecutive paths: per path and week, and per path totals.</summary>
public sealed class PathBlock
{
    public required int FirstPath { get; init; }
    public required int Count { get; init; }
    /// <summary>Per path then week (path * weeks + week).</summary>
    public required double[] Revenue { get; init; }
    public required double[] Cash { get; init; }
    public required double[] NewCustomers { get; init; }
    public required double[] Repurchases { get; init; }
    /// <summary>Per path totals over the horizon.</summary>
    public required double[] WonRevenue { get; init; }
    public required double[] RepurchaseRevenueNew { get; init; }
    public required double[] RepurchaseRevenueExisting { get; init; }
    public required double[] Wins { get; init; }
    public required double[] Qualified { get; init; }
}

/// <summary>
/// Monte Carlo projection of a sales organisation, pure and deterministic per seed.
/// Each path samples counts per stage and week: leads per channel (Poisson), leads with real intent (binomial),
/// qualified (binomial), won (binomial) per weekly cohort; wins land over the following weeks as the measured delays
/// say; repurchases and referrals are Poisson on the customers won so far and the existing base; referral leads feed
/// the next weeks' cohorts.
/// </summary>
public static class ProjectionEngine
{
    /// <summary>Paths per chunk: the unit of work and of seeding.</summary>
    public const int ChunkPaths = 250;

    /// <summary>Prepares, runs every path on this machine's cores (or at most <paramref name="maxParallelism"/>) and summarises.</summary>
    public static ProjectionResult Run(ProjectionRequest request, int maxParallelism = -1)
    {
        var prepared = Prepare(request, maxParallelism);
        return Summarise(prepared, [RunChunks(prepared, 0, prepared.Chunks, maxParallelism)]);
    }

    /// <summary>Measures the scenario's funnel and works out its flows, quota, target and costs.</summary>
    public static PreparedProjection Prepare(ProjectionRequest r, int maxParallelism = -1)
    {
        if (r.Validate() is { } error) throw new ArgumentException(error, nameof(r));
        var levers = r.Levers;
        var p = LeverEffects.Apply(r.Parameters, levers);
        var org = r.Organisation;
        var allReps = org.Teams.SelectMany(t => t.Reps.Select(rep => (Team: t, Rep: rep))).ToList();
        var quarterlyTarget = allReps.Count == 0 ? 0 : allReps.Average(x => x.Rep.Target);
        var shift = LeverEffects.IncentiveShift(r.CurrentPlan, levers.Incentive, r.Parameters.ListPrice, quarterlyTarget);

        var sample = new List<(RepAssignment Rep, double Weight)>();
        foreach (var (team, rep) in allReps)
            sample.Add((new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, LeverEffects.ShiftedIncentive(rep.Incentive, shift), 0, rep.Capacity), rep.Capacity));
        // Hires join teams in turn; over the horizon they count for the weeks they are present, at their ramped skill.
        var hired = 0;
        var averageCapacity = (int)Math.Round(allReps.Average(x => x.Rep.Capacity));
        foreach (var hire in levers.Hires)
        {
            var present = r.Weeks - hire.Week;
            var ramp = Enumerable.Range(0, present).Average(w => LeverEffects.RampedSkillShare(w + 0.5, levers.RampWeeks));
            for (var i = 0; i < hire.Count; i++, hired++)
            {
                var team = org.Teams.Where(t => t.Reps.Count > 0).ElementAt(hired % org.Teams.Count(t => t.Reps.Count > 0));
                var skills = Enumerable.Range(0, team.Reps[0].Skills.Length).Select(s => team.Reps.Average(x => x.Skills[s]) * ramp).ToArray();
                var incentive = LeverEffects.ShiftedIncentive(team.Reps.Average(x => x.Incentive), shift);
                sample.Add((new RepAssignment(team.RegionId, team.Id, $"{team.Id}-hire-{hired + 1}", skills, incentive, 0, averageCapacity),
                    averageCapacity * (double)present / r.Weeks));
            }
        }

        var channels = org.Campaigns.GroupBy(c => c.Channel).OrderBy(g => g.Key).Select(g =>
        {
            var q = p.Channels[g.Key];
            var scale = levers.BudgetScale.TryGetValue(g.Key, out var s) ? s : 1;
            var budget = g.Sum(c => c.DailyBudget);
            var leads = q.CostPerTouch <= 0 ? 0 : (double)(budget / q.CostPerTouch) * q.LeadRate * 7 * LeverEffects.LeadMultiplier(scale);
            return new ChannelFlow(g.Key, leads, q.EffectiveShare, Math.Round(budget * 7 * (decimal)scale, 2));
        }).ToArray();

        var seed = Prng.Derive(r.Seed, "calibration");
        var reps = sample.Select(x => new SampleRep(x.Rep, x.Weight)).ToList();
        var kernels = FunnelCalibration.Measure(p, reps, r.Weeks, r.CalibrationLeads, seed, maxParallelism);
        // Open leads per unit of capacity: above 1, reps are overloaded and contact slows (Behaviour.LoadFactor).
        var capacity = sample.Sum(x => x.Rep.Capacity * x.Weight / Math.Max(1, x.Rep.Capacity));
        var leadsPerDay = channels.Sum(c => c.LeadsPerWeek) / 7;
        var load = capacity <= 0 ? 0 : leadsPerDay * kernels.MeanOpenDays / capacity;
        if (load > 1)
        {
            reps = sample.Select(x => new SampleRep(x.Rep with { Load = (int)Math.Round(load * x.Rep.Capacity) }, x.Weight)).ToList();
            kernels = FunnelCalibration.Measure(p, reps, r.Weeks, r.CalibrationLeads, seed, maxParallelism);
        }

        var quota = QuotaOf(r);
        return new PreparedProjection
        {
            Request = r,
            Kernels = kernels,
            Channels = channels,
            ReferralEffectiveShare = p.Channels.TryGetValue(Channel.Referral, out var referral) ? referral.EffectiveShare : 0.85,
            Quota = quota,
            Target = TargetOf(r),
            Headcount = allReps.Count + hired,
            LoadRatio = load,
            HireCost = levers.Hires.Sum(h => h.Count * (r.Weeks - h.Week) * levers.CostPerRepWeek),
        };
    }

    /// <summary>The reps' quarterly targets summed and pro-rated to the horizon.</summary>
    public static decimal QuotaOf(ProjectionRequest r) => Math.Round(r.Organisation.Reps.Sum(x => x.Target) * r.Weeks / 13m, 0);

    /// <summary>The company target: the one asked for, or the quota.</summary>
    public static decimal TargetOf(ProjectionRequest r) => r.Targets.Revenue ?? QuotaOf(r);

    /// <summary>Runs chunks [<paramref name="fromChunk"/>, <paramref name="toChunk"/>) in parallel over the cores.</summary>
    public static PathBlock RunChunks(PreparedProjection prep, int fromChunk, int toChunk, int maxParallelism = -1)
    {
        var weeks = prep.Weeks;
        var first = fromChunk * ChunkPaths;
        var last = Math.Min(prep.Request.Paths, toChunk * ChunkPaths);
        var count = Math.Max(0, last - first);
        var block = new PathBlock
        {
            FirstPath = first, Count = count,
            Revenue = new double[count * weeks], Cash = new double[count * weeks],
            NewCustomers = new double[count * weeks], Repurchases = new double[count * weeks],
            WonRevenue = new double[count], RepurchaseRevenueNew = new double[count], RepurchaseRevenueExisting = new double[count],
            Wins = new double[count], Qualified = new double[count],
        };
        Parallel.For(fromChunk, toChunk, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, chunk =>
        {
            var rng = new Prng(Prng.Derive(prep.Request.Seed, $"paths-{chunk}"));
            var from = chunk * ChunkPaths;
            var to = Math.Min(prep.Request.Paths, from + ChunkPaths);
            var cohortWins = new double[weeks];
            var cohortValue = new double[weeks];
            for (var path = from; path < to; path++) RunPath(prep, rng, block, path - first, cohortWins, cohortValue);
        });
        return block;
    }

    static void RunPath(PreparedProjection prep, Prng rng, PathBlock block, int i, double[] cohortWins, double[] cohortValue)
    {
        var k = prep.Kernels;
        var weeks = prep.Weeks;
        double existing = prep.Request.ExistingCustomers;
        double wonRevenue = 0, repNew = 0, repExisting = 0, wins = 0, qualified = 0;
        // The pipeline in flight: open opportunities close as measured from their opening; qualified leads as a new cohort's.
        double pipelineOpportunities = Sampling.Binomial(rng, prep.Request.OpenOpportunities, k.WinOpportunity);
        double pipelineQualified = Sampling.Binomial(rng, prep.Request.OpenQualified, k.WinEffective);
        wins += pipelineOpportunities + pipelineQualified;
        for (var t = 0; t < weeks; t++)
        {
            // Referral leads this week: from customers won in earlier weeks' cohorts and from the existing base.
            var pipeline = pipelineOpportunities + pipelineQualified;
            var referralMean = existing * k.ReferralsPerExisting[t] + (t > 0 ? pipeline * k.ReferralsPerWin[t] : 0);
            for (var w = 0; w < t; w++) referralMean += cohortWins[w] * k.ReferralsPerWin[t - w];
            var referrals = rng.Poisson(referralMean);

            long effective = 0, junk = 0;
            foreach (var c in prep.Channels)
            {
                var n = rng.Poisson(c.LeadsPerWeek);
                var e = Sampling.Binomial(rng, n, c.EffectiveShare);
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

            var pipelineNew = pipelineOpportunities * k.OpportunityWinShape[t] + pipelineQualified * k.WinShape[t];
            double newCustomers = pipelineNew, wonValue = pipelineNew, repurchaseMean = pipeline * k.RepurchasesPerWin[t];
            double cash = existing * k.CashPerExisting[t] + pipeline * k.CashPerWin[t];
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
            wonValue *= k.WonValueMean;
            var repurchasesNew = rng.Poisson(repurchaseMean);
            var repurchasesExisting = rng.Poisson(existing * k.RepurchasesPerExisting[t]);
            var repurchaseValue = repurchasesNew * k.RepurchaseValueNew + repurchasesExisting * k.RepurchaseValueExisting;

            var at = i * weeks + t;
            block.Revenue[at] = wonValue + repurchaseValue;
            block.Cash[at] = cash;
            block.NewCustomers[at] = newCustomers;
            block.Repurchases[at] = repurchasesNew + repurchasesExisting;
            wonRevenue += wonValue;
            repNew += repurchasesNew * k.RepurchaseValueNew;
            repExisting += repurchasesExisting * k.RepurchaseValueExisting;
        }
        block.WonRevenue[i] = wonRevenue;
        block.RepurchaseRevenueNew[i] = repNew;
        block.RepurchaseRevenueExisting[i] = repExisting;
        block.Wins[i] = wins;
        block.Qualified[i] = qualified;
    }

    /// <summary>Joins blocks (in path order) into the result: bands, odds, costs and factors.</summary>
    public static ProjectionResult Summarise(PreparedProjection prep, IReadOnlyList<PathBlock> blocks)
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
        Parallel.For(0, weeks, t =>
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
