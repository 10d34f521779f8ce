using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Projection;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.LongRun;

/// <summary>One fiscal year of the long run: revenue, its growth, the win rate and how the seats stood against their quotas.</summary>
/// <param name="Attainments">
/// Revenue ÷ quota for the year of each seat whose rep held its quota the whole year (<see cref="LongRunRules.HeldAllYear"/>), sorted.
/// </param>
public sealed record LongRunYear(int Year, decimal Revenue, double? Growth, double WinRate, long Wins, long Customers, double MarketUsed,
    int RepsLeft, IReadOnlyList<double> Attainments)
{
    public double AttainmentAt(double share) => Attainments.Count == 0 ? 0 : Attainments[(int)Math.Round(share * (Attainments.Count - 1))];
    public double MedianAttainment => AttainmentAt(0.5);
    public double AtQuotaShare => Attainments.Count == 0 ? 0 : Attainments.Count(a => a >= 1) / (double)Attainments.Count;
}

/// <summary>
/// The company over years, week by week and seat by seat, on the same behaviour model as the simulation (lead quality,
/// speed to lead under load, follow-ups, step failures by skill, ramp-up, repurchases and referrals) plus what a long run
/// needs (<see cref="LongRunAssumptions"/>): leads fall as a region's market is used up, customers leave, reps leave and
/// their seats are filled again by reps who ramp, and each fiscal year's quotas are set from last year's revenue. It
/// counts revenue as the live simulation does: a customer repurchases and refers at most the behaviour's caps
/// (<c>MaxRepurchases</c>, <c>MaxReferrals</c>) at their satisfaction's pace, and stays with the rep who won them; once
/// that rep leaves the customer is a house account, whose orders are the company's revenue but no seat's. Pure and
/// seeded: the same inputs give the same years. Fast (a 60-seat company over 5 years in milliseconds), so tests use it
/// where a 5-year actor run would take minutes.
/// </summary>
public static class LongRunModel
{
    const int Weeks = 52;

    sealed class Seat(RepProfile rep, string regionId)
    {
        public RepProfile Rep = rep;
        public readonly string RegionId = regionId;
        public DateTimeOffset? HireDate = rep.HireDate;
        public int VacantUntil = -1;
        public double Customers, Repurchases, Referrals;
        public bool LeftThisYear;
        public decimal Revenue, Quota;
    }

    public static IReadOnlyList<LongRunYear> Run(Organisation org, BehaviourParameters p, LongRunAssumptions a, int years, int existingCustomers,
        DateTimeOffset start, ulong seed)
    {
        var rng = new Prng(Prng.Derive(seed, "long-run"));
        var seats = org.Teams.SelectMany(t => t.Reps.Select(r => new Seat(r, t.RegionId))).ToList();
        if (seats.Count == 0) return [];
        foreach (var (s, i) in seats.Select((s, i) => (s, i))) s.Customers = existingCustomers / seats.Count + (i < existingCustomers % seats.Count ? 1 : 0);
        // Each customer's orders and referrals still to come (existing customers start with the full caps, as live ones do).
        foreach (var s in seats) (s.Repurchases, s.Referrals) = (s.Customers * p.MaxRepurchases, s.Customers * p.MaxReferrals);
        // House accounts per region: the customers of reps who left (customers, repurchases and referrals still to come).
        var house = org.Regions.ToDictionary(r => r.Id, _ => new double[3]);
        foreach (var s in seats) s.Quota = (s.Rep.Target > 0 ? s.Rep.Target : OrganisationFactory.SeededQuota) * 4;
        var market = org.Regions.ToDictionary(r => r.Id, _ => a.MarketAccountsPerRegion);
        var churn = p.Rules.Customers?.RuleOf(CustomerGrade.B).AnnualChurn ?? a.AnnualCustomerChurn;
        var churnPerWeek = 1 - Math.Pow(1 - churn, 1.0 / Weeks);
        var satisfaction = Behaviour.Satisfaction(p, 0.9, 0);
        // Share of a customer's orders (referrals) still to come that fall in a week, at their satisfaction's pace.
        var repurchasePace = Math.Min(1, 7 / Behaviour.RepurchaseMeanDays(p, satisfaction));
        var referralPace = Math.Min(1, 7 / Behaviour.ReferralMeanDays(p, satisfaction));
        var dealValue = (double)p.ListPrice * Math.Exp(0.125);
        var repurchaseValue = dealValue * 0.55;
        var leaveChance = LongRunRules.LeaveChance(a.RepTenureYears, 1.0 / Weeks);
        var referralQuality = p.Channels.GetValueOrDefault(Channel.Referral) ?? new ChannelQuality(0.85, 0, 1);

        var result = new List<LongRunYear>(years);
        decimal? lastRevenue = null;
        for (var y = 0; y < years; y++)
        {
            long wins = 0, opportunities = 0;
            var left = 0;
            foreach (var s in seats) (s.Revenue, s.LeftThisYear) = (0, false);
            var houseRevenue = 0m;
            for (var w = 0; w < Weeks; w++)
            {
                var week = y * Weeks + w;
                var at = start.AddDays(7 * week);
                var season = p.Arrival.MeanWeight(at, at.AddDays(7));
                var campaignLeads = CampaignLeadsIn(org, p, at, at.AddDays(7));
                foreach (var region in org.Regions)
                {
                    var inRegion = seats.Where(s => s.RegionId == region.Id).ToList();
                    var held = house[region.Id];
                    var customers = inRegion.Sum(s => s.Customers) + held[0];
                    var open = LongRunRules.OpenShare(customers, market[region.Id]);
                    // Referral leads of the region this week, from every customer's referrals still to come (house accounts' too).
                    var referrals = (inRegion.Sum(s => s.Referrals) + held[2]) * referralPace;
                    foreach (var s in inRegion) s.Referrals -= s.Referrals * referralPace;
                    held[2] -= held[2] * referralPace;
                    var staffed = inRegion.Where(s => s.VacantUntil < week).ToList();
                    var capacity = staffed.Sum(s => (double)s.Rep.Capacity);
                    foreach (var s in staffed)
                    {
                        var share = capacity <= 0 ? 0 : s.Rep.Capacity / capacity;
                        var (q, campaign) = campaignLeads.GetValueOrDefault(region.Id, (new ChannelQuality(0.5, 0, 0), 0));
                        var campaignCount = rng.Poisson(campaign * open * share * season);
                        var referralCount = rng.Poisson(referrals * open * share);
                        var (o1, w1) = Convert(p, rng, s, campaignCount, q, at);
                        var (o2, w2) = Convert(p, rng, s, referralCount, referralQuality, at);
                        opportunities += o1 + o2;
                        wins += w1 + w2;
                        s.Revenue += (decimal)((w1 + w2) * dealValue);
                        s.Customers += w1 + w2;
                        s.Repurchases += (w1 + w2) * p.MaxRepurchases;
                        s.Referrals += (w1 + w2) * p.MaxReferrals;
                    }
                    foreach (var s in inRegion) s.Revenue += (decimal)(Repurchase(rng, ref s.Repurchases, repurchasePace) * repurchaseValue);
                    houseRevenue += (decimal)(Repurchase(rng, ref held[1], repurchasePace) * repurchaseValue);
                    foreach (var s in inRegion)
                    {
                        var churned = Sampling.Binomial(rng, (long)Math.Round(s.Customers), churnPerWeek);
                        if (s.Customers > 0) (s.Repurchases, s.Referrals) = (s.Repurchases * (1 - churned / s.Customers), s.Referrals * (1 - churned / s.Customers));
                        s.Customers -= churned;
                    }
                    var houseChurned = Sampling.Binomial(rng, (long)Math.Round(held[0]), churnPerWeek);
                    if (held[0] > 0) (held[1], held[2]) = (held[1] * (1 - houseChurned / held[0]), held[2] * (1 - houseChurned / held[0]));
                    held[0] -= houseChurned;
                    foreach (var s in staffed.Where(_ => rng.Chance(leaveChance)))
                    {
                        left++;
                        s.LeftThisYear = true;
                        // The leaver's customers stay with them: house accounts from now on.
                        (held[0], held[1], held[2]) = (held[0] + s.Customers, held[1] + s.Repurchases, held[2] + s.Referrals);
                        (s.Customers, s.Repurchases, s.Referrals) = (0, 0, 0);
                        s.VacantUntil = week + (int)Math.Ceiling(a.VacancyDays / 7);
                        s.HireDate = at.AddDays(7 * (s.VacantUntil - week));
                    }
                    market[region.Id] = LongRunRules.MarketAfter(market[region.Id], a.MarketGrowth, 1.0 / Weeks);
                }
            }
            var revenue = seats.Sum(s => s.Revenue) + houseRevenue;
            var yearStart = start.AddDays(7 * Weeks * y);
            var attainments = seats.Where(s => s.Quota > 0 && LongRunRules.HeldAllYear(s.HireDate, s.LeftThisYear, yearStart))
                .Select(s => (double)(s.Revenue / s.Quota)).Order().ToList();
            var current = seats.Sum(s => s.Customers) + house.Values.Sum(h => h[0]);
            var used = current / market.Values.Sum();
            result.Add(new LongRunYear(y + 1, Math.Round(revenue, 0), lastRevenue is > 0 ? (double)(revenue / lastRevenue.Value) - 1 : null,
                opportunities == 0 ? 0 : wins / (double)opportunities, wins, (long)current, used, left, attainments));
            lastRevenue = revenue;
            // No plan (growth NaN): the first year's quotas stay, as a simulation on a setup's fixed quotas does.
            if (!double.IsNaN(a.PlanGrowth)) SetQuotas(seats, p, LongRunRules.Plan(revenue, a.PlanGrowth), start.AddDays(7 * Weeks * (y + 1)));
        }
        return result;
    }

    /// <summary>The fiscal year's plan shared by the seats' ramped capacity at its start (a seat's new rep ramps up over it).</summary>
    static void SetQuotas(List<Seat> seats, BehaviourParameters p, decimal plan, DateTimeOffset yearStart)
    {
        var quotas = LongRunRules.SharePlan(plan, seats.Select(s => LongRunRules.QuotaWeight(p, s.Rep.Capacity, s.HireDate, yearStart)).ToList());
        for (var i = 0; i < seats.Count; i++) seats[i].Quota = quotas[i];
    }

    /// <summary>Orders this week from <paramref name="pending"/> orders still to come at <paramref name="pace"/> (taken from them).</summary>
    static int Repurchase(Prng rng, ref double pending, double pace)
    {
        var orders = (int)Math.Min(Math.Floor(pending), rng.Poisson(pending * pace));
        pending -= orders;
        return orders;
    }

    /// <summary>A seat's leads this week through the funnel: opportunities opened and deals won.</summary>
    static (long Opportunities, long Wins) Convert(BehaviourParameters p, Prng rng, Seat s, int leads, ChannelQuality q, DateTimeOffset at)
    {
        if (leads == 0) return (0, 0);
        var ramp = Behaviour.Ramp(p, s.HireDate, at);
        var skills = s.Rep.Skills.Select(x => x * ramp).ToArray();
        var incentive = s.Rep.Incentive;
        var openDays = Behaviour.FollowUps(p, incentive) * p.DaysBetweenFollowUps + 6 * p.DaysPerStep;
        var load = (int)Math.Round(leads * openDays / 7);
        var hours = Behaviour.MeanHoursToContact(p, incentive, load, s.Rep.Capacity);
        long opportunities = 0, wins = 0;
        foreach (var (effective, intent) in new[] { (true, 0.7), (false, Behaviour.JunkIntent) })
        {
            var n = Sampling.Binomial(rng, leads, effective ? q.EffectiveShare : 1 - q.EffectiveShare);
            var qualify = effective ? p.QualifyEffective * p.SpeedToLead.Expected(hours) : p.JunkPassRate;
            var opened = Sampling.Binomial(rng, Sampling.Binomial(rng, n, qualify), Behaviour.OpportunityOverFollowUps(p, intent, incentive));
            opportunities += opened;
            wins += Sampling.Binomial(rng, opened, Behaviour.WinProbability(p, skills, intent, 0.9));
        }
        return (opportunities, wins);
    }

    /// <summary>
    /// Campaign leads per region over [from, to) at full reach, with their mixed quality: each campaign's expected yield
    /// (<see cref="CampaignReach.Expected"/>, the simulation's and the projection's rule: its dates, its cost model) shared
    /// evenly by its regions.
    /// </summary>
    static Dictionary<string, (ChannelQuality Quality, double Leads)> CampaignLeadsIn(Organisation org, BehaviourParameters p, DateTimeOffset from, DateTimeOffset to)
    {
        var byRegion = new Dictionary<string, (double Leads, double Effective)>();
        foreach (var c in org.Campaigns.Where(c => c.RegionIds.Count > 0))
        {
            var y = CampaignReach.Expected(c, p, from, to);
            if (!y.Runs) continue;
            var (leads, effective) = (y.Leads / c.RegionIds.Count, y.EffectiveLeads / c.RegionIds.Count);
            foreach (var r in c.RegionIds)
            {
                var (l, e) = byRegion.GetValueOrDefault(r);
                byRegion[r] = (l + leads, e + effective);
            }
        }
        return byRegion.ToDictionary(x => x.Key, x => (new ChannelQuality(x.Value.Leads <= 0 ? 0 : x.Value.Effective / x.Value.Leads, 0, 0), x.Value.Leads));
    }
}
