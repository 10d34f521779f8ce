using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;

namespace Growth.Domain.Compensation;

/// <summary>What a rep has credited in their plan's current measurement period.</summary>
public sealed record RepCredit(string Period, decimal Credited);

/// <summary>
/// Where each rep of a simulation stands against their own pay plan, day by day: the won value each rep books in the
/// measurement period of the plan in force (booking basis; assumed for collection-basis plans too). The actor
/// simulation sets each new lead's rep effort from it (<see cref="PlanResponse"/>), so first-contact speed and
/// follow-ups answer to the plan as the projection's per-rep paths do, and hands each step's journeys the reps' pay
/// stances (<see cref="StancesAt"/>: pull-ins, hold-backs, discounts). Kept with the simulation's state.
/// </summary>
public sealed record RepStandings
{
    public CompensationSetup Compensation { get; init; } = new();
    public CompanySetup Company { get; init; } = new();
    /// <summary>Spiff a deal earns under each plan (by plan id) over the mean list price: a rate, as commission is.</summary>
    public Dictionary<string, double> SpiffRates { get; init; } = [];
    public Dictionary<string, RepCredit> Credits { get; init; } = [];

    /// <summary>
    /// The standings for a setup's plans (keeping <paramref name="previous"/>'s credits), or null when it has none: every
    /// rep is on the flat plan, which moves nothing. A spiff paid on one channel's deals is weighted by that channel's
    /// share of the leads with real intent, from <paramref name="channelShares"/> (<see cref="Projection.ChannelFlow.SharesOf"/> of
    /// the organisation's campaigns, as the projection weights it); without them, evenly over the channels.
    /// </summary>
    public static RepStandings? For(SetupDocument setup, RepStandings? previous = null, IReadOnlyDictionary<Channel, double>? channelShares = null)
    {
        if (setup.Compensation.Plans.Count == 0) return null;
        var products = setup.Catalogue.Products;
        var mix = products.Sum(p => p.Mix);
        var shares = products.ToDictionary(p => p.Id, p => mix <= 0 ? 0 : p.Mix / mix);
        var meanPrice = mix <= 0 ? 0 : (double)products.Sum(p => p.ListPrice * (decimal)p.Mix) / mix;
        return new RepStandings
        {
            Compensation = setup.Compensation, Company = setup.Company,
            SpiffRates = setup.Compensation.Plans.GroupBy(p => p.Id).ToDictionary(g => g.Key,
                g => meanPrice <= 0 ? 0 : PlanTerms.Of(g.First(), shares, channelShares).SpiffPerDeal / meanPrice),
            Credits = previous?.Credits ?? [],
        };
    }

    /// <summary>Adds won value booked per rep (rep id, amount) at <paramref name="at"/> to each rep's current period.</summary>
    public void Record(IEnumerable<KeyValuePair<string, decimal>> won, DateTimeOffset at, Organisation organisation)
    {
        var calendar = new FiscalCalendar(Company);
        foreach (var (repId, amount) in won)
        {
            if (amount == 0 || organisation.Reps.FirstOrDefault(r => r.Id == repId) is not { } rep) continue;
            var period = PeriodOf(calendar, rep, organisation, at).Period;
            var credit = Credits.GetValueOrDefault(repId);
            Credits[repId] = new RepCredit(period.Name, (credit?.Period == period.Name ? credit.Credited : 0) + amount);
        }
    }

    /// <summary>The plan's response of the rep at <paramref name="at"/>.</summary>
    public PlanEffect EffectOf(RepProfile rep, Organisation organisation, DateTimeOffset at, PlanResponseParameters response, FiscalCalendar? calendar = null)
    {
        calendar ??= new FiscalCalendar(Company);
        var (plan, period) = PeriodOf(calendar, rep, organisation, at);
        var credit = Credits.GetValueOrDefault(rep.Id);
        var credited = credit?.Period == period.Name ? (double)credit.Credited : 0;
        var target = (double)rep.Target * PlanTerms.WeeksOf(plan.Period) / 13;
        var elapsed = Math.Clamp((at - period.Start) / (period.End - period.Start), 0, 1);
        var standing = new PlanStanding(target <= 0 ? 0 : credited / target, elapsed, SpiffRates.GetValueOrDefault(plan.Id));
        return PlanResponse.Of(response, plan, standing);
    }

    /// <summary>
    /// The pay stances of every rep whose plan moves their closing deals at <paramref name="at"/> (pull-ins and a
    /// discount near a higher tier at the period's end, hold-backs past a cap); reps on a plan that moves nothing are left out.
    /// </summary>
    public PayStances? StancesAt(Organisation organisation, DateTimeOffset at, PlanResponseParameters response)
    {
        var calendar = new FiscalCalendar(Company);
        var stances = new Dictionary<string, PayStance>();
        foreach (var rep in organisation.Reps)
        {
            var effect = EffectOf(rep, organisation, at, response, calendar);
            var period = PeriodOf(calendar, rep, organisation, at).Period;
            var stance = new PayStance(effect.PullIn, effect.HoldBack, effect.Discount, period.End, period.End + TimeSpan.FromDays(Math.Max(0, response.PullInDays)));
            if (!stance.Neutral) stances[rep.Id] = stance;
        }
        return stances.Count == 0 ? null : new PayStances { ByRep = stances };
    }

    /// <summary>Each start's rep with their effort as their plan and standing make it (unchanged where the plan moves nothing).</summary>
    public void Adjust(List<JourneyStart> starts, Organisation organisation, PlanResponseParameters response)
    {
        var reps = organisation.Reps.ToDictionary(r => r.Id);
        var calendar = new FiscalCalendar(Company);
        for (var i = 0; i < starts.Count; i++)
        {
            var assigned = starts[i].Rep;
            if (!reps.TryGetValue(assigned.RepId, out var rep)) continue;
            var effort = EffectOf(rep, organisation, starts[i].At, response, calendar).Effort;
            if (effort != 1) starts[i] = starts[i] with { Rep = assigned with { Incentive = PlanResponse.Incentive(assigned.Incentive, effort) } };
        }
    }

    (CompensationPlanSetup Plan, FiscalPeriod Period) PeriodOf(FiscalCalendar calendar, RepProfile rep, Organisation organisation, DateTimeOffset at)
    {
        var team = organisation.Teams.FirstOrDefault(t => t.Id == rep.TeamId);
        var plan = PlanBook.For(Compensation, rep.Id, rep.TeamId, team?.RegionId, rep.Role, calendar.LocalDate(at));
        return (plan, PlanBook.Of(calendar, plan.Period, at));
    }
}
