using System.Globalization;
using System.Text;
using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>A named set of lever changes against the workspace's baseline.</summary>
public sealed record Scenario(string Name, ProjectionLevers Levers)
{
    /// <summary>Most scenarios compared side by side.</summary>
    public const int MaxCompared = 4;

    /// <summary>The first thing wrong with the scenario for a horizon, or null.</summary>
    public string? Validate(int weeks) =>
        string.IsNullOrWhiteSpace(Name) || Name.Length > 60 ? "a scenario needs a name of 1-60 characters"
        : Levers is null ? $"scenario {Name}: levers must not be null"
        : Levers.Validate(weeks) is { } error ? $"scenario {Name}: {error}"
        : null;
}

/// <summary>How much one formula factor moved against the baseline (relative change; 0.05 = +5 %).</summary>
public sealed record FactorChange(string Factor, double Baseline, double Scenario, double Change);

/// <summary>One scenario's projection and how it compares with the baseline.</summary>
/// <param name="Roi">(extra revenue - extra cost) / extra cost against the baseline; null when the scenario costs no more.</param>
public sealed record ScenarioOutcome(string Name, ProjectionLevers Levers, ProjectionResult Result, double? Roi, double ExtraRevenue, double ExtraCost,
    IReadOnlyList<FactorChange> Factors);

/// <summary>One lever's swing for the tornado chart: the chance of reaching the target with the lever low and high.</summary>
public sealed record TornadoBar(string Lever, string Low, string High, double LowProbability, double HighProbability, double LowRevenue, double HighRevenue)
{
    /// <summary>How far the lever moves the chance of reaching the target.</summary>
    public double Swing => Math.Abs(HighProbability - LowProbability);
}

/// <summary>The independent runs of a comparison: the baseline first, then each scenario, then each probe's low and high run.</summary>
public sealed record ComparisonPlan(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<ScenarioComparison.Probe> Probes, IReadOnlyList<ProjectionRequest> Runs);

/// <summary>The baseline, each scenario against it, and the levers ranked by how much they move the odds.</summary>
public sealed record ProjectionComparison(ProjectionResult Baseline, IReadOnlyList<ScenarioOutcome> Scenarios, IReadOnlyList<TornadoBar> Sensitivity);

/// <summary>Runs scenarios against a baseline, ranks lever sensitivity and exports comparisons. Pure.</summary>
public static class ScenarioComparison
{
    /// <summary>
    /// The runs a comparison needs, each independent of the others (so they can run anywhere, in any order): the baseline
    /// (the request without levers), each scenario, and if asked a low and a high probe per lever around the first scenario
    /// (or the baseline). Every run shares the seed, so differences come from the levers rather than from different random
    /// draws, and the same target, fixed once.
    /// </summary>
    public static ComparisonPlan Plan(ProjectionRequest request, IReadOnlyList<Scenario> scenarios, bool sensitivity)
    {
        if (request.Validate() is { } invalid) throw new ArgumentException(invalid);
        if (scenarios.Count > Scenario.MaxCompared) throw new ArgumentException($"at most {Scenario.MaxCompared} scenarios are compared at once (was {scenarios.Count})");
        if (scenarios.Select(s => s.Validate(request.Weeks)).FirstOrDefault(e => e is not null) is { } error) throw new ArgumentException(error);
        if (scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"scenario names must differ ({twice.Key} appears twice)");
        var fixedTarget = request with { Targets = request.Targets with { Revenue = ProjectionEngine.TargetOf(request) } };
        var runs = new List<ProjectionRequest> { fixedTarget with { Levers = ProjectionLevers.None } };
        runs.AddRange(scenarios.Select(s => fixedTarget with { Levers = s.Levers }));
        var probes = sensitivity ? Probes(scenarios.Count > 0 ? scenarios[0].Levers : ProjectionLevers.None, request.Parameters) : [];
        var probePaths = Math.Max(200, request.Paths / 4);
        foreach (var probe in probes)
        {
            runs.Add(fixedTarget with { Levers = probe.Low, Paths = probePaths });
            runs.Add(fixedTarget with { Levers = probe.High, Paths = probePaths });
        }
        return new ComparisonPlan(scenarios, probes, runs);
    }

    /// <summary>Puts the results of a plan's runs (in the plan's order) together.</summary>
    public static ProjectionComparison Assemble(ComparisonPlan plan, IReadOnlyList<ProjectionResult> results)
    {
        if (results.Count != plan.Runs.Count) throw new ArgumentException($"the plan has {plan.Runs.Count} runs; {results.Count} results were given");
        var baseline = results[0];
        var outcomes = plan.Scenarios.Select((s, i) => Outcome(s, baseline, results[1 + i])).ToList();
        var first = 1 + plan.Scenarios.Count;
        var bars = plan.Probes.Select((probe, i) =>
        {
            var (low, high) = (results[first + 2 * i], results[first + 2 * i + 1]);
            return new TornadoBar(probe.Lever, probe.LowLabel, probe.HighLabel, low.Company.Probability, high.Company.Probability, low.Revenue.Mean, high.Revenue.Mean);
        }).OrderByDescending(b => b.Swing).ThenByDescending(b => Math.Abs(b.HighRevenue - b.LowRevenue)).ToList();
        return new ProjectionComparison(baseline, outcomes, bars);
    }

    /// <summary>Plans, runs every run here one after another (each parallel over the cores) and assembles.</summary>
    public static ProjectionComparison Compare(ProjectionRequest request, IReadOnlyList<Scenario> scenarios, bool sensitivity, IProgress<double>? progress = null)
    {
        var plan = Plan(request, scenarios, sensitivity);
        var results = new List<ProjectionResult>(plan.Runs.Count);
        foreach (var run in plan.Runs)
        {
            results.Add(ProjectionEngine.Run(run));
            progress?.Report((double)results.Count / plan.Runs.Count);
        }
        return Assemble(plan, results);
    }

    /// <summary>The scenario against the baseline: extra revenue, extra cost, ROI and which factors moved.</summary>
    public static ScenarioOutcome Outcome(Scenario s, ProjectionResult baseline, ProjectionResult result)
    {
        var extraRevenue = result.Revenue.Mean - baseline.Revenue.Mean;
        var extraCost = result.Cost.Total - baseline.Cost.Total;
        double? roi = extraCost > 0 ? Math.Round((extraRevenue - extraCost) / extraCost, 4) : null;
        FactorChange Change(string name, double b, double v) => new(name, Math.Round(b, 4), Math.Round(v, 4), b == 0 ? 0 : Math.Round(v / b - 1, 4));
        var (fb, fs) = (baseline.Factors, result.Factors);
        return new ScenarioOutcome(s.Name, s.Levers, result, roi, Math.Round(extraRevenue, 2), Math.Round(extraCost, 2),
        [
            Change("effectiveLeads", fb.EffectiveLeads, fs.EffectiveLeads),
            Change("leadConversion", fb.LeadConversion, fs.LeadConversion),
            Change("existingCustomers", fb.ExistingCustomers, fs.ExistingCustomers),
            Change("repurchaseCount", fb.RepurchaseCount, fs.RepurchaseCount),
            Change("averageOrderValue", fb.AverageOrderValue, fs.AverageOrderValue),
        ]);
    }

    /// <summary>A lever pushed down and up around a scenario.</summary>
    public sealed record Probe(string Lever, string LowLabel, ProjectionLevers Low, string HighLabel, ProjectionLevers High);

    /// <summary>The tornado's probes: each lever moved by a step a sales leader would consider, down and up.</summary>
    public static IReadOnlyList<Probe> Probes(ProjectionLevers l, BehaviourParameters p)
    {
        var plan = l.Incentive;
        var budget = Enum.GetValues<Channel>().Where(c => c != Channel.Referral)
            .ToDictionary(c => c, c => l.BudgetScale.TryGetValue(c, out var s) ? s : 1);
        Dictionary<Channel, double> Scaled(double f) => budget.ToDictionary(kv => kv.Key, kv => Math.Min(10, kv.Value * f));
        var sla = l.FirstContactSlaHours ?? p.HoursToFirstContact;
        var quality = l.ProductQuality ?? p.ProductQuality;
        var hires = l.Hires.Sum(h => h.Count);
        return
        [
            new("Commission", $"{plan.CommissionRate - 0.02:P0}", l with { Incentive = plan with { CommissionRate = Math.Max(0, plan.CommissionRate - 0.02) } },
                $"{plan.CommissionRate + 0.02:P0}", l with { Incentive = plan with { CommissionRate = Math.Min(0.5, plan.CommissionRate + 0.02) } }),
            new("Marketing budget", "-25 %", l with { BudgetScale = Scaled(0.75) }, "+25 %", l with { BudgetScale = Scaled(1.25) }),
            new("Hires", $"{Math.Max(0, hires - 5)} reps", l with { Hires = DropHires(l.Hires, 5) },
                $"{hires + 5} reps", l with { Hires = [.. l.Hires, new Hire(0, 5)] }),
            new("First-contact SLA", $"{sla * 2:0.#} h", l with { FirstContactSlaHours = Math.Min(720, sla * 2) },
                $"{sla / 2:0.#} h", l with { FirstContactSlaHours = Math.Max(0.25, sla / 2) }),
            new("Price", $"{l.PriceChange - 0.1:+0%;-0%;0%}", l with { PriceChange = Math.Max(-0.5, l.PriceChange - 0.1) },
                $"{l.PriceChange + 0.1:+0%;-0%;0%}", l with { PriceChange = Math.Min(1, l.PriceChange + 0.1) }),
            new("Product quality", $"{Math.Max(0, quality - 0.1):0.00}", l with { ProductQuality = Math.Max(0, quality - 0.1) },
                $"{Math.Min(1, quality + 0.1):0.00}", l with { ProductQuality = Math.Min(1, quality + 0.1) }),
        ];
    }

    static IReadOnlyList<Hire> DropHires(IReadOnlyList<Hire> hires, int drop)
    {
        var kept = new List<Hire>();
        // Drops the latest hires first: the ones that would have contributed least.
        foreach (var h in hires.OrderBy(h => h.Week))
            kept.Add(h);
        for (var i = kept.Count - 1; i >= 0 && drop > 0; i--)
        {
            var take = Math.Min(drop, kept[i].Count);
            drop -= take;
            if (take == kept[i].Count) kept.RemoveAt(i);
            else kept[i] = kept[i] with { Count = kept[i].Count - take };
        }
        return kept;
    }

    /// <summary>
    /// The comparison as CSV (invariant culture): one row per run with totals, odds, costs, ROI and factors, then the
    /// weekly cumulative revenue band of each run against the target.
    /// </summary>
    public static string ToCsv(ProjectionComparison c)
    {
        var sb = new StringBuilder();
        static string Q(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var runs = new List<(string Name, ProjectionResult R, double? Roi)> { ("baseline", c.Baseline, null) };
        runs.AddRange(c.Scenarios.Select(s => (s.Name, s.Result, s.Roi)));
        sb.AppendLine("scenario,revenue_mean,revenue_p10,revenue_p50,revenue_p90,target,probability,cash_mean,new_customers_mean,repurchases_mean,incentive_cost_mean,marketing_cost,hire_cost,total_cost,roi,effective_leads,lead_conversion,existing_customers,repurchase_count,average_order_value");
        foreach (var (name, r, roi) in runs)
        {
            sb.AppendLine(string.Join(',', Q(name), N(r.Revenue.Mean), N(r.Revenue.P10), N(r.Revenue.P50), N(r.Revenue.P90), N((double)r.Company.Target),
                N(r.Company.Probability), N(r.Cash.Mean), N(r.NewCustomers.Mean), N(r.Repurchases.Mean), N(r.Cost.Incentive.Mean), N((double)r.Cost.Marketing),
                N((double)r.Cost.Hires), N(r.Cost.Total), roi is { } x ? N(x) : "", N(r.Factors.EffectiveLeads), N(r.Factors.LeadConversion),
                N(r.Factors.ExistingCustomers), N(r.Factors.RepurchaseCount), N(r.Factors.AverageOrderValue)));
        }
        sb.AppendLine();
        sb.AppendLine("scenario,week,week_start,cumulative_revenue_p10,cumulative_revenue_p50,cumulative_revenue_p90,cumulative_revenue_mean,cumulative_target");
        foreach (var (name, r, _) in runs)
            foreach (var w in r.Timeline)
                sb.AppendLine(string.Join(',', Q(name), w.Week.ToString(CultureInfo.InvariantCulture), w.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    N(w.CumulativeRevenue.P10), N(w.CumulativeRevenue.P50), N(w.CumulativeRevenue.P90), N(w.CumulativeRevenue.Mean), N((double)w.CumulativeTarget)));
        return sb.ToString();
    }
}
