using Growth.Domain.Setup;

namespace Growth.Domain.Quotas;

/// <summary>One rep's, team's, region's or the company's quota for a period: the setup's beside the two suggestions.</summary>
/// <param name="Id">The rep, team or region id ("company" for the company).</param>
/// <param name="ParentId">The team of a rep, the region of a team; null for regions and the company.</param>
/// <param name="Quota">The setup's quota for the period (the sum of its reps' quotas for a group).</param>
/// <param name="FromCapacity">Ramped working days × productivity per rep-day, rounded (a group: the sum of its reps').</param>
/// <param name="FromHistory">Last period's won value × (1 + growth), rounded; null when there is no last period to go by.</param>
/// <param name="LastPeriod">Won value in the last period; null when it is not (wholly) in the workspace's history.</param>
/// <param name="RampedDays">Working days in the period, each counted at the rep's share of full productivity (a group: summed).</param>
public sealed record QuotaSuggestion(string Id, string Name, string? ParentId, decimal Quota, decimal FromCapacity, decimal? FromHistory,
    decimal? LastPeriod, double RampedDays);

/// <summary>Quotas suggested for a fiscal period from capacity and from history, rolled up rep → team → region → company.</summary>
public sealed record SuggestedTargets
{
    public required FiscalPeriod Period { get; init; }
    /// <summary>The company's working days in the period (its calendar's working weekdays).</summary>
    public required int WorkingDays { get; init; }
    public required ProductivityEstimate Productivity { get; init; }
    /// <summary>Growth asked of last period for the suggestion from history.</summary>
    public required double Growth { get; init; }
    /// <summary>The period the suggestion from history looks back at; null when none is in the workspace's history.</summary>
    public string? HistoryPeriod { get; init; }
    public required QuotaSuggestion Company { get; init; }
    public required IReadOnlyList<QuotaSuggestion> Regions { get; init; }
    public required IReadOnlyList<QuotaSuggestion> Teams { get; init; }
    public required IReadOnlyList<QuotaSuggestion> Reps { get; init; }
}

/// <summary>
/// Quotas from capacity: each rep's ramped working days in the period (<see cref="Ramp"/>, <see cref="WorkingDays"/>)
/// × revenue per rep-day (<see cref="Productivity"/>), rounded to <see cref="CapacityAssumptions.RoundTo"/>; beside
/// them, last period's won value × (1 + growth). Teams, regions and the company are the sums of their reps, so the
/// roll-up conserves every amount exactly.
/// </summary>
public static class CapacityTargets
{
    /// <summary>The suggestions for <paramref name="period"/>. <paramref name="lastPeriod"/>: won value per rep id in <paramref name="historyPeriod"/>, or null.</summary>
    public static SuggestedTargets Suggest(SetupDocument setup, FiscalPeriod period, ProductivityEstimate productivity, CapacityAssumptions assumptions,
        IReadOnlyDictionary<string, decimal>? lastPeriod = null, string? historyPeriod = null)
    {
        var calendar = new FiscalCalendar(setup.Company);
        var days = WorkingDays.In(calendar, period);
        var sheet = TargetPlan.For(setup, period);
        var growth = 1 + (decimal)assumptions.Growth;
        var reps = new List<QuotaSuggestion>();
        var teams = new List<QuotaSuggestion>();
        var regions = new List<QuotaSuggestion>();
        foreach (var region in setup.Organisation.Regions)
        {
            var regionTeams = new List<QuotaSuggestion>();
            foreach (var team in region.Teams)
            {
                var members = team.Reps.Select(rep =>
                {
                    var ramped = Ramp.Days(assumptions, rep.HireDate, days);
                    decimal? last = lastPeriod is null ? null : lastPeriod.GetValueOrDefault(rep.Id);
                    return new QuotaSuggestion(rep.Id, rep.Name, team.Id, sheet.BottomUpReps.GetValueOrDefault(rep.Id),
                        Round(productivity.PerRepDay * (decimal)ramped, assumptions.RoundTo), last is { } l ? Round(l * growth, assumptions.RoundTo) : null,
                        last, Math.Round(ramped, 2));
                }).ToList();
                reps.AddRange(members);
                regionTeams.Add(Sum(team.Id, team.Name, region.Id, members));
            }
            teams.AddRange(regionTeams);
            regions.Add(Sum(region.Id, region.Name, null, regionTeams));
        }
        return new SuggestedTargets
        {
            Period = period,
            WorkingDays = days.Count,
            Productivity = productivity,
            Growth = assumptions.Growth,
            HistoryPeriod = lastPeriod is null ? null : historyPeriod,
            Company = Sum("company", setup.Company.Name, null, regions),
            Regions = regions, Teams = teams, Reps = reps,
        };
    }

    /// <summary>A group: the sums of its members (a history figure only where some member has one).</summary>
    static QuotaSuggestion Sum(string id, string name, string? parent, IReadOnlyList<QuotaSuggestion> members)
    {
        var withHistory = members.Where(m => m.FromHistory is not null).ToList();
        return new QuotaSuggestion(id, name, parent, members.Sum(m => m.Quota), members.Sum(m => m.FromCapacity),
            withHistory.Count == 0 ? null : withHistory.Sum(m => m.FromHistory!.Value),
            withHistory.Count == 0 ? null : withHistory.Sum(m => m.LastPeriod ?? 0), Math.Round(members.Sum(m => m.RampedDays), 2));
    }

    /// <summary><paramref name="amount"/> rounded to the nearest multiple of <paramref name="unit"/> (half away from zero; unit 0 or less: whole units).</summary>
    public static decimal Round(decimal amount, decimal unit) =>
        unit <= 0 ? Math.Round(amount, 0, MidpointRounding.AwayFromZero) : Math.Round(amount / unit, 0, MidpointRounding.AwayFromZero) * unit;

    /// <summary>
    /// The setup with each rep's quarterly quota set to the suggestion (<paramref name="fromHistory"/>: the one from
    /// history, where a rep has one; else from capacity). Only a quarter's suggestion can be adopted: quotas are per
    /// fiscal quarter. Reps not in the suggestion keep their quota.
    /// </summary>
    public static SetupDocument Adopt(SetupDocument setup, SuggestedTargets suggested, bool fromHistory)
    {
        if (suggested.Period.Kind != FiscalPeriodKind.Quarter)
            throw new ArgumentException($"period: quotas are per fiscal quarter, so only a quarter's suggestion can be adopted (was {suggested.Period.Name}, a {suggested.Period.Kind.ToString().ToLowerInvariant()} period)");
        var byRep = suggested.Reps.ToDictionary(r => r.Id, r => fromHistory && r.FromHistory is { } h ? h : r.FromCapacity, StringComparer.Ordinal);
        return setup with
        {
            Organisation = setup.Organisation with
            {
                Regions = [.. setup.Organisation.Regions.Select(region => region with
                {
                    Teams = [.. region.Teams.Select(team => team with
                    {
                        Reps = [.. team.Reps.Select(rep => byRep.TryGetValue(rep.Id, out var q) ? rep with { Quota = q } : rep)],
                    })],
                })],
            },
        };
    }
}
