namespace Growth.Domain.Setup;

/// <summary>
/// The targets of one fiscal period at every level: what each is expected to sell (top-down where a target was set
/// above it) beside the bottom-up sum of the reps' quotas. Amounts in the company currency; dictionaries keyed by id.
/// </summary>
public sealed record TargetSheet
{
    public required FiscalPeriod Period { get; init; }
    /// <summary>The company's target: its explicit target, else the sum of its regions'.</summary>
    public decimal Company { get; init; }
    /// <summary>Sum of every rep's quota for the period.</summary>
    public decimal BottomUp { get; init; }
    public IReadOnlyDictionary<string, decimal> Regions { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, decimal> Teams { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Each rep's target: the one the simulation and the Sales page hold the rep to.</summary>
    public IReadOnlyDictionary<string, decimal> Reps { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Sum of each region's reps' quotas for the period.</summary>
    public IReadOnlyDictionary<string, decimal> BottomUpRegions { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, decimal> BottomUpTeams { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Each rep's quota for the period.</summary>
    public IReadOnlyDictionary<string, decimal> BottomUpReps { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>
/// Works out every level's target for a fiscal period. An explicit <see cref="TargetSetup"/> for the level, id and
/// period (matched by the period's name) wins. Otherwise a level's target is allocated top-down from the nearest known
/// target above it (company → regions → teams → reps) by <see cref="TargetsSetup.Allocation"/>: what is left of the
/// parent after its children with explicit targets (never below 0) is split among the others. With no target anywhere
/// above, a rep's target is its quota for the period and a group's is the sum of its members' (bottom-up).
/// </summary>
/// <remarks>
/// Quota per period: <see cref="RepSetup.Quota"/> is per fiscal quarter; a month is a third of it, a year four times
/// it, and a named period is prorated by its days against the days of the quarter it starts in. Allocated amounts are
/// rounded to <see cref="Decimals"/> places and the rounding remainder goes to the largest share, so the parts always
/// add up to the parent's amount.
/// </remarks>
public static class TargetPlan
{
    /// <summary>Decimal places allocated amounts are rounded to (money's minor unit; assumed 2 for every currency).</summary>
    public const int Decimals = 2;

    /// <summary>The sheet for the period named <paramref name="period"/>, or null when the calendar has no such period.</summary>
    public static TargetSheet? For(SetupDocument setup, string period, IReadOnlyDictionary<string, decimal>? history = null)
    {
        var found = new FiscalCalendar(setup.Company).Find(period);
        return found is null ? null : For(setup, found, history);
    }

    /// <summary>
    /// The sheet for <paramref name="period"/>. <paramref name="history"/> is revenue per rep id in the previous period,
    /// used by <see cref="TargetAllocation.ByHistory"/> (even where it is missing, empty or all zero).
    /// </summary>
    public static TargetSheet For(SetupDocument setup, FiscalPeriod period, IReadOnlyDictionary<string, decimal>? history = null)
    {
        var calendar = new FiscalCalendar(setup.Company);
        var explicitTargets = new Dictionary<(TargetLevel, string), decimal>();
        foreach (var t in setup.Targets.Targets)
            if (t.Period == period.Name) explicitTargets.TryAdd((t.Level, t.Level == TargetLevel.Company ? "" : t.Id ?? ""), t.Amount);
        decimal? Explicit(TargetLevel level, string id) => explicitTargets.TryGetValue((level, id), out var a) ? a : null;

        var weigh = new Weigher(setup.Targets.Allocation, history);
        var regions = setup.Organisation.Regions;
        var bottomUpReps = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var bottomUpTeams = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var bottomUpRegions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var regionSum = 0m;
            foreach (var team in region.Teams)
            {
                var teamSum = 0m;
                foreach (var rep in team.Reps) teamSum += bottomUpReps[rep.Id] = QuotaFor(rep, period, calendar);
                regionSum += bottomUpTeams[team.Id] = teamSum;
            }
            bottomUpRegions[region.Id] = regionSum;
        }

        var repTargets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var teamTargets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var regionTargets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var company = Explicit(TargetLevel.Company, "");
        var regionAmounts = Split(company, [.. regions.Select(r => Explicit(TargetLevel.Region, r.Id))],
            [.. regions.Select(r => weigh.Of(r.Teams.SelectMany(t => t.Reps)))]);
        for (var r = 0; r < regions.Count; r++)
        {
            var teams = regions[r].Teams;
            var teamAmounts = Split(regionAmounts[r], [.. teams.Select(t => Explicit(TargetLevel.Team, t.Id))],
                [.. teams.Select(t => weigh.Of(t.Reps))]);
            var regionSum = 0m;
            for (var t = 0; t < teams.Count; t++)
            {
                var reps = teams[t].Reps;
                var repAmounts = Split(teamAmounts[t], [.. reps.Select(p => Explicit(TargetLevel.Rep, p.Id))],
                    [.. reps.Select(p => weigh.Of([p]))]);
                var teamSum = 0m;
                for (var i = 0; i < reps.Count; i++)
                    teamSum += repTargets[reps[i].Id] = repAmounts[i] ?? bottomUpReps[reps[i].Id];
                regionSum += teamTargets[teams[t].Id] = teamAmounts[t] ?? teamSum;
            }
            regionTargets[regions[r].Id] = regionAmounts[r] ?? regionSum;
        }

        return new TargetSheet
        {
            Period = period,
            Company = company ?? regionTargets.Values.Sum(),
            BottomUp = bottomUpReps.Values.Sum(),
            Regions = regionTargets, Teams = teamTargets, Reps = repTargets,
            BottomUpRegions = bottomUpRegions, BottomUpTeams = bottomUpTeams, BottomUpReps = bottomUpReps,
        };
    }

    /// <summary>A rep's quota for <paramref name="period"/> (the quota is per fiscal quarter), rounded to <see cref="Decimals"/>.</summary>
    public static decimal QuotaFor(RepSetup rep, FiscalPeriod period, FiscalCalendar calendar)
    {
        var amount = period.Kind switch
        {
            FiscalPeriodKind.Quarter => rep.Quota,
            FiscalPeriodKind.Month => rep.Quota / 3,
            FiscalPeriodKind.Year => rep.Quota * 4,
            _ => rep.Quota * Days(period, calendar) / Math.Max(1, Days(calendar.QuarterContaining(period), calendar)),
        };
        return Math.Round(amount, Decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Splits <paramref name="amount"/> in proportion to <paramref name="weights"/> (evenly when they are all 0),
    /// each part rounded to <see cref="Decimals"/> and the remainder added to the largest, so the parts sum to the amount.
    /// </summary>
    public static decimal[] Allocate(decimal amount, IReadOnlyList<decimal> weights)
    {
        var parts = new decimal[weights.Count];
        if (parts.Length == 0) return parts;
        var clean = weights.Select(w => w > 0 ? w : 0m).ToArray();
        var total = clean.Sum();
        if (total <= 0) { Array.Fill(clean, 1m); total = clean.Length; }
        var largest = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Math.Round(amount * (clean[i] / total), Decimals, MidpointRounding.AwayFromZero);
            if (clean[i] > clean[largest]) largest = i;
        }
        parts[largest] += amount - parts.Sum();
        return parts;
    }

    /// <summary>
    /// Children's amounts under a parent: the explicit ones as given; the others share what the explicit ones leave of
    /// the parent (never below 0), by weight; all null for those without an explicit amount when the parent is unknown.
    /// </summary>
    static decimal?[] Split(decimal? parent, decimal?[] explicitAmounts, (decimal Primary, decimal Fallback)[] weights)
    {
        var result = (decimal?[])explicitAmounts.Clone();
        if (parent is not { } amount) return result;
        var open = Enumerable.Range(0, result.Length).Where(i => result[i] is null).ToArray();
        if (open.Length == 0) return result;
        var left = Math.Max(0, amount - explicitAmounts.Sum(a => a ?? 0));
        var primary = open.Select(i => weights[i].Primary).ToArray();
        var usable = primary.Sum() > 0 ? primary : open.Select(i => weights[i].Fallback).ToArray();
        var parts = Allocate(left, usable);
        for (var k = 0; k < open.Length; k++) result[open[k]] = parts[k];
        return result;
    }

    static int Days(FiscalPeriod period, FiscalCalendar calendar) =>
        calendar.LocalDate(period.End).DayNumber - calendar.LocalDate(period.Start).DayNumber;

    /// <summary>The weight of a group of reps under the allocation, and the even weight (its head count) to fall back on.</summary>
    sealed class Weigher(TargetAllocation allocation, IReadOnlyDictionary<string, decimal>? history)
    {
        public (decimal Primary, decimal Fallback) Of(IEnumerable<RepSetup> reps)
        {
            decimal primary = 0, count = 0;
            foreach (var rep in reps)
            {
                count++;
                primary += allocation switch
                {
                    TargetAllocation.ByCapacity => Math.Max(0, rep.Capacity),
                    TargetAllocation.ByHistory => history is not null && history.TryGetValue(rep.Id, out var h) ? Math.Max(0, h) : 0,
                    TargetAllocation.ByQuota => Math.Max(0, rep.Quota),
                    _ => 1,
                };
            }
            return (primary, count);
        }
    }
}
