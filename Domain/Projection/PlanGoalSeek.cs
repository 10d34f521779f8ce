using Growth.Domain.Setup;

namespace Growth.Domain.Projection;

/// <summary>Which part of the pay plan goal seek may change.</summary>
public enum PlanLever
{
    /// <summary>Every commission tier's rate times one multiplier (searched from 0 to <see cref="PlanGoalSeek.MaxCommission"/>).</summary>
    Commission,
    /// <summary>Only the rate paid above 100 % attainment (the tier that spans 100 % is split there), from 1 to <see cref="PlanGoalSeek.MaxAccelerator"/>.</summary>
    Accelerator,
}

/// <summary>
/// The plan answer: the smallest change of the lever at which the target is reached with the chance wanted.
/// </summary>
/// <param name="Multiplier">On the current rates the lever moves (1 = as now); the lowest that reaches the odds.</param>
/// <param name="Reachable">False when even the lever's maximum does not reach the odds (then Multiplier is that maximum).</param>
/// <param name="Odds">Chance of reaching the target at <see cref="Multiplier"/>; <see cref="OddsNow"/> with the plans as they are.</param>
/// <param name="CostNow">Mean cost of sales (every rep's pay) over the projected weeks under the current plans; <see cref="CostNeeded"/> at the answer.</param>
/// <param name="Runs">Per-rep projections run (each on the same seed and funnel: common random numbers).</param>
public sealed record PlanAnswer(decimal Target, PlanLever Lever, double Multiplier, bool Reachable, double Odds, double OddsNow, decimal CostNow, decimal CostNeeded, int Runs)
{
    /// <summary>Pay to add (negative: that can be saved) over the projected weeks.</summary>
    public decimal CostChange => CostNeeded - CostNow;
}

/// <summary>
/// Goal seek's plan lever: for a target and a chance, the smallest multiplier on the current plans' commission rates
/// (every tier, or only above quota) that reaches the target with that chance by the period's end. Each step runs the
/// plan comparison's per-rep paths (<see cref="PlanPaths"/>: every rep answers to where they stand against their own
/// plan) on one measured funnel and one seed, so the steps differ only by the plan. The period's revenue on a path is
/// what is booked plus the path's new business and the baseline's mean repurchase revenue over the whole weeks to the
/// period's end, scaled to the days left (the budget lever counts the last, partial week alone; here the whole horizon
/// is pro-rated, since the per-rep paths keep totals, not weeks). Rates are capped at 100 %. Plans move revenue only
/// through the reps' response (effort within 0.5..1.5, deals pulled in or held back), so a large gap is often
/// out of reach of any rate: the answer says so.
/// </summary>
public static class PlanGoalSeek
{
    public const double MaxCommission = 3;
    public const double MaxAccelerator = 5;
    /// <summary>Bisection stops when the multiplier is known this closely.</summary>
    public const double Tolerance = 0.01;

    /// <summary>Most per-rep projections one plan answer runs (today's, the bracket, the bisection, the answer's own).</summary>
    public static int MostRuns => 3 + (int)Math.Ceiling(Math.Log2(MaxAccelerator / Tolerance));

    /// <summary>The plan with the lever moved by <paramref name="multiplier"/> (rates capped at 100 %).</summary>
    public static CompensationPlanSetup Moved(CompensationPlanSetup plan, PlanLever lever, double multiplier)
    {
        static double Capped(double rate) => Math.Min(1, rate);
        if (lever == PlanLever.Commission)
            return plan with { Tiers = [.. plan.Tiers.Select(t => t with { Rate = Capped(t.Rate * multiplier) })] };
        var tiers = new List<CommissionTierSetup>();
        foreach (var t in plan.Tiers)
        {
            if (t.From < 1 && (t.To is null || t.To > 1))
            {
                tiers.Add(t with { To = 1 });
                tiers.Add(t with { From = 1, Rate = Capped(t.Rate * multiplier) });
            }
            else tiers.Add(t.From >= 1 ? t with { Rate = Capped(t.Rate * multiplier) } : t);
        }
        return plan with { Tiers = tiers };
    }

    /// <summary>
    /// The plan answer for <paramref name="request"/>'s target and chance, each rep's current plan in <paramref name="current"/>
    /// (reps not named: flat 8 %). <paramref name="store"/> keeps the funnel between asks.
    /// </summary>
    public static PlanAnswer Seek(GoalSeekRequest request, PlanLever lever, IReadOnlyDictionary<string, CompensationPlanSetup> current,
        IReadOnlyDictionary<string, double> productShares, ParallelOptions parallel, FunnelStore? store = null, Action<int>? chunkDone = null)
    {
        if (request.Validate() is { } error) throw new ArgumentException(error, nameof(request));
        if (request.Target is not { } target) throw new ArgumentException("target: the plan lever needs a target", nameof(request));
        var days = (request.End - request.Base.Start).TotalDays;
        var weeks = Math.Clamp((int)Math.Ceiling(days / 7), 1, 104);
        var share = days / (7.0 * weeks);
        var horizon = request.Base with { Weeks = weeks, Levers = ProjectionLevers.None, Targets = new ProjectionTargets() };
        var baseline = (store ?? new FunnelStore(1)).Get(horizon, parallel, chunkDone);
        var (shared, repurchase) = PlanComparison.Share(baseline, horizon.Parameters.PlanResponse);
        var booked = (double)request.Booked;
        var t = (double)target;
        var runs = 0;
        (double Odds, decimal Cost) Try(double multiplier)
        {
            runs++;
            var plans = shared.Reps.ToDictionary(r => r.Id, r => Moved(current.GetValueOrDefault(r.Id) ?? CompensationPlanSetup.Flat, lever, multiplier));
            var (business, cost) = PlanPaths.PathTotals(shared, new PlanOption("goal seek", plans), productShares, parallel, chunkDone);
            var reached = business.Count(v => booked + (v + repurchase) * share >= t);
            return (business.Length == 0 ? 0 : (double)reached / business.Length, (decimal)Math.Round(cost.DefaultIfEmpty().Average(), 2));
        }
        var p = request.Probability;
        var (oddsNow, costNow) = Try(1);
        var (min, max) = lever == PlanLever.Commission ? (0.0, MaxCommission) : (1.0, MaxAccelerator);
        double lo, hi;
        var reachable = true;
        if (oddsNow >= p) { lo = min; hi = 1; if (min < 1 && Try(min).Odds >= p) hi = min; }
        else if (Try(max).Odds < p) { lo = hi = max; reachable = false; }
        else { lo = 1; hi = max; }
        // Invariant: the odds at hi reach the chance wanted; at lo they do not (or lo == hi).
        while (hi - lo > Tolerance)
        {
            var mid = (lo + hi) / 2;
            if (Try(mid).Odds >= p) hi = mid; else lo = mid;
        }
        var answer = Math.Ceiling(hi * 100 - 1e-9) / 100;
        var (odds, cost) = Try(answer);
        return new PlanAnswer(target, lever, answer, reachable, odds, oddsNow, costNow, cost, runs);
    }
}
