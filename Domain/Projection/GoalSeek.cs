namespace Growth.Domain.Projection;

/// <summary>
/// What goal seek asks of the rest of a fiscal period: the projection it runs (organisation, behaviour, customers,
/// pipeline, start, paths and seed of <see cref="Base"/>; its weeks and levers are set here), what is already booked,
/// when the period ends, the odds wanted and, for the budget question, the target.
/// </summary>
public sealed record GoalSeekRequest
{
    public required ProjectionRequest Base { get; init; }
    /// <summary>The fiscal period's name ("FY2026-Q4"), for the answer.</summary>
    public required string Period { get; init; }
    /// <summary>When the period ends; the projection runs from <see cref="ProjectionRequest.Start"/> to it.</summary>
    public required DateTimeOffset End { get; init; }
    /// <summary>Revenue already booked in the period.</summary>
    public decimal Booked { get; init; }
    /// <summary>The chance wanted, strictly between 0 and 1 (0.8: reached on 80 % of the paths).</summary>
    public double Probability { get; init; } = 0.8;
    /// <summary>The period's revenue target the budget question is about; null asks only for the highest target.</summary>
    public decimal? Target { get; init; }

    /// <summary>The first thing wrong with the request, or null.</summary>
    public string? Validate() =>
        double.IsNaN(Probability) || Probability is <= 0 or >= 1 ? $"probability must be between 0 and 1, both excluded (was {Probability})"
        : End <= Base.Start ? $"period {Period} has ended ({End:yyyy-MM-dd}); goal seek needs a period with days left"
        : Target is < 0 ? $"target must not be negative (was {Target})"
        : Booked < 0 ? $"booked must not be negative (was {Booked})"
        : null;
}

/// <summary>The budget answer: the campaign budget multiplier at which the target is reached with the chance wanted.</summary>
/// <param name="Scale">Multiplier on every campaign's budget for the rest of the period (1 = as now); the lowest that reaches the odds.</param>
/// <param name="Reachable">False when even <see cref="GoalSeek.MaxBudgetScale"/> × the budget does not reach the odds (then Scale is that maximum).</param>
/// <param name="Odds">The chance of reaching the target at <see cref="Scale"/>.</param>
/// <param name="OddsNow">The chance of reaching it with the budgets as they are.</param>
/// <param name="SpendNow">Campaign spend over the rest of the period at today's budgets.</param>
/// <param name="SpendNeeded">Campaign spend over the rest of the period at <see cref="Scale"/>.</param>
/// <param name="Runs">Projections run to find it (each on the same seed).</param>
public sealed record BudgetAnswer(decimal Target, double Scale, bool Reachable, double Odds, double OddsNow, decimal SpendNow, decimal SpendNeeded, int Runs)
{
    /// <summary>Spend to add (negative: that can be saved) over the rest of the period.</summary>
    public decimal SpendChange => SpendNeeded - SpendNow;
}

/// <summary>Goal seek over the rest of a fiscal period.</summary>
/// <param name="HighestTarget">The highest period revenue (booked plus projected) reached on at least <see cref="Probability"/> of the paths.</param>
/// <param name="Median">The median of the period's revenue (booked plus projected).</param>
/// <param name="Plan">The plan answer (<see cref="PlanGoalSeek"/>) when the plan lever was asked for instead of the budget.</param>
public sealed record GoalSeekResult(string Period, double Probability, decimal Booked, double DaysLeft, int Paths, ulong Seed,
    decimal HighestTarget, decimal Median, BudgetAnswer? Budget, PlanAnswer? Plan = null);

/// <summary>
/// Goal seek on the projection (<see cref="ProjectionEngine"/>): (a) the highest target reached with a chosen chance
/// by the end of the period, and (b) the campaign budget change (the <see cref="ProjectionLevers.BudgetScale"/> lever on
/// every channel) that reaches a given target with that chance. Every run uses the request's seed, so the same request
/// always gives the same answer, and scenarios differ only by the lever (common random numbers).
/// </summary>
/// <remarks>
/// (a) is exact: the paths' period revenues sorted, the highest value at least the chosen share of them reach (what a
/// bisection over the target converges to, without running anything twice). (b) bisects the budget multiplier between
/// 0 and <see cref="MaxBudgetScale"/> until the interval is narrower than <see cref="ScaleTolerance"/>, each step a
/// projection on the same seed. The last, partial week of the period counts pro rata by its days.
/// </remarks>
public static class GoalSeek
{
    /// <summary>Largest budget multiplier tried (the budget lever's own limit).</summary>
    public const double MaxBudgetScale = 10;
    /// <summary>Bisection stops when the multiplier is known this closely (0.01 = one percent of today's budget).</summary>
    public const double ScaleTolerance = 0.01;

    /// <summary>
    /// Most projections one goal seek runs: today's, and with a target the bracket, the bisection to
    /// <see cref="ScaleTolerance"/> and the answer's own.
    /// </summary>
    public static int MostProjections(bool withTarget) => withTarget ? 3 + (int)Math.Ceiling(Math.Log2(MaxBudgetScale / ScaleTolerance)) : 1;

    /// <summary>
    /// Runs the goal seek; <paramref name="parallel"/>'s token stops it between chunks, <paramref name="chunkDone"/> hears
    /// the paths of each chunk run (at most <see cref="MostProjections"/> × paths in all).
    /// </summary>
    public static GoalSeekResult Run(GoalSeekRequest request, ParallelOptions parallel, Action<int>? chunkDone = null)
    {
        if (request.Validate() is { } error) throw new ArgumentException(error, nameof(request));
        var days = (request.End - request.Base.Start).TotalDays;
        var weeks = Math.Clamp((int)Math.Ceiling(days / 7), 1, 104);
        var lastWeekShare = Math.Clamp(days / 7 - (weeks - 1), 0, 1);
        var horizon = request.Base with { Weeks = weeks, Levers = request.Base.Levers ?? ProjectionLevers.None, Targets = new ProjectionTargets() };
        var booked = (double)request.Booked;

        PreparedProjection? today = null;
        (double[] Totals, decimal Spend) Project(double scale)
        {
            var run = WithBudget(horizon, scale);
            var prep = today is not null && ScaleBudget(today, run, scale) is { } quick ? quick : ProjectionPreparation.Prepare(run, parallel);
            today ??= prep;
            var block = PathSimulation.RunChunks(prep, 0, prep.Chunks, parallel, chunkDone);
            var totals = new double[block.Count];
            for (var i = 0; i < block.Count; i++)
            {
                double sum = 0;
                for (var t = 0; t < weeks; t++) sum += block.Revenue[i * weeks + t] * (t == weeks - 1 ? lastWeekShare : 1);
                totals[i] = booked + sum;
            }
            Array.Sort(totals);
            var spend = prep.Channels.Sum(c => c.SpendPerWeek) * (decimal)(days / 7);
            return (totals, Math.Round(spend, 2));
        }

        var (now, spendNow) = Project(1);
        var highest = (decimal)Math.Round(Reached(now, request.Probability), 0);
        var median = (decimal)Math.Round(now[now.Length / 2], 0);
        BudgetAnswer? budget = null;
        if (request.Target is { } target)
        {
            var runs = 1;
            var t = (double)target;
            var oddsNow = Odds(now, t);
            double Try(double scale) { runs++; return Odds(Project(scale).Totals, t); }
            double lo, hi;
            bool reachable = true;
            if (oddsNow >= request.Probability) { lo = 0; hi = 1; if (Try(0) >= request.Probability) hi = 0; }
            else if (Try(MaxBudgetScale) < request.Probability) { lo = hi = MaxBudgetScale; reachable = false; }
            else { lo = 1; hi = MaxBudgetScale; }
            // Invariant: the odds at hi reach the chance wanted; at lo they do not (or lo == hi).
            while (hi - lo > ScaleTolerance)
            {
                var mid = (lo + hi) / 2;
                if (Try(mid) >= request.Probability) hi = mid; else lo = mid;
            }
            var scale = Math.Ceiling(hi * 100 - 1e-9) / 100;
            var (at, spendAt) = Project(scale);
            budget = new BudgetAnswer(target, scale, reachable, Odds(at, t), oddsNow, spendNow, spendAt, runs + 1);
        }
        return new GoalSeekResult(request.Period, request.Probability, request.Booked, Math.Round(days, 2), horizon.Paths, horizon.Seed, highest, median, budget);
    }

    /// <summary>The request with every campaign channel's budget multiplied by <paramref name="scale"/>.</summary>
    public static ProjectionRequest WithBudget(ProjectionRequest request, double scale) => request with
    {
        Levers = request.Levers with { BudgetScale = request.Organisation.Campaigns.Select(c => c.Channel).Distinct().ToDictionary(c => c, _ => scale) },
    };

    /// <summary>
    /// <paramref name="today"/> (prepared at budget scale 1) moved to <paramref name="scale"/> without measuring the
    /// funnel again: the measurement does not depend on the lead flow while reps are not overloaded, so only the
    /// channels' leads and spend change. Null when reps are or would be overloaded (then the funnel must be measured anew).
    /// </summary>
    public static PreparedProjection? ScaleBudget(PreparedProjection today, ProjectionRequest run, double scale)
    {
        var load = today.LoadRatio * LeverEffects.LeadMultiplier(scale);
        if (today.LoadRatio > 1 || load > 1) return null;
        return new PreparedProjection
        {
            Request = run,
            Kernels = today.Kernels,
            Channels = [.. today.Channels.Select(c => c.Scaled(scale))],
            ReferralEffectiveShare = today.ReferralEffectiveShare,
            Quota = today.Quota, Target = today.Target, Headcount = today.Headcount,
            LoadRatio = load, HireCost = today.HireCost, SeasonByWeek = today.SeasonByWeek,
        };
    }

    /// <summary>The highest value at least <paramref name="probability"/> of the sorted <paramref name="sorted"/> reach.</summary>
    public static double Reached(double[] sorted, double probability)
    {
        if (sorted.Length == 0) return 0;
        // Values at index k and above are at least sorted[k]: n − k of them, which must be ≥ p·n.
        var k = (int)Math.Floor(sorted.Length * (1 - probability) + 1e-9);
        return sorted[Math.Clamp(k, 0, sorted.Length - 1)];
    }

    /// <summary>Share of <paramref name="values"/> at or above <paramref name="target"/>.</summary>
    public static double Odds(double[] values, double target) => values.Length == 0 ? 0 : (double)values.Count(v => v >= target) / values.Length;
}
