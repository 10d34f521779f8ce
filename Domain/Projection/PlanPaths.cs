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
    public sealed record Shared
    {
        public required PreparedProjection Prepared { get; init; }
        public required RepProfile[] Reps { get; init; }
        /// <summary>Expected new deals per week per rep at today's effort.</summary>
        public required double[] WinsPerWeek { get; init; }
        public required double DealValue { get; init; }
        public required double DealValueSd { get; init; }
        public required PlanResponseParameters Response { get; init; }
        public required ChannelQuality Quality { get; init; }
        /// <summary>Each rep's team as an index (team bonus on team attainment), and how many teams.</summary>
        public int[] TeamOf { get; init; } = [];
        public int Teams { get; init; }
        /// <summary>Share of won value refunded or churned within d days of the win (<see cref="FunnelKernels.ReversedShareWithin"/>).</summary>
        public double[] ReversedShareWithin { get; init; } = [];

        /// <summary>Share of won value reversed within <paramref name="days"/> of the win.</summary>
        public double ReversedWithin(int days) =>
            days <= 0 || ReversedShareWithin.Length == 0 ? 0 : ReversedShareWithin[Math.Min(days, ReversedShareWithin.Length - 1)];
    }

    /// <param name="newCustomers">The baseline's mean new customers over the horizon.</param>
    public static Shared Setup(PreparedProjection prepared, double newCustomers, PlanResponseParameters response)
    {
        var p = prepared.Request.Parameters;
        var reps = prepared.Request.Organisation.Teams.SelectMany(t => t.Reps).ToArray();
        var weights = reps.Select(r => r.Capacity * Behaviour.WinProbability(p, r.Skills, 0.7, 0.9)).ToArray();
        var total = weights.Sum();
        var teams = reps.Select(r => r.TeamId).Distinct().ToArray();
        var perWeek = newCustomers / prepared.Weeks;
        var leads = prepared.Channels.Sum(c => c.LeadsPerWeek);
        var effective = leads <= 0 ? 0.5 : prepared.Channels.Sum(c => c.LeadsPerWeek * c.EffectiveShare) / leads;
        return new Shared
        {
            Prepared = prepared, Reps = reps, Response = response,
            WinsPerWeek = weights.Select(w => total <= 0 ? perWeek / reps.Length : perWeek * w / total).ToArray(),
            DealValue = prepared.Kernels.WonValueMean, DealValueSd = prepared.Kernels.WonValueSd,
            Quality = new ChannelQuality(effective, 1m, 1),
            TeamOf = reps.Select(r => Array.IndexOf(teams, r.TeamId)).ToArray(), Teams = teams.Length,
            ReversedShareWithin = prepared.Kernels.ReversedShareWithin,
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
    internal sealed class Table
    {
        public required PlanTerms Terms { get; init; }
        public required int WeeksInPeriod { get; init; }
        public required double[] Wins { get; init; }
        public required double[] Pull { get; init; }
        public required double[] Hold { get; init; }
        public required double[] Discount { get; init; }
        public required double Target { get; init; }
        public required double Ote { get; init; }
        /// <summary>Chance a won deal is refunded or churns within the plan's clawback days (0 without a clawback).</summary>
        public double Reversed { get; init; }
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
        var pullWeeks = Math.Clamp(s.Response.PullInDays / 7, 0, terms.PeriodWeeks);
        // Many cells share an effort (every bin of a tier away from its thresholds): measure each effort once.
        var byEffort = new Dictionary<double, double>();
        for (var k = 0; k < weeks; k++)
            for (var b = 0; b < Bins; b++)
            {
                var e = PlanResponse.Of(s.Response, terms.Plan, new PlanStanding(b * Step, Math.Min(1, (k + 1) / terms.PeriodWeeks), spiffRate));
                var i = k * Bins + b;
                if (!byEffort.TryGetValue(e.Effort, out var multiplier)) byEffort[e.Effort] = multiplier = WinMultiplier(p, s.Quality, rep, e.Effort, s.Response);
                wins[i] = multiplier;
                // The share of the deals due within the pull-in horizon after the period's end (at the rep's pace) is spread over the window's weeks.
                pull[i] = e.PullIn * pullWeeks / windowWeeks;
                hold[i] = e.HoldBack;
                discount[i] = e.Discount;
            }
        var target = (double)rep.Target * terms.PeriodWeeks / 13;
        return new Table
        {
            Terms = terms, WeeksInPeriod = weeks, Wins = wins, Pull = pull, Hold = hold, Discount = discount, Target = target,
            Ote = terms.OnTargetEarnings(target, s.DealValue <= 0 ? 0 : target / s.DealValue),
            Reversed = s.ReversedWithin(terms.Plan.Clawback.Days),
        };
    }

    public static PlanOutcome Run(Shared s, PlanOption option, IReadOnlyDictionary<string, double> productShares, double repurchase, ParallelOptions parallel,
        Action<int>? chunkDone = null)
    {
        var (tables, totals) = Walk(s, option, productShares, parallel, chunkDone);
        var reps = s.Reps;
        var (weeks, paths, n) = (s.Prepared.Weeks, s.Prepared.Request.Paths, reps.Length);
        var outcomeReps = new RepPayout[n];
        var column = new double[paths];
        var attColumn = new double[paths];
        for (var r = 0; r < n; r++)
        {
            Array.Copy(totals.RepPay, r * paths, column, 0, paths);
            Array.Copy(totals.RepAttainment, r * paths, attColumn, 0, paths);
            var t = tables[r];
            outcomeReps[r] = new RepPayout(reps[r].Id, reps[r].Name, reps[r].TeamId, t.Terms.Plan.Id, Math.Round(t.Ote * weeks / t.Terms.PeriodWeeks, 2),
                Sampling.Band(column), Sampling.Band(attColumn));
        }
        var revenue = totals.NewBusiness.Select(v => v + repurchase).ToArray();
        var margin = revenue.Select((v, i) => v - totals.Cost[i]).ToArray();
        var revenueBand = Sampling.Band(revenue);
        var costBand = Sampling.Band(totals.Cost);
        return new PlanOutcome(option.Name, revenueBand, Sampling.Band(totals.NewBusiness), costBand, Sampling.Band(margin), Sampling.Band(totals.AtQuota),
            n == 0 ? 0 : Math.Round(totals.AtQuota.Average() / n, 4), Sampling.Band(totals.FarBelow),
            revenueBand.Mean <= 0 ? 0 : Math.Round(costBand.Mean / revenueBand.Mean, 4), outcomeReps, totals.Breakdown());
    }

    /// <summary>Each path's new business and cost of sales over the horizon under an option (goal seek's plan lever reads the paths, not bands).</summary>
    public static (double[] NewBusiness, double[] Cost) PathTotals(Shared s, PlanOption option, IReadOnlyDictionary<string, double> productShares, ParallelOptions parallel,
        Action<int>? chunkDone = null)
    {
        var (_, totals) = Walk(s, option, productShares, parallel, chunkDone);
        return (totals.NewBusiness, totals.Cost);
    }

    static (Table[] Tables, PlanPathWalk.Totals Totals) Walk(Shared s, PlanOption option, IReadOnlyDictionary<string, double> productShares, ParallelOptions parallel,
        Action<int>? chunkDone)
    {
        var reps = s.Reps;
        var channels = ChannelShares(s.Prepared);
        var tables = reps.Select((rep, r) => Build(s, r, PlanTerms.Of(option.RepPlans.TryGetValue(rep.Id, out var plan) ? plan : CompensationPlanSetup.Flat, productShares, channels))).ToArray();
        var prep = s.Prepared;
        var (weeks, paths, n) = (prep.Weeks, prep.Request.Paths, reps.Length);
        var totals = new PlanPathWalk.Totals(paths, n);
        Parallel.For(0, prep.Chunks, parallel, chunk =>
        {
            var rng = new Prng(Prng.Derive(prep.Request.Seed, $"plans-{chunk}"));
            var clawRng = new Prng(Prng.Derive(prep.Request.Seed, $"plans-clawback-{chunk}"));
            var walk = new PlanPathWalk(s, tables, totals, weeks);
            var to = Math.Min(paths, (chunk + 1) * ProjectionEngine.ChunkPaths);
            for (var path = chunk * ProjectionEngine.ChunkPaths; path < to; path++) walk.Run(rng, clawRng, path);
            chunkDone?.Invoke(to - chunk * ProjectionEngine.ChunkPaths);
        });
        return (tables, totals);
    }

    /// <summary>Each campaign channel's share of the leads with real intent (what spiffs per channel are weighted by; referrals are not counted).</summary>
    public static Dictionary<Journeys.Channel, double> ChannelShares(PreparedProjection prepared) => ChannelFlow.SharesOf(prepared.Channels);
}
