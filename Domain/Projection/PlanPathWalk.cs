using Growth.Domain.Compensation;
using Growth.Domain.Randomness;

namespace Growth.Domain.Projection;

/// <summary>
/// Walks one chunk's paths of a plan option, every rep week by week (<see cref="PlanPaths"/>): deals from the rep's
/// response table, pulled in, held back or owed back; commission and spiffs as they close, a clawback on the share of
/// them refunded or churned within the plan's days; at each measurement period's end the team bonus on the team's
/// attainment and the draw advanced or recovered (<see cref="PeriodPay"/>). Allocates only per chunk, not per path.
/// </summary>
internal sealed class PlanPathWalk
{
    /// <summary>What every path adds up, indexed by path (and rep × paths + path for the per-rep arrays).</summary>
    internal sealed class Totals(int paths, int reps)
    {
        public readonly double[] NewBusiness = new double[paths], Cost = new double[paths], AtQuota = new double[paths], FarBelow = new double[paths];
        public readonly double[] RepPay = new double[reps * paths], RepAttainment = new double[reps * paths];
        public readonly double[] Base = new double[paths], Commission = new double[paths], Spiffs = new double[paths],
            Bonus = new double[paths], Clawbacks = new double[paths], Draws = new double[paths];

        public PayBreakdown Breakdown()
        {
            static double M(double[] a) => a.Length == 0 ? 0 : Math.Round(a.Average(), 2);
            return new PayBreakdown(M(Base), M(Commission), M(Spiffs), M(Bonus), M(Clawbacks), M(Draws));
        }
    }

    // Per rep: credited in the period, over the horizon, pay (without base), deals owed to the next period (pulled),
    // owed back this period, held back, variable pay in the period, draw outstanding, then the horizon's commission,
    // spiffs, team bonus, clawbacks and draws.
    const int Slots = 13;
    const int Credited = 0, Horizon = 1, Pay = 2, Pulled = 3, Owed = 4, Held = 5, Variable = 6, Outstanding = 7,
        CommissionSum = 8, SpiffSum = 9, BonusSum = 10, ClawSum = 11, DrawSum = 12;
    /// <summary>Weeks after which an unrecovered draw is forgiven (a year, as the live payouts forgive it at the fiscal year's end).</summary>
    const int DrawYearWeeks = 52;

    readonly PlanPaths.Shared s;
    readonly PlanPaths.Table[] tables;
    readonly Totals totals;
    readonly double[] state;
    /// <summary>Each rep's team bonus group (team × measurement period length), and the groups' sums at a period's end.</summary>
    readonly int[] group;
    readonly double[] groupCredited, groupTarget;
    /// <summary>
    /// The calendar of every rep's periods, worked out once per chunk instead of per path and week (indexed rep × weeks + week):
    /// the first cell of the week of the period in the response table, whether a new period starts, whether the period ends
    /// (and the share of it the horizon covers); and whether any rep's period ends in a week.
    /// </summary>
    readonly int[] weekCell;
    readonly bool[] starts, ends, anyEnds;
    readonly double[] covered;
    readonly int weeks;

    public PlanPathWalk(PlanPaths.Shared shared, PlanPaths.Table[] repTables, Totals sums, int horizonWeeks)
    {
        (s, tables, totals, weeks) = (shared, repTables, sums, horizonWeeks);
        var n = tables.Length;
        (weekCell, starts, ends, covered, anyEnds) = (new int[n * weeks], new bool[n * weeks], new bool[n * weeks], new double[n * weeks], new bool[weeks]);
        for (var r = 0; r < n; r++)
        {
            var tb = tables[r];
            var pw = tb.Terms.PeriodWeeks;
            for (var t = 0; t < weeks; t++)
            {
                var period = (int)(t / pw);
                weekCell[r * weeks + t] = Math.Min(tb.WeeksInPeriod - 1, (int)(t - period * pw)) * PlanPaths.Bins;
                starts[r * weeks + t] = t > 0 && (int)((t - 1) / pw) != period;
                ends[r * weeks + t] = EndsAt(pw, t, weeks);
                covered[r * weeks + t] = Covered(pw, t, weeks);
                anyEnds[t] |= ends[r * weeks + t];
            }
        }
        state = new double[tables.Length * Slots];
        var lengths = tables.Select(t => t.Terms.PeriodWeeks).Distinct().ToArray();
        group = tables.Select((t, r) => Math.Max(0, s.TeamOf.ElementAtOrDefault(r)) * lengths.Length + Array.IndexOf(lengths, t.Terms.PeriodWeeks)).ToArray();
        var groups = Math.Max(1, s.Teams) * lengths.Length;
        (groupCredited, groupTarget) = (new double[groups], new double[groups]);
    }

    /// <summary>One path. <paramref name="rng"/> draws deals; clawbacks draw from their own stream so options without one keep common random numbers.</summary>
    public void Run(Prng rng, Prng clawRng, int path)
    {
        Array.Clear(state);
        var n = tables.Length;
        var paths = totals.NewBusiness.Length;
        var prep = s.Prepared;
        var cv = s.DealValue <= 0 ? 0 : s.DealValueSd / s.DealValue;
        double total = 0;
        for (var t = 0; t < weeks; t++)
        {
            var season = prep.Season(t);
            for (var r = 0; r < n; r++)
            {
                var tb = tables[r];
                var terms = tb.Terms;
                var o = r * Slots;
                var released = 0.0;
                if (starts[r * weeks + t])
                {
                    // A new period: attainment starts again; pulled deals are owed back now, held ones close now.
                    state[o + Credited] = 0;
                    state[o + Owed] = state[o + Pulled];
                    state[o + Pulled] = 0;
                    released = state[o + Held];
                    state[o + Held] = 0;
                }
                var credited = state[o + Credited];
                var bin = tb.Target <= 0 ? 0 : Math.Min(PlanPaths.Bins - 1, (int)(credited / tb.Target / PlanPaths.Step));
                var cell = weekCell[r * weeks + t] + bin;
                var lambda = s.WinsPerWeek[r] * season;
                double deals = rng.Poisson(lambda * tb.Wins[cell]);
                var owed = Math.Min(state[o + Owed], deals);
                deals -= owed;
                state[o + Owed] -= owed;
                if (tb.Pull[cell] > 0)
                {
                    double pulled = rng.Poisson(lambda * tb.Pull[cell]);
                    deals += pulled;
                    state[o + Pulled] += pulled;
                }
                if (tb.Hold[cell] > 0 && deals > 0)
                {
                    double held = Sampling.Binomial(rng, (long)deals, tb.Hold[cell]);
                    deals -= held;
                    state[o + Held] += held;
                }
                deals += released;
                if (deals <= 0) continue;
                var value = Math.Max(0, deals * s.DealValue * (1 - tb.Discount[cell]) * (1 + rng.Normal() * cv / Math.Sqrt(deals)));
                var commission = terms.Pay(tb.Target, credited, credited + value);
                var spiffs = deals * terms.SpiffPerDeal;
                var claw = tb.Reversed > 0 ? PeriodPay.Clawback(commission, deals, Sampling.Binomial(clawRng, (long)deals, tb.Reversed)) : 0;
                state[o + Credited] = credited + value;
                state[o + Horizon] += value;
                state[o + Pay] += commission + spiffs + claw;
                state[o + Variable] += commission + spiffs + claw;
                state[o + CommissionSum] += commission;
                state[o + SpiffSum] += spiffs;
                state[o + ClawSum] += claw;
                total += value;
            }
            if (anyEnds[t]) PeriodEnds(t);
        }
        Finish(path, paths, total);
    }

    static bool EndsAt(double periodWeeks, int t, int weeks) => t == weeks - 1 || (int)((t + 1) / periodWeeks) != (int)(t / periodWeeks);

    /// <summary>Share of a period the horizon covers when it ends at <paramref name="t"/> (1 for a whole period).</summary>
    static double Covered(double periodWeeks, int t, int weeks)
    {
        if (t < weeks - 1 || (int)((t + 1) / periodWeeks) != (int)(t / periodWeeks)) return 1;
        var first = (int)Math.Ceiling((int)(t / periodWeeks) * periodWeeks);
        return Math.Min(1, (t + 1 - first) / periodWeeks);
    }

    /// <summary>The team bonus and the draw of every rep whose measurement period ends with week <paramref name="t"/>.</summary>
    void PeriodEnds(int t)
    {
        var n = tables.Length;
        Array.Clear(groupCredited);
        Array.Clear(groupTarget);
        for (var r = 0; r < n; r++)
        {
            if (!ends[r * weeks + t]) continue;
            groupCredited[group[r]] += state[r * Slots + Credited];
            groupTarget[group[r]] += tables[r].Target * covered[r * weeks + t];
        }
        for (var r = 0; r < n; r++)
        {
            var tb = tables[r];
            var o = r * Slots;
            if (!ends[r * weeks + t]) continue;
            var plan = tb.Terms.Plan;
            var bonus = PeriodPay.TeamBonus(plan.TeamBonus, groupCredited[group[r]], groupTarget[group[r]]);
            state[o + Variable] += bonus;
            var (line, outstanding) = PeriodPay.Draw((double)plan.Draw * covered[r * weeks + t], state[o + Variable], state[o + Outstanding]);
            state[o + Pay] += bonus + line;
            state[o + BonusSum] += bonus;
            state[o + DrawSum] += line;
            state[o + Outstanding] = (t + 1) % DrawYearWeeks == 0 ? 0 : outstanding;
            state[o + Variable] = 0;
        }
    }

    void Finish(int path, int paths, double total)
    {
        double reached = 0, below = 0, pay = 0, basePay = 0, commission = 0, spiffs = 0, bonus = 0, claw = 0, draws = 0;
        for (var r = 0; r < tables.Length; r++)
        {
            var tb = tables[r];
            var o = r * Slots;
            var periods = weeks / tb.Terms.PeriodWeeks;
            var repBase = (double)tb.Terms.Plan.BasePay * periods;
            var repTotal = state[o + Pay] + repBase;
            var horizonTarget = tb.Target * periods;
            var attainment = horizonTarget <= 0 ? 0 : state[o + Horizon] / horizonTarget;
            if (attainment >= 1) reached++;
            if (repTotal < s.Response.FarBelowOteShare * tb.Ote * periods) below++;
            totals.RepPay[r * paths + path] = repTotal;
            totals.RepAttainment[r * paths + path] = attainment;
            pay += repTotal;
            basePay += repBase;
            commission += state[o + CommissionSum];
            spiffs += state[o + SpiffSum];
            bonus += state[o + BonusSum];
            claw += state[o + ClawSum];
            draws += state[o + DrawSum];
        }
        totals.NewBusiness[path] = total;
        totals.Cost[path] = pay;
        totals.AtQuota[path] = reached;
        totals.FarBelow[path] = below;
        (totals.Base[path], totals.Commission[path], totals.Spiffs[path]) = (basePay, commission, spiffs);
        (totals.Bonus[path], totals.Clawbacks[path], totals.Draws[path]) = (bonus, claw, draws);
    }
}
