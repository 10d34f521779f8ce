using Growth.Domain.Compensation;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>A pay plan option: the plan each rep (by id) is paid by under it.</summary>
public sealed record PlanOption(string Name, IReadOnlyDictionary<string, CompensationPlanSetup> RepPlans);

/// <summary>One rep's pay and attainment over the horizon under an option, as distributions over the paths.</summary>
/// <param name="OnTargetEarnings">On-target earnings over the horizon (the plan's, or base plus pay at 100 %).</param>
public sealed record RepPayout(string RepId, string Name, string TeamId, string PlanId, double OnTargetEarnings, Band Payout, Band Attainment);

/// <summary>One option's projection: revenue, cost of sales (every rep's pay), margin after pay, reps at quota and attrition risk.</summary>
/// <param name="Revenue">New-business revenue plus the baseline's mean repurchase revenue (plans pay on new business only).</param>
/// <param name="NewBusiness">Won deals' revenue credited to the reps.</param>
/// <param name="CostOfSales">Every rep's pay over the horizon: base, commission, spiffs, team bonus, less clawbacks, plus draws not recovered.</param>
/// <param name="MarginAfterPay">Revenue less cost of sales.</param>
/// <param name="RepsAtQuota">Reps whose credited revenue over the horizon reaches their target over it.</param>
/// <param name="RepsFarBelowOte">Reps paid less than <see cref="PlanResponseParameters.FarBelowOteShare"/> of their on-target earnings (attrition risk).</param>
/// <param name="PayoutShare">Mean cost of sales over mean revenue.</param>
/// <param name="Pay">Cost of sales split into its parts (means over the paths; they add up to the mean cost of sales).</param>
public sealed record PlanOutcome(string Name, Band Revenue, Band NewBusiness, Band CostOfSales, Band MarginAfterPay, Band RepsAtQuota,
    double ShareAtQuota, Band RepsFarBelowOte, double PayoutShare, IReadOnlyList<RepPayout> Reps, PayBreakdown? Pay = null);

/// <summary>
/// An option's cost of sales by part, each the mean over the paths: base pay, commission, spiffs, team bonus, clawbacks
/// (negative: commission taken back on refunds and early churn) and draws (advanced less recovered within the horizon).
/// </summary>
public sealed record PayBreakdown(double BasePay, double Commission, double Spiffs, double TeamBonus, double Clawbacks, double Draws);

/// <summary>Plans side by side over the same horizon, paths and seed (the first option is the current plan).</summary>
public sealed record PlanComparisonResult(int Weeks, int Paths, ulong Seed, int Reps, double RepurchaseRevenue, IReadOnlyList<PlanOutcome> Options);

/// <summary>
/// Compares pay plans through the projection: the funnel is measured once for the workspace (<see cref="ProjectionPreparation"/>),
/// its expected wins are shared among the reps by capacity and skill, and each option's paths then run rep by rep and week
/// by week, every rep answering to where they stand against their own plan (<see cref="PlanResponse"/>): effort (through the
/// behaviour model's contact speed and follow-ups), deals pulled in near a higher-paying tier, deals held back past a cap,
/// discounts. Pure and deterministic per seed; every option draws from the same seeds, so differences come from the plans.
/// </summary>
public static class PlanComparison
{
    /// <summary>Most options compared at once (the current plan included).</summary>
    public const int MaxOptions = 5;

    public static PlanComparisonResult Compare(ProjectionRequest request, IReadOnlyList<PlanOption> options,
        IReadOnlyDictionary<string, double> productShares, PlanResponseParameters? response = null, ParallelOptions? parallel = null,
        Action<int>? chunkDone = null, FunnelStore? store = null)
    {
        parallel ??= new ParallelOptions();
        response ??= request.Parameters.PlanResponse;
        if (options.Count is 0 or > MaxOptions) throw new ArgumentException($"compare 1..{MaxOptions} plans (was {options.Count})");
        var (setup, repurchase) = store is null ? Share(request, response, parallel, chunkDone) : Share(store.Get(request, parallel, chunkDone), response);
        var outcomes = options.Select(o => PlanPaths.Run(setup, o, productShares, repurchase, parallel, chunkDone)).ToList();
        return new PlanComparisonResult(request.Weeks, request.Paths, request.Seed, setup.Reps.Length, Math.Round(repurchase, 2), outcomes);
    }

    /// <summary>What every option shares: the funnel measured once, the reps' expected wins, and the baseline's repurchase revenue.</summary>
    public static (PlanPaths.Shared Setup, double Repurchase) Share(ProjectionRequest request, PlanResponseParameters response, ParallelOptions parallel,
        Action<int>? chunkDone = null) =>
        Share(Prepare(request, parallel), response, parallel, chunkDone);

    /// <summary>The funnel measured once for the workspace, without levers (the plans are the only change).</summary>
    public static PreparedProjection Prepare(ProjectionRequest request, ParallelOptions parallel) =>
        ProjectionPreparation.Prepare(request with { Levers = ProjectionLevers.None }, parallel);

    /// <summary>
    /// Most baseline paths the options' shared means are measured on: the options use only the baseline's mean new
    /// customers and mean repurchase revenue, whose standard error over 2,000 paths is a small share of either (the
    /// bands, reps' pay and odds come from each option's own paths, all of them).
    /// </summary>
    public const int BaselinePaths = 2000;

    /// <summary>What every option shares, from a measured funnel: the baseline's means over at most <see cref="BaselinePaths"/> paths.</summary>
    public static (PlanPaths.Shared Setup, double Repurchase) Share(PreparedProjection prepared, PlanResponseParameters response, ParallelOptions parallel,
        Action<int>? chunkDone = null)
    {
        var (newMean, repurchase) = BaselineOf(prepared, parallel, chunkDone);
        return (PlanPaths.Setup(prepared, newMean, response), repurchase);
    }

    /// <summary>What every option shares, from a funnel and baseline kept (<see cref="FunnelStore"/>).</summary>
    public static (PlanPaths.Shared Setup, double Repurchase) Share(FunnelStore.Baseline baseline, PlanResponseParameters response) =>
        (PlanPaths.Setup(baseline.Prepared, baseline.NewCustomers, response), baseline.Repurchase);

    /// <summary>The baseline's mean new customers and mean repurchase revenue over at most <see cref="BaselinePaths"/> paths.</summary>
    public static (double NewCustomers, double Repurchase) BaselineOf(PreparedProjection prepared, ParallelOptions parallel, Action<int>? chunkDone = null)
    {
        var chunks = Math.Min(prepared.Chunks, BaselinePaths / ProjectionEngine.ChunkPaths);
        var block = PathSimulation.RunChunks(prepared, 0, chunks, parallel, chunkDone);
        // Only the means are used: summed straight from the block in the summary's order (per path, then over paths), no percentiles.
        double revenue = 0, newCustomers = 0;
        var weeks = prepared.Weeks;
        for (var i = 0; i < block.Count; i++)
        {
            double pathRevenue = 0, pathNew = 0;
            for (var t = 0; t < weeks; t++) (pathRevenue, pathNew) = (pathRevenue + block.Revenue[i * weeks + t], pathNew + block.NewCustomers[i * weeks + t]);
            (revenue, newCustomers) = (revenue + pathRevenue, newCustomers + pathNew);
        }
        var n = Math.Max(1, block.Count);
        var (revenueMean, newMean) = (Math.Round(revenue / n, 2), Math.Round(newCustomers / n, 2));
        var repurchase = Math.Max(0, revenueMean - (block.Count == 0 ? 0 : block.WonRevenue.Average()));
        return (newMean, repurchase);
    }

    /// <summary>Every plan of an option for every rep, or the first thing wrong naming its path (<c>plans[1].tiers[0].rate</c>).</summary>
    public static string? Validate(IReadOnlyList<CompensationPlanSetup?>? plans, ISet<string> products)
    {
        if (plans is null || plans.Count == 0) return "plans: give at least one plan to compare with the current one";
        if (plans.Count > MaxOptions - 1) return $"plans: at most {MaxOptions - 1} plans are compared with the current one (was {plans.Count})";
        for (var i = 0; i < plans.Count; i++)
        {
            var at = $"plans[{i}]";
            if (plans[i] is not { } plan) return $"{at}: must not be null";
            if (string.IsNullOrWhiteSpace(plan.Name) || plan.Name.Length > 60) return $"{at}.name: must be 1-60 characters";
            if (plans.Take(i).Any(p => p?.Name == plan.Name)) return $"{at}.name: '{plan.Name}' appears twice";
            if (plan.Tiers is null || plan.Tiers.Count == 0) return $"{at}.tiers: must hold at least one tier";
            for (var t = 0; t < plan.Tiers.Count; t++)
            {
                var tier = plan.Tiers[t];
                var tat = $"{at}.tiers[{t}]";
                if (tier is null) return $"{tat}: must not be null";
                if (tier.Rate is < 0 or > 1 || double.IsNaN(tier.Rate)) return $"{tat}.rate: must be between 0 and 1 (was {tier.Rate})";
                if (t == 0 && tier.From != 0) return $"{tat}.from: the first tier must start at 0 (was {tier.From})";
                if (t > 0 && plan.Tiers[t - 1].To is not { } end) return $"{tat}: only the last tier may leave 'to' out";
                else if (t > 0 && tier.From != plan.Tiers[t - 1].To) return $"{tat}.from: must start where the tier before ends ({plan.Tiers[t - 1].To}) (was {tier.From})";
                if (tier.To is { } to && !(to > tier.From)) return $"{tat}.to: must be above from ({tier.From}) (was {to})";
            }
            if (plan.Cap is { } cap && (cap < 1 || double.IsNaN(cap))) return $"{at}.cap: must be 1 (100 %) or more (was {cap})";
            if (plan.BasePay < 0) return $"{at}.basePay: must be 0 or more (was {plan.BasePay})";
            if (plan.OnTargetEarnings < 0) return $"{at}.onTargetEarnings: must be 0 or more (was {plan.OnTargetEarnings})";
            if (plan.TeamBonus is { } bonus && (bonus.Amount is < 0 or > 1_000_000)) return $"{at}.teamBonus.amount: must be between 0 and 1000000 (was {bonus.Amount})";
            if (plan.TeamBonus is { } b2 && (b2.Threshold is < 0 or > 10 || double.IsNaN(b2.Threshold))) return $"{at}.teamBonus.threshold: must be between 0 and 10 (was {b2.Threshold})";
            if (plan.Clawback is { } claw && claw.Days < 0) return $"{at}.clawback.days: must be 0 or more (was {claw.Days})";
            if (plan.Draw is < 0 or > 10_000_000) return $"{at}.draw: must be between 0 and 10000000 (was {plan.Draw})";
            if (!Enum.IsDefined(plan.Period)) return $"{at}.period: must be Month, Quarter or Year (was {plan.Period})";
            for (var s = 0; s < (plan.Spiffs?.Count ?? 0); s++)
            {
                var spiff = plan.Spiffs![s];
                if (spiff is not null && string.IsNullOrEmpty(spiff.Product) && !string.IsNullOrWhiteSpace(spiff.Channel))
                {
                    if (spiff.ChannelKind is null)
                        return $"{at}.spiffs[{s}].channel: unknown channel '{spiff.Channel}' (use {string.Join(", ", Enum.GetNames<Journeys.Channel>().Select(n => n.ToLowerInvariant()))})";
                }
                else if (spiff is null || !products.Contains(spiff.Product ?? ""))
                    return $"{at}.spiffs[{s}].product: unknown product '{spiff?.Product}' (the catalogue has {(products.Count == 0 ? "no products" : string.Join(", ", products.Order(StringComparer.Ordinal)))})";
                if (!string.IsNullOrWhiteSpace(spiff.Channel) && spiff.ChannelKind is null)
                    return $"{at}.spiffs[{s}].channel: unknown channel '{spiff.Channel}' (use {string.Join(", ", Enum.GetNames<Journeys.Channel>().Select(n => n.ToLowerInvariant()))})";
                if (spiff.Amount is < 0 or > 1_000_000) return $"{at}.spiffs[{s}].amount: must be between 0 and 1000000 (was {spiff.Amount})";
            }
        }
        return null;
    }
}
