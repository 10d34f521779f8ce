using Bogus;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.LongRun;

/// <summary>A seat left empty by a rep who left: filled at <paramref name="Until"/> by a new rep with the seat's capacity, incentive and target.</summary>
public sealed record Vacancy(string TeamId, string LeftRepId, DateTimeOffset Until, int Capacity, double Incentive, decimal Target, RepTerritory Territory);

/// <summary>
/// What the live simulation keeps for the long run (<see cref="LongRunLive"/>): current customers per region (always
/// counted, so turning the long run on mid-run finds them), when each rep leaves, the empty seats, and the fiscal year's
/// revenue so far.
/// </summary>
public sealed class LongRunState
{
    /// <summary>Current customers (became one and did not leave) per region.</summary>
    public Dictionary<string, long> CustomersByRegion { get; set; } = [];
    /// <summary>When each rep of the organisation leaves (drawn once from the tenure, on the rep's own stream).</summary>
    public Dictionary<string, DateTimeOffset> LeaveAt { get; set; } = [];
    public List<Vacancy> Vacancies { get; set; } = [];
    /// <summary>Reps hired into empty seats so far (numbers the new reps' ids).</summary>
    public int Hires { get; set; }
    /// <summary>Reps who left so far.</summary>
    public int Left { get; set; }
    /// <summary>Where revenue counting for the current fiscal year began (the year's start, or the simulation's).</summary>
    public DateTimeOffset YearFrom { get; set; }
    /// <summary>When the current fiscal year ends: the next plan is set then.</summary>
    public DateTimeOffset YearEnd { get; set; }
    /// <summary>Revenue (orders' value) since <see cref="YearFrom"/>.</summary>
    public decimal YearRevenue { get; set; }
    /// <summary>True once a yearly plan set the reps' quotas (the setup's quarterly targets no longer do).</summary>
    public bool Planned { get; set; }
    /// <summary>The fiscal calendar's company settings the years are counted in.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;
    public string TimeZone { get; set; } = "UTC";
    /// <summary>When the current fiscal quarter ends: the targets held back from this quarter's hires are theirs from then.</summary>
    public DateTimeOffset QuarterEnd { get; set; }
    /// <summary>
    /// Hires of the current quarter and the seat's quarterly target each takes up when the next quarter starts: a
    /// quarter's targets are fixed at its start, so a rep who joins during it has none in it (shown as "no target").
    /// </summary>
    public Dictionary<string, decimal> HeldTargets { get; set; } = [];
    /// <summary>Bogus locale new reps are named in: the workspace's (<see cref="PersonaNames.LocaleOf"/> of its money culture).</summary>
    public string NameLocale { get; set; } = PersonaNames.EnglishLocale;

    public FiscalCalendar Calendar() => new(new CompanySetup { FiscalYearStartMonth = FiscalYearStartMonth, TimeZone = TimeZone });

    /// <summary>Counts the fiscal year in <paramref name="company"/>'s calendar from <paramref name="at"/> (a new simulation, or a setup taken up).</summary>
    public void UseCalendar(CompanySetup company, DateTimeOffset at)
    {
        (FiscalYearStartMonth, TimeZone) = (company.FiscalYearStartMonth, company.TimeZone);
        NameLocale = PersonaNames.LocaleOf(company.Currency.Culture);
        YearEnd = Calendar().YearOf(at).End;
        QuarterEnd = Calendar().QuarterOf(at).End;
        if (YearFrom == default) YearFrom = at;
    }

    /// <summary>A step's change in customers per region and revenue.</summary>
    public void Count(IReadOnlyDictionary<string, long>? customers, decimal revenue)
    {
        YearRevenue += revenue;
        if (customers is null) return;
        foreach (var (region, change) in customers) CustomersByRegion[region] = CustomersByRegion.GetValueOrDefault(region) + change;
    }
}

/// <summary>The long run's plan for a fiscal year: last year's revenue (annualised when the simulation ran part of it) × (1 + growth).</summary>
public sealed record YearPlan(DateTimeOffset YearStart, decimal LastYearRevenue, double CoveredDays, decimal Plan);

/// <summary>
/// The long run in the live simulation, pure: which leads a filling market still brings, which reps leave and who fills
/// their seats, and each fiscal year's quotas from the plan. Every draw is on a stream of its own (a lead's, a rep's, a
/// hire's), so turning one mechanism off leaves every other draw of the simulation as it was.
/// </summary>
public static class LongRunLive
{
    /// <summary>Reason on the events of a lead handed over because its rep left.</summary>
    public const string RepLeftReason = "their rep left the company";

    /// <summary>Whether a lead of <paramref name="regionId"/> arrives at all: with chance (1 − customers ÷ market), the market grown since <paramref name="start"/>.</summary>
    public static bool Arrives(LongRunAssumptions a, LongRunState s, string regionId, string leadId, DateTimeOffset start, DateTimeOffset at, ulong seed)
    {
        var open = OpenShare(a, s, regionId, start, at);
        return open >= 1 || new Prng(Prng.Derive(seed, "long-run/market/" + leadId)).Chance(open);
    }

    /// <summary>Share of <paramref name="regionId"/>'s market still open at <paramref name="at"/>.</summary>
    public static double OpenShare(LongRunAssumptions a, LongRunState s, string regionId, DateTimeOffset start, DateTimeOffset at) =>
        LongRunRules.OpenShare(s.CustomersByRegion.GetValueOrDefault(regionId),
            LongRunRules.MarketAfter(a.MarketAccountsPerRegion, a.MarketGrowth, Math.Max(0, (at - start).TotalDays) / LongRunRules.DaysPerYear));

    /// <summary>
    /// The reps who leave by <paramref name="at"/>. A rep first seen gets a leaving time drawn from the tenure; a rep who
    /// is the last of their team stays a vacancy's length more (a team always has someone to assign leads to).
    /// </summary>
    public static List<RepProfile> Leaving(LongRunAssumptions a, LongRunState s, Organisation org, DateTimeOffset at, ulong seed)
    {
        var reps = org.Reps.ToList();
        var present = reps.Select(r => r.Id).ToHashSet();
        foreach (var gone in s.LeaveAt.Keys.Where(id => !present.Contains(id)).ToList()) s.LeaveAt.Remove(gone);
        foreach (var r in reps.Where(r => !s.LeaveAt.ContainsKey(r.Id)))
            s.LeaveAt[r.Id] = Later(at, LongRunRules.TenureDays(a.RepTenureYears, new Prng(Prng.Derive(seed, "long-run/tenure/" + r.Id))));
        var leaving = new List<RepProfile>();
        foreach (var team in org.Teams)
        {
            var staying = team.Reps.Count;
            foreach (var r in team.Reps.Where(r => s.LeaveAt[r.Id] <= at).OrderBy(r => s.LeaveAt[r.Id]).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                if (staying <= 1) { s.LeaveAt[r.Id] = Later(at, Math.Max(1, a.VacancyDays)); continue; }
                staying--;
                leaving.Add(r);
            }
        }
        return leaving;
    }

    /// <summary>The organisation without <paramref name="leaving"/>; each seat is vacant for the vacancy period.</summary>
    public static Organisation Leave(LongRunAssumptions a, LongRunState s, Organisation org, IReadOnlyList<RepProfile> leaving, DateTimeOffset at)
    {
        if (leaving.Count == 0) return org;
        var gone = leaving.Select(r => r.Id).ToHashSet();
        foreach (var r in leaving)
        {
            // The seat's target: a hire who leaves in the quarter they joined held it without carrying it.
            var seatTarget = s.HeldTargets.Remove(r.Id, out var held) ? held : r.Target;
            s.Vacancies.Add(new Vacancy(r.TeamId, r.Id, Later(at, a.VacancyDays), r.Capacity, r.Incentive, seatTarget, r.Territory));
            s.LeaveAt.Remove(r.Id);
            s.Left++;
        }
        return (org with { Teams = org.Teams.Select(t => t.Reps.Any(r => gone.Contains(r.Id)) ? t with { Reps = t.Reps.Where(r => !gone.Contains(r.Id)).ToList() } : t).ToList() })
            .WithDeparted(leaving, at);
    }

    /// <summary>
    /// The organisation with every seat whose vacancy ended by <paramref name="at"/> filled (a seat whose team a setup
    /// removed is dropped): a new rep with a new id, a name from a seeded faker, skills drawn as the seeded organisation's
    /// are, hired at <paramref name="at"/> (so ramping up), in the workspace's name locale. The hire has no target in the
    /// quarter they join (its targets were fixed at its start); the seat's target is held for them until the next quarter
    /// (<see cref="NewQuarter"/>). Returns the reps hired.
    /// </summary>
    public static (Organisation Organisation, List<RepProfile> Hired) Hire(LongRunState s, Organisation org, DateTimeOffset at, ulong seed)
    {
        var due = s.Vacancies.Where(v => v.Until <= at).ToList();
        if (due.Count == 0) return (org, []);
        s.Vacancies.RemoveAll(v => v.Until <= at);
        var hired = new List<RepProfile>();
        foreach (var v in due.Where(v => org.Teams.Any(t => t.Id == v.TeamId)))
        {
            var n = ++s.Hires;
            var rng = new Prng(Prng.Derive(seed, $"long-run/hire/{n}"));
            var id = $"rep-hire-{n}";
            s.HeldTargets[id] = v.Target;
            hired.Add(new RepProfile
            {
                Id = id, Name = HireName(s.NameLocale, Prng.Derive(seed, $"long-run/hire/{n}/name")), TeamId = v.TeamId,
                Skills = OrganisationFactory.DrawSkills(rng, rng.Uniform(0.3, 0.8)),
                Capacity = v.Capacity, Incentive = v.Incentive, Target = 0, HireDate = at, Territory = v.Territory,
                Optimism = Math.Round(rng.Uniform(-OrganisationFactory.DemoOptimismSpread, OrganisationFactory.DemoOptimismSpread), 2),
            });
        }
        var teams = org.Teams.Select(t => hired.Any(h => h.TeamId == t.Id) ? t with { Reps = [.. t.Reps, .. hired.Where(h => h.TeamId == t.Id)] } : t).ToList();
        return (org with { Teams = teams }, hired);
    }

    /// <summary>A new rep's name: Bogus in <paramref name="locale"/>; Chinese family name first, no space (as the seeded Chinese faces are written).</summary>
    public static string HireName(string locale, ulong seed)
    {
        var faker = new Faker(locale == PersonaNames.ChineseLocale ? PersonaNames.ChineseLocale : PersonaNames.EnglishLocale) { Random = new Randomizer((int)(seed % int.MaxValue)) };
        return locale == PersonaNames.ChineseLocale ? faker.Name.LastName() + faker.Name.FirstName() : faker.Name.FullName();
    }

    /// <summary>
    /// When <paramref name="at"/> reached the quarter's end: the reps hired during the quarter take up their seat's held
    /// target, and the next quarter's end is noted. Returns the organisation and whether a target changed.
    /// </summary>
    public static (Organisation Organisation, bool Changed) NewQuarter(LongRunState s, Organisation org, DateTimeOffset at)
    {
        if (s.QuarterEnd == default) s.QuarterEnd = s.Calendar().QuarterOf(at).End;
        if (at < s.QuarterEnd) return (org, false);
        s.QuarterEnd = s.Calendar().QuarterOf(at).End;
        var held = s.HeldTargets;
        s.HeldTargets = [];
        return held.Count == 0 ? (org, false) : (Retarget(org, r => held.TryGetValue(r.Id, out var t) ? t : null), true);
    }

    /// <summary>
    /// The organisation with this quarter's hires back at no target (a setup taken up mid-quarter compiles every rep's
    /// target afresh). Returns whether a target changed.
    /// </summary>
    public static (Organisation Organisation, bool Changed) Hold(LongRunState s, Organisation org) =>
        org.Reps.Any(r => r.Target != 0 && s.HeldTargets.ContainsKey(r.Id))
            ? (Retarget(org, r => s.HeldTargets.ContainsKey(r.Id) ? 0 : null), true) : (org, false);

    static Organisation Retarget(Organisation org, Func<RepProfile, decimal?> target) => org with
    {
        Teams = org.Teams.Select(t => t with { Reps = t.Reps.Select(r => target(r) is { } x ? r with { Target = x } : r).ToList() }).ToList(),
    };

    /// <summary>
    /// At the fiscal year's end: the next year's plan (last year's revenue, annualised when fewer than 360 days were
    /// counted, × (1 + plan growth)) shared by the seats' ramped capacity, empty seats included (their new rep takes
    /// theirs). A rep's target is their yearly share ÷ 4 (targets are quarterly). Null plan when fewer than 28 days were
    /// counted (the quotas stay). The year moves on either way.
    /// </summary>
    public static (Organisation Organisation, YearPlan? Plan) NewYear(LongRunAssumptions? a, LongRunState s, BehaviourParameters p, Organisation org, DateTimeOffset at)
    {
        var covered = (at - s.YearFrom).TotalDays;
        var revenue = covered >= 360 ? s.YearRevenue : covered > 0 ? s.YearRevenue * (decimal)(LongRunRules.DaysPerYear / covered) : 0;
        (s.YearFrom, s.YearEnd, s.YearRevenue) = (at, s.Calendar().YearOf(at).End, 0);
        if (a is null || covered < 28 || double.IsNaN(a.PlanGrowth)) return (org, null);
        var plan = LongRunRules.Plan(Math.Round(revenue, 0), a.PlanGrowth);
        var reps = org.Reps.ToList();
        var weights = reps.Select(r => LongRunRules.QuotaWeight(p, r.Capacity, r.HireDate, at))
            .Concat(s.Vacancies.Select(v => LongRunRules.QuotaWeight(p, v.Capacity, v.Until, at))).ToList();
        var shares = LongRunRules.SharePlan(plan, weights);
        var targets = reps.Select((r, i) => (r.Id, Target: Math.Round(shares[i] / 4, 0))).ToDictionary(x => x.Id, x => x.Target);
        s.Vacancies = s.Vacancies.Select((v, i) => v with { Target = Math.Round(shares[reps.Count + i] / 4, 0) }).ToList();
        s.Planned = true;
        s.HeldTargets = []; // every rep on the roster at the year's start has the plan's target
        var next = org with { Teams = org.Teams.Select(t => t with { Reps = t.Reps.Select(r => r with { Target = targets[r.Id] }).ToList() }).ToList() };
        return (next, new YearPlan(at, Math.Round(revenue, 0), covered, Math.Round(plan, 0)));
    }

    static DateTimeOffset Later(DateTimeOffset at, double days) =>
        double.IsInfinity(days) || days > 365_000 ? DateTimeOffset.MaxValue : at.AddDays(days);
}
