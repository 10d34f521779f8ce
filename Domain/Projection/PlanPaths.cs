using Growth.Domain.Compensation;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>
/// The per-rep paths of a plan comparison. Each rep's answers to their plan are tabled once per option (week of the
/// period × attainment in 5 % steps, up to 300 %), so the hot loop only looks up, draws and adds: no allocation per path.
/// </summary>
public static class PlanPaths
{
    /// <summary>Attainment step of the response tables.</summary>
    public const double Step = 0.05;
    /// <summary>Attainment bins (0 .. 300 % and above).</summary>
    public const int Bins = 61;

    /// <summary>What every option shares: the reps, their expected weekly wins and the deal value.</summary>
    public sealed class Shared
    {
        public required PreparedProjection Prepared { get; init; }
        public required RepProfile[] Reps { get; init; }
        /// <summary>Expected new deals per week per rep at today's effort.</summary>
        public required double[] WinsPerWeek { get; init; }
        public required double DealValue { get; init; }
        public required double DealValueSd { get; init; }
        public required PlanResponseParameters Response { get; init; }
        public required ChannelQuality Quality { get; init; }
    }

    public static Shared Setup(PreparedProjection prepared, ProjectionResult baseline, PlanResponseParameters response)
    {
        var p = prepared.Request.Parameters;
        var reps = prepared.Request.Organisation.Teams.SelectMany(t => t.Reps).ToArray();
        var weights = reps.Select(r => r.Capacity * Behaviour.WinProbability(p, r.Skills, 0.7, 0.9)).ToArray();
        var total = weights.Sum();
        var perWeek = baseline.NewCustomers.Mean / prepared.Weeks;
        var leads = prepared.Channels.Sum(c => c.LeadsPerWeek);
        var effective = leads <= 0 ? 0.5 : prepared.Channels.Sum(c => c.LeadsPerWeek * c.EffectiveShare) / leads;
        return new Shared
        {
            Prepared = prepared, Reps = reps, Response = response,
            WinsPerWeek = weights.Select(w => total <= 0 ? perWeek / reps.Length : perWeek * w / total).ToArray(),
            DealValue = prepared.Kernels.WonValueMean, DealValueSd = prepared.Kernels.WonValueSd,
            Quality = new ChannelQuality(effective, 1m, 1),
        };
    }

    /// <summary>
    /// Multiplier on a rep's expected wins when their effort is multiplied by <paramref name="effort"/>, through the
    /// behaviour model (first-contact speed, follow-ups). Where deal outcomes are fitted on a history the model no
    /// longer varies them, so wins also move as effort ^ <see cref="PlanResponseParameters.FittedOutputElasticity"/>.
    /// </summary>
    public static double WinMultiplier(BehaviourParameters p, ChannelQuality q, RepProfile rep, double effort, PlanResponseParameters? response = null)
    {
        if (effort == 1) return 1;
        double Deals(double incentive) => Behaviour.ExpectedLeadToDeal(p, q, Behaviour.MeanHoursToContact(p, incentive, 0, rep.Capacity), rep.Skills, incentive);
        var now = Deals(rep.Incentive);
        var ratio = now <= 0 ? 1 : Deals(PlanResponse.Incentive(rep.Incentive, effort)) / now;
        return p.Deals is null ? ratio : ratio * Math.Pow(effort, (response ?? p.PlanResponse).FittedOutputElasticity);
    }

    /// <summary>One rep's response table under a plan: flat arrays indexed [week of period × <see cref="Bins"/> + bin].</summary>
    sealed class Table
    {
        public required PlanTerms Terms { get; init; }
        public required int WeeksInPeriod { get; init; }
        public required double[] Wins { get; init; }
        public required double[] Pull { get; init; }
        public required double[] Hold { get; init; }
        public required double[] Discount { get; init; }
        public required double Target { get; init; }
        public required double Ote { get; init; }
    }

    static Table Build(Shared s, int r, PlanTerms terms)
    {
        var rep = s.Reps[r];
        var p = s.Prepared.Request.Parameters;
        var weeks = (int)Math.Ceiling(terms.PeriodWeeks);
        var n = weeks * Bins;
        var (wins, pull, hold, discount) = (new double[n], new double[n], new double[n], new double[n]);
        var spiffRate = s.DealValue <= 0 ? 0 : terms.SpiffPerDeal / s.DealValue;
        var windowWeeks = Math.Max(1, s.Response.PullInWindow * terms.PeriodWeeks);
        // Many cells share an effort (every bin of a tier away from its thresholds): measure each effort once.
        var byEffort = new Dictionary<double, double>();
        for (var k = 0; k < weeks; k++)
            for (var b = 0; b < Bins; b++)
            {
                var e = PlanResponse.Of(s.Response, terms.Plan, new PlanStanding(b * Step, Math.Min(1, (k + 1) / terms.PeriodWeeks), spiffRate));
                var i = k * Bins + b;
                if (!byEffort.TryGetValue(e.Effort, out var multiplier)) byEffort[e.Effort] = multiplier = WinMultiplier(p, s.Quality, rep, e.Effort, s.Response);
                wins[i] = multiplier;
                // The share of the next period's deals pulled in is spread over the window's weeks.
                pull[i] = e.PullIn * terms.PeriodWeeks / windowWeeks;
                hold[i] = e.HoldBack;
                discount[i] = e.Discount;
            }
        var target = (double)rep.Target * terms.PeriodWeeks / 13;
        return new Table
        {
            Terms = terms, WeeksInPeriod = weeks, Wins = wins, Pull = pull, Hold = hold, Discount = discount, Target = target,
            Ote = terms.OnTargetEarnings(target, s.DealValue <= 0 ? 0 : target / s.DealValue),
        };
    }

    public static PlanOutcome Run(Shared s, PlanOption option, IReadOnlyDictionary<string, double> productShares, double repurchase, ParallelOptions parallel,
        Action<int>? chunkDone = null)
    {
        var reps = s.Reps;
        var tables = reps.Select((rep, r) => Build(s, r, PlanTerms.Of(option.RepPlans.TryGetValue(rep.Id, out var plan) ? plan : CompensationPlanSetup.Flat, productShares))).ToArray();
        var prep = s.Prepared;
        var (weeks, paths, n) = (prep.Weeks, prep.Request.Paths, reps.Length);
        var newBusiness = new double[paths];
        var cost = new double[paths];
        var atQuota = new double[paths];
        var farBelow = new double[paths];
        var repPay = new double[n * paths];
        var repAttainment = new double[n * paths];
        var chunks = prep.Chunks;
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var rng = new Prng(Prng.Derive(prep.Request.Seed, $"plans-{chunk}"));
            var state = new double[n * 6];
            var to = Math.Min(paths, (chunk + 1) * ProjectionEngine.ChunkPaths);
            for (var path = chunk * ProjectionEngine.ChunkPaths; path < to; path++)
                RunPath(s, tables, rng, state, path, weeks, newBusiness, cost, atQuota, farBelow, repPay, repAttainment);
            chunkDone?.Invoke(to - chunk * ProjectionEngine.ChunkPaths);
        });
        var outcomeReps = new RepPayout[n];
        var column = new double[paths];
        var attColumn = new double[paths];
        for (var r = 0; r < n; r++)
        {
            Array.Copy(repPay, r * paths, column, 0, paths);
            Array.Copy(repAttainment, r * paths, attColumn, 0, paths);
            var t = tables[r];
            outcomeReps[r] = new RepPayout(reps[r].Id, reps[r].Name, reps[r].TeamId, t.Terms.Plan.Id, Math.Round(t.Ote * weeks / t.Terms.PeriodWeeks, 2),
                Sampling.Band(column), Sampling.Band(attColumn));
        }
        var revenue = newBusiness.Select(v => v + repurchase).ToArray();
        var margin = revenue.Select((v, i) => v - cost[i]).ToArray();
        var revenueBand = Sampling.Band(revenue);
        var costBand = Sampling.Band(cost);
        return new PlanOutcome(option.Name, revenueBand, Sampling.Band(newBusiness), costBand, Sampling.Band(margin), Sampling.Band(atQuota),
            n == 0 ? 0 : Math.Round(atQuota.Average() / n, 4), Sampling.Band(farBelow),
            revenueBand.Mean <= 0 ? 0 : Math.Round(costBand.Mean / revenueBand.Mean, 4), outcomeReps);
    }

    /// <summary>One path: every rep week by week. <paramref name="state"/> holds per rep: credited in the period, credited over the horizon, pay, deals owed to the next period (pulled), deals owed back this period, deals held back.</summary>
    static void RunPath(Shared s, Table[] tables, Prng rng, double[] state, int path, int weeks,
        double[] newBusiness, double[] cost, double[] atQuota, double[] farBelow, double[] repPay, double[] repAttainment)
    {
        Array.Clear(state);
        var n = tables.Length;
        var paths = newBusiness.Length;
        var prep = s.Prepared;
        var cv = s.DealValue <= 0 ? 0 : s.DealValueSd / s.DealValue;
        double total = 0, pay = 0;
        for (var t = 0; t < weeks; t++)
        {
            var season = prep.Season(t);
            for (var r = 0; r < n; r++)
            {
                var tb = tables[r];
                var terms = tb.Terms;
                var o = r * 6;
                var period = (int)(t / terms.PeriodWeeks);
                var k = Math.Min(tb.WeeksInPeriod - 1, (int)(t - period * terms.PeriodWeeks));
                var released = 0.0;
                if (t > 0 && (int)((t - 1) / terms.PeriodWeeks) != period)
                {
                    // A new period: attainment starts again; pulled deals are owed back now, held ones close now.
                    state[o] = 0;
                    state[o + 4] = state[o + 3];
                    state[o + 3] = 0;
                    released = state[o + 5];
                    state[o + 5] = 0;
                }
                var credited = state[o];
                var bin = tb.Target <= 0 ? 0 : Math.Min(Bins - 1, (int)(credited / tb.Target / Step));
                var cell = k * Bins + bin;
                var lambda = s.WinsPerWeek[r] * season;
                double deals = rng.Poisson(lambda * tb.Wins[cell]);
                var owed = Math.Min(state[o + 4], deals);
                deals -= owed;
                state[o + 4] -= owed;
                if (tb.Pull[cell] > 0)
                {
                    double pulled = rng.Poisson(lambda * tb.Pull[cell]);
                    deals += pulled;
                    state[o + 3] += pulled;
                }
                if (tb.Hold[cell] > 0 && deals > 0)
                {
                    double held = Sampling.Binomial(rng, (long)deals, tb.Hold[cell]);
                    deals -= held;
                    state[o + 5] += held;
                }
                deals += released;
                if (deals <= 0) continue;
                var value = Math.Max(0, deals * s.DealValue * (1 - tb.Discount[cell]) * (1 + rng.Normal() * cv / Math.Sqrt(deals)));
                var earned = terms.Pay(tb.Target, credited, credited + value) + deals * terms.SpiffPerDeal;
                state[o] = credited + value;
                state[o + 1] += value;
                state[o + 2] += earned;
                total += value;
            }
        }
        double reached = 0, below = 0;
        for (var r = 0; r < n; r++)
        {
            var tb = tables[r];
            var periods = weeks / tb.Terms.PeriodWeeks;
            var repTotal = state[r * 6 + 2] + (double)tb.Terms.Plan.BasePay * periods;
            var horizonTarget = tb.Target * periods;
            var attainment = horizonTarget <= 0 ? 0 : state[r * 6 + 1] / horizonTarget;
            if (attainment >= 1) reached++;
            if (repTotal < s.Response.FarBelowOteShare * tb.Ote * periods) below++;
            repPay[r * paths + path] = repTotal;
            repAttainment[r * paths + path] = attainment;
            pay += repTotal;
        }
        newBusiness[path] = total;
        cost[path] = pay;
        atQuota[path] = reached;
        farBelow[path] = below;
    }
}
