using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Calibration;

/// <summary>A fitted distribution, summarised.</summary>
public sealed record Distribution(int Count, double Mean, double P10, double P25, double Median, double P75, double P90)
{
    public static Distribution Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new Distribution(0, 0, 0, 0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        return new Distribution(sorted.Length, sorted.Average(),
            Quantile(sorted, 0.10), Quantile(sorted, 0.25), Quantile(sorted, 0.50), Quantile(sorted, 0.75), Quantile(sorted, 0.90));
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolating between neighbours.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 1) return sorted[0];
        var x = q * (sorted.Count - 1);
        var i = Math.Min((int)x, sorted.Count - 2);
        return sorted[i] + (sorted[i + 1] - sorted[i]) * (x - i);
    }
}

/// <summary>A group's win rate: as observed, and as fitted (shrunk towards its parent's rate when it has few closed deals).</summary>
public sealed record RateFit(string Id, string Name, long Won, long Lost, double Observed, double Fitted);

/// <summary>Everything fitted on a history, and the parameters and organisation to simulate it with.</summary>
public sealed record CalibrationResult
{
    /// <summary>The behaviour parameters: the defaults, with the fitted values put in (see <see cref="HistoryCalibration"/>).</summary>
    public required BehaviourParameters Parameters { get; init; }
    /// <summary>The history's regions, teams and reps, with one fitted lead flow (campaign) per region.</summary>
    public required Organisation Organisation { get; init; }
    /// <summary>First and last date of the history.</summary>
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public int Journeys { get; init; }
    public int Opportunities { get; init; }
    public int Won { get; init; }
    public int Lost { get; init; }
    /// <summary>Won / (won + lost).</summary>
    public double WinRate { get; init; }
    /// <summary>Stage conversion: share of journeys that reached an opportunity.</summary>
    public double LeadToOpportunity { get; init; }
    /// <summary>Stage conversion: share of opportunities that closed (won or lost) within the history.</summary>
    public double OpportunityToClose { get; init; }
    public decimal AverageWonValue { get; init; }
    /// <summary>Days from opportunity to close, won deals.</summary>
    public required Distribution WonDays { get; init; }
    /// <summary>Days from opportunity to close, lost deals.</summary>
    public required Distribution LostDays { get; init; }
    /// <summary>Values of won deals.</summary>
    public required Distribution WonValues { get; init; }
    /// <summary>New journeys per day over the history (the fitted lead flow).</summary>
    public double LeadsPerDay { get; init; }
    public required IReadOnlyList<RateFit> Regions { get; init; }
    public required IReadOnlyList<RateFit> Teams { get; init; }
    public required IReadOnlyList<RateFit> Reps { get; init; }
    public required IReadOnlyList<ProductFit> Products { get; init; }
    /// <summary>The channel group of each fitted lead flow (flow id to channel name; "" for leads without one), see <see cref="FittedFlows"/>.</summary>
    public IReadOnlyDictionary<string, string> FlowGroups { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Fits the behaviour model on an imported history (the final states of its journeys). Pure.
/// <para>Fitted: the win rate overall, per team and per rep (each shrunk towards its parent by
/// <see cref="PriorDeals"/> pseudo-deals, so a rep with three deals is not taken at face value) and per product;
/// the product mix of opportunities; the won values per product (41 quantiles); the cycle time (the mean days from
/// opportunity to a win sets the days per conversation step); the lead-to-opportunity conversion; the lead flow per
/// region (journeys per day).</para>
/// <para>Assumed (behaviour model defaults): where in the conversation deals are lost (the default per-step failure
/// profile, scaled to the fitted win rate), objections, follow-up cadence, payments, activation, retention,
/// repurchases and churn. Referrals by customers are off: the fitted lead flows already hold every lead of the history,
/// referred ones included. Left out: the decay of conversion with time to first contact, which a CRM
/// export gives no times for.</para>
/// </summary>
public static class HistoryCalibration
{
    /// <summary>Weight, in closed deals, of the parent's rate in a group's fitted rate.</summary>
    public const double PriorDeals = 20;

    /// <summary>Quantiles kept of each product's won values.</summary>
    public const int ValueQuantiles = 41;

    /// <summary>Reach bought per unit of budget in a fitted lead flow: one lead per unit, so a flow's daily budget is its leads per day.</summary>
    public static readonly ChannelQuality FittedFlow = new(EffectiveShare: 1.0, CostPerTouch: 1m, LeadRate: 1.0);

    /// <summary>The channel fitted lead flows run on (every lead of a CRM pipeline had real intent).</summary>
    public const Channel FlowChannel = Channel.Events;

    /// <summary>Fits the history of <paramref name="journeys"/> in <paramref name="organisation"/>.</summary>
    /// <param name="products">Names for the list prices opportunities opened at; unnamed prices are named by their value.</param>
    public static CalibrationResult Fit(IReadOnlyCollection<JourneyState> journeys, Organisation organisation,
        IReadOnlyCollection<(string Name, decimal ListPrice)>? products = null)
    {
        var leads = journeys.Where(j => !j.Existing && j.Status != JourneyStatus.None).ToList();
        var opportunities = leads.Where(j => j.OpportunityAt is not null).ToList();
        var won = opportunities.Where(j => j.Won).ToList();
        var valuedWins = won.Where(j => j.WonValue > 0).Select(j => j.WonValue).ToArray();
        var lost = opportunities.Where(j => j.Status == JourneyStatus.Lost).ToList();
        if (won.Count + lost.Count == 0) throw new ArgumentException("the history has no won or lost deal to calibrate on", nameof(journeys));
        var winRate = (double)won.Count / (won.Count + lost.Count);

        var dates = leads.SelectMany(j => new[] { j.CreatedAt, j.LastEventAt }).OfType<DateTimeOffset>().ToList();
        var from = dates.Min();
        var to = dates.Max();
        var days = Math.Max(1, (to - from).TotalDays);
        var (flows, qualify, flowGroups) = FittedFlows.Of(organisation, leads, days);

        var teams = Rates(organisation.Teams.Select(t => (t.Id, t.Name)), opportunities, j => j.TeamId, _ => winRate);
        var teamRate = teams.ToDictionary(t => t.Id, t => t.Fitted);
        var teamOfRep = organisation.Teams.SelectMany(t => t.Reps.Select(r => (r.Id, t.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        var reps = Rates(organisation.Reps.Select(r => (r.Id, r.Name)), opportunities, j => j.RepId,
            id => teamOfRep.TryGetValue(id, out var team) && teamRate.TryGetValue(team, out var rate) ? rate : winRate);
        var regions = Rates(organisation.Regions.Select(r => (r.Id, r.Name)), opportunities, j => j.RegionId, _ => winRate);

        var named = (products ?? []).GroupBy(p => p.ListPrice).ToDictionary(g => g.Key, g => g.First().Name);
        var productFits = opportunities.GroupBy(j => j.OpportunityValue).OrderBy(g => g.Key).Select(g =>
        {
            var w = g.Count(j => j.Won);
            var l = g.Count(j => j.Status == JourneyStatus.Lost);
            var values = g.Where(j => j.Won && j.WonValue > 0).Select(j => (double)j.WonValue).Order().ToArray();
            return new ProductFit(
                named.GetValueOrDefault(g.Key) ?? $"list price {g.Key}",
                g.Key,
                (double)g.Count() / opportunities.Count,
                Shrink(w, l, winRate),
                values.Length == 0 ? [] : Enumerable.Range(0, ValueQuantiles)
                    .Select(i => (decimal)Math.Round(Distribution.Quantile(values, (double)i / (ValueQuantiles - 1)), 2)).ToArray());
        }).ToList();

        var wonDays = Distribution.Of(won.Select(j => j.DaysToClose!.Value).ToArray());
        var deals = new DealCalibration
        {
            WinRate = winRate,
            RepWinRates = reps.Where(r => r.Won + r.Lost > 0).ToDictionary(r => r.Id, r => r.Fitted),
            TeamWinRates = teams.Where(t => t.Won + t.Lost > 0).ToDictionary(t => t.Id, t => t.Fitted),
            FlowWinRates = FlowWinRates(flowGroups, opportunities, winRate),
            Products = productFits,
        };
        var defaults = BehaviourParameters.Default;
        var listPrice = productFits.Count == 0 ? defaults.ListPrice : Math.Round(productFits.Sum(p => p.ListPrice * (decimal)p.Share), 0);
        var leadToOpportunity = leads.Count == 0 ? 0 : (double)opportunities.Count / leads.Count;
        var parameters = defaults with
        {
            Deals = deals,
            // Six conversation steps: their mean durations add up to the mean days from opportunity to a win.
            DaysPerStep = wonDays.Count == 0 ? defaults.DaysPerStep : wonDays.Mean / Enum.GetValues<ConversationStep>().Length,
            ListPrice = listPrice,
            // Budgets keep the default relation to price (satisfaction depends on price against budget).
            MedianBudget = Math.Round(listPrice * defaults.MedianBudget / defaults.ListPrice, 0),
            Channels = new Dictionary<Channel, ChannelQuality>(defaults.Channels) { [FlowChannel] = FittedFlow },
            // The history's share of journeys that reached an opportunity (its best channel's, when leads name their
            // channel; see FittedFlows): a real lead qualifies with this chance, and a qualified one nearly always opens an opportunity.
            QualifyEffective = qualify,
            OpportunityPerFollowUp = 1,
            // An export records no contact times: a slow first contact may not cost the fitted conversion.
            SpeedToLead = defaults.SpeedToLead with { Enabled = false },
            // The fitted lead flows carry every lead the history had, referred ones included (a leads export's referral
            // origin is a flow of its own on the Referral channel): customers referring more on top would count them twice.
            MaxReferrals = 0,
        };

        var result = new CalibrationResult
        {
            Parameters = parameters,
            Organisation = organisation with { Campaigns = flows },
            FlowGroups = flowGroups,
            From = from,
            To = to,
            Journeys = leads.Count,
            Opportunities = opportunities.Count,
            Won = won.Count,
            Lost = lost.Count,
            WinRate = winRate,
            LeadToOpportunity = leadToOpportunity,
            OpportunityToClose = opportunities.Count == 0 ? 0 : (double)(won.Count + lost.Count) / opportunities.Count,
            // Wins of unknown value (amount 0) are left out of the value figures.
            AverageWonValue = valuedWins.Length == 0 ? 0 : Math.Round(valuedWins.Sum() / valuedWins.Length, 2),
            WonDays = wonDays,
            LostDays = Distribution.Of(lost.Select(j => j.DaysToClose!.Value).ToArray()),
            WonValues = Distribution.Of(valuedWins.Select(v => (double)v).ToArray()),
            LeadsPerDay = leads.Count / days,
            Regions = regions,
            Teams = teams,
            Reps = reps,
            Products = productFits,
        };
        var stalls = StallShares(result, leads);
        var stall = stalls.GetValueOrDefault(FittedFlows.NoChannel);
        var perFlow = flowGroups.Values.All(g => g == FittedFlows.NoChannel) ? new Dictionary<string, double>()
            : flowGroups.ToDictionary(f => f.Key, f => stalls.GetValueOrDefault(f.Value));
        return stall == 0 && perFlow.Count == 0 ? result
            : result with { Parameters = parameters with { Deals = deals with { StallShare = stall, FlowStallShares = perFlow } } };
    }

    /// <summary>
    /// The share of opportunities that stall, fitted by a seeded trial run: the model without stalls, run over the
    /// history's span, closes some share of its leads by the history's last day; a history with abandoned deals (the
    /// Maven sample keeps 1,589 deals "Engaging", most engaged longer ago than 90 % of its wins took) closes fewer.
    /// Stalling each opportunity with this chance makes the model close the history's share: 1 − history ÷ trial,
    /// 0 when the trial closes no more than the history (clamped to 0..0.95).
    /// Per channel group when the history's leads name their channels ("" for leads without one; all leads are ""
    /// when none names one): one trial run, each group's closed share against the history's.
    /// </summary>
    public static Dictionary<string, double> StallShares(CalibrationResult fit, IReadOnlyCollection<JourneyState> leads)
    {
        static double ClosedPerLead(IReadOnlyCollection<JourneyState> group) =>
            group.Count == 0 ? 0 : (double)group.Count(j => j.OpportunityAt is not null && (j.Won || j.Status == JourneyStatus.Lost)) / group.Count;
        var trial = CalibrationCheck.Simulate(fit, StallTrialSeed).Where(j => !j.Existing && j.Status != JourneyStatus.None)
            .GroupBy(j => fit.FlowGroups.GetValueOrDefault(j.CampaignId ?? "", FittedFlows.NoChannel)).ToDictionary(g => g.Key, g => ClosedPerLead(g.ToList()));
        var byChannel = fit.FlowGroups.Values.Any(g => g != FittedFlows.NoChannel);
        return leads.GroupBy(j => byChannel ? j.Channel?.ToString() ?? FittedFlows.NoChannel : FittedFlows.NoChannel).ToDictionary(g => g.Key, g =>
        {
            var closed = trial.GetValueOrDefault(g.Key);
            var history = ClosedPerLead(g.ToList());
            return closed <= history ? 0 : Math.Clamp(1 - history / closed, 0, 0.95);
        });
    }

    /// <summary>Seed of the trial run that fits <see cref="DealCalibration.StallShare"/> (not the comparison's seed, so the check is not fitted to its own draws).</summary>
    public const ulong StallTrialSeed = 7;

    /// <summary>Each channel flow's win rate: its channel's closed deals, shrunk towards the overall rate; none when no lead names a channel.</summary>
    static Dictionary<string, double> FlowWinRates(IReadOnlyDictionary<string, string> flowGroups, List<JourneyState> opportunities, double winRate)
    {
        if (flowGroups.Values.All(g => g == FittedFlows.NoChannel)) return [];
        var closed = opportunities.Where(j => j.Won || j.Status == JourneyStatus.Lost).GroupBy(j => j.Channel?.ToString() ?? FittedFlows.NoChannel)
            .ToDictionary(g => g.Key, g => Shrink(g.LongCount(j => j.Won), g.LongCount(j => !j.Won), winRate));
        return flowGroups.Where(f => closed.ContainsKey(f.Value)).ToDictionary(f => f.Key, f => closed[f.Value]);
    }

    /// <summary>(won + prior x parent rate) / (won + lost + prior): few deals lean on the parent, many speak for themselves.</summary>
    static double Shrink(long won, long lost, double parent) => (won + PriorDeals * parent) / (won + lost + PriorDeals);

    static List<RateFit> Rates(IEnumerable<(string Id, string Name)> groups, List<JourneyState> opportunities,
        Func<JourneyState, string?> keyOf, Func<string, double> parentRate)
    {
        var closed = opportunities.Where(j => j.Won || j.Status == JourneyStatus.Lost)
            .GroupBy(j => keyOf(j) ?? "").ToDictionary(g => g.Key, g => (Won: g.LongCount(j => j.Won), Lost: g.LongCount(j => !j.Won)));
        return groups.Select(g =>
        {
            var (w, l) = closed.GetValueOrDefault(g.Id);
            return new RateFit(g.Id, g.Name, w, l, w + l == 0 ? 0 : (double)w / (w + l), Shrink(w, l, parentRate(g.Id)));
        }).ToList();
    }
}
