using Growth.Domain.Calibration;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Domain.Twin;

/// <summary>
/// Sets the twin's parameters from the workspace's own figures (its tallies over every journey, and its daily history
/// for the lead flow), the same quantities the history calibration (<see cref="HistoryCalibration"/>) fits, split per
/// team and channel: rates shrunk towards the company's by <see cref="HistoryCalibration.PriorDeals"/> pseudo-observations,
/// so a team with few leads leans on the company. A company rate resting on fewer than <see cref="MinimumCount"/>
/// observations is replaced by its assumed default; the mean delays before the qualification and opportunity decisions
/// are fitted by Little's law (<see cref="TwinDelays"/>) where the last weeks hold enough entries, else assumed.
/// The start state is the journeys open now. Each fitted rate keeps the observations it rests on, so the twin's runs draw
/// it from them (<see cref="TwinDraws"/>): the range then holds the fit's own uncertainty, not only the day-to-day noise.
/// </summary>
public static class TwinCalibration
{
    /// <summary>Observations below which a company rate is not fitted but assumed. Assumed.</summary>
    public const int MinimumCount = 20;
    /// <summary>Days of history the lead flow is measured over (the last ones). Assumed: four weeks, as the Insight baseline.</summary>
    public const int FlowWindowDays = 28;
    /// <summary>Mean days from a lead's arrival to the decision whether it qualifies. Assumed.</summary>
    public const double AssumedQualifyDays = 3;
    /// <summary>Mean days from qualification to the decision whether an opportunity opens (follow-up). Assumed.</summary>
    public const double AssumedOpenDays = 7;
    /// <summary>Qualification rate when the workspace has too few decided leads. Assumed.</summary>
    public const double AssumedQualify = 0.4;
    /// <summary>Share of qualified leads that become opportunities when too few were decided. Assumed.</summary>
    public const double AssumedOpen = 0.6;
    /// <summary>Win rate when too few deals closed. Assumed.</summary>
    public const double AssumedWin = 0.25;
    /// <summary>Mean days from opportunity to close when no deal closed. Assumed.</summary>
    public const double AssumedCycleDays = 30;

    /// <summary>Fits the twin on <paramref name="now"/> and the daily <paramref name="history"/>; throws when the history spans less than a day.</summary>
    public static TwinModel Fit(WorkspaceSnapshot now, IReadOnlyList<HistoryPoint> history)
    {
        var parameters = new List<TwinParameter>();
        long Entered(FunnelStage s) => now.Funnel.FirstOrDefault(f => f.Stage == s)?.Entered ?? 0;
        long Current(FunnelStage s) => now.Funnel.FirstOrDefault(f => f.Stage == s)?.Current ?? 0;
        long leads = Entered(FunnelStage.Lead), qualified = Entered(FunnelStage.QualifiedIntent), opened = Entered(FunnelStage.Opportunity);
        // Only decided journeys tell a rate: leads still waiting, qualified leads still in follow-up are left out.
        var decidedLeads = Math.Max(0, leads - Current(FunnelStage.Lead));
        var decidedQualified = Math.Max(0, qualified - Current(FunnelStage.QualifiedIntent) - Current(FunnelStage.FollowUp));
        var closed = now.Deals.Won + now.Deals.Lost;
        var qualify = Company(parameters, "qualification rate", qualified, decidedLeads, AssumedQualify, "decided leads");
        var open = Company(parameters, "opportunity rate", opened, decidedQualified, AssumedOpen, "decided qualified leads");
        var win = Company(parameters, "win rate", now.Deals.Won, closed, AssumedWin, "closed deals");
        var cycleFitted = now.Deals.AverageDaysToClose > 0 && closed > 0;
        var cycle = cycleFitted ? now.Deals.AverageDaysToClose : AssumedCycleDays;
        parameters.Add(new TwinParameter("days from opportunity to close", "company", Math.Round(cycle, 1), "days", cycleFitted,
            cycleFitted ? $"mean over {closed} closed deals" : "assumed: no deal closed yet"));
        var qualifyDays = TwinDelays.Fit(parameters, "days from lead to qualification decision", Current(FunnelStage.Lead), history, FunnelStage.Lead, AssumedQualifyDays);
        var openDays = TwinDelays.Fit(parameters, "days from qualification to opportunity decision",
            Current(FunnelStage.QualifiedIntent) + Current(FunnelStage.FollowUp), history, FunnelStage.QualifiedIntent, AssumedOpenDays);

        var teamRows = now.Teams.Count > 0 ? now.Teams : [new GroupFigures { Id = "company", Name = "company", Leads = leads, Won = now.Deals.Won, Lost = now.Deals.Lost, Open = now.Deals.Open,
            EnteredByStage = now.Funnel.Select(f => f.Entered).ToArray() }];
        var teamLeads = teamRows.Sum(t => t.Leads);
        var leadDecided = leads == 0 ? 1 : (double)decidedLeads / leads;
        var qualifiedDecided = qualified == 0 ? 1 : (double)decidedQualified / qualified;
        var teams = teamRows.Select(t =>
        {
            var steps = TwinCounts.Steps(t);
            var share = teamLeads > 0 ? (double)t.Leads / teamLeads : 1.0 / teamRows.Count;
            var teamQualify = Shrink(steps[1], steps[0] * leadDecided, qualify);
            var teamOpen = Shrink(steps[2], steps[1] * qualifiedDecided, open);
            var teamWin = Shrink(t.Won, t.Won + t.Lost, win);
            var teamCycle = t.Won + t.Lost >= 5 && t.AverageDaysToClose > 0 ? t.AverageDaysToClose : cycle;
            parameters.Add(new TwinParameter("share of leads", t.Name, Math.Round(share, 4), "share", teamLeads > 0, teamLeads > 0 ? $"{t.Leads} of {teamLeads} leads" : "assumed: equal shares, no lead yet"));
            parameters.Add(new TwinParameter("qualification rate", t.Name, Math.Round(teamQualify, 4), "share", true, $"{steps[1]} qualified of {steps[0]} leads, shrunk towards the company's"));
            parameters.Add(new TwinParameter("opportunity rate", t.Name, Math.Round(teamOpen, 4), "share", true, $"{steps[2]} opportunities of {steps[1]} qualified, shrunk towards the company's"));
            parameters.Add(new TwinParameter("win rate", t.Name, Math.Round(teamWin, 4), "share", true, $"{t.Won} won of {t.Won + t.Lost} closed, shrunk towards the company's"));
            return new TwinTeam(t.Id, t.Name, share, teamQualify, teamOpen, teamWin, teamCycle,
                (long)Math.Round(Current(FunnelStage.Lead) * share),
                (long)Math.Round((Current(FunnelStage.QualifiedIntent) + Current(FunnelStage.FollowUp)) * share),
                t.Open)
            {
                // What each shrunk rate rests on: the team's observations plus the prior's pseudo-ones (the runs draw from them).
                QualifyBasis = Math.Max(0, steps[0] * leadDecided) + HistoryCalibration.PriorDeals,
                OpenBasis = Math.Max(0, steps[1] * qualifiedDecided) + HistoryCalibration.PriorDeals,
                WinBasis = t.Won + t.Lost + HistoryCalibration.PriorDeals,
            };
        }).ToList();
        parameters.Add(new TwinParameter("open leads and qualified leads per team at the start", "company", Current(FunnelStage.Lead) + Current(FunnelStage.QualifiedIntent) + Current(FunnelStage.FollowUp),
            "journeys", false, "assumed: the company's open leads split by the teams' shares of leads (the figures do not split them per team)"));

        return new TwinModel
        {
            Teams = teams,
            Channels = Channels(now, history, qualify, parameters),
            QualifyDays = qualifyDays,
            OpenDays = openDays,
            Parameters = parameters,
        };
    }

    /// <summary>Lead flow per channel over the last <see cref="FlowWindowDays"/> days of history, and each channel's qualification against the company's.</summary>
    static List<TwinChannel> Channels(WorkspaceSnapshot now, IReadOnlyList<HistoryPoint> history, double qualify, List<TwinParameter> parameters)
    {
        if (history.Count < 2 || (history[^1].AsOf - history[0].AsOf).TotalDays < 1)
            throw new ArgumentException("the workspace's daily history covers less than a day: the twin's lead flow is fitted on it; let the workspace run a day first", nameof(history));
        var last = history[^1];
        var first = history.LastOrDefault(p => p.AsOf <= last.AsOf.AddDays(-FlowWindowDays)) ?? history[0];
        var days = (last.AsOf - first.AsOf).TotalDays;
        var channelOf = now.Campaigns.ToDictionary(c => c.Id, c => TwinCounts.ChannelId(c.Channel));
        var flows = new Dictionary<string, double>();
        foreach (var (id, point) in last.Campaigns)
        {
            var channel = channelOf.GetValueOrDefault(id, TwinCounts.OtherChannel);
            if (channel == TwinCounts.OtherChannel) continue;
            flows[channel] = flows.GetValueOrDefault(channel) + point.Leads - (first.Campaigns.GetValueOrDefault(id)?.Leads ?? 0);
        }
        flows[TwinCounts.OtherChannel] = Math.Max(0, last.Leads - first.Leads - flows.Values.Sum());
        var counts = TwinCounts.Of(now);
        var daily = DailyLeads(history.Where(p => p.AsOf >= first.AsOf && p.AsOf <= last.AsOf).ToList(), channelOf);
        return flows.OrderBy(f => f.Key == TwinCounts.OtherChannel).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f =>
        {
            var perDay = Math.Max(0, f.Value) / days;
            long l = counts.GetValueOrDefault(TwinCounts.Key(TwinScope.Channel, f.Key, TwinStep.Leads)),
                q = counts.GetValueOrDefault(TwinCounts.Key(TwinScope.Channel, f.Key, TwinStep.Qualified));
            var factor = qualify > 0 ? Shrink(q, l, qualify) / qualify : 1;
            parameters.Add(new TwinParameter("leads per day", f.Key, Math.Round(perDay, 2), "leads/day", days >= 7,
                days >= 7 ? $"{f.Value:0} leads over the last {days:0.#} days" : $"only {days:0.#} days of history: {f.Value:0} leads, a short window"));
            parameters.Add(new TwinParameter("qualification against the company's", f.Key, Math.Round(factor, 3), "ratio", l > 0,
                l > 0 ? $"{q} qualified of {l} leads, shrunk towards the company's" : "assumed: as the company's, no lead yet"));
            var perDayCounts = daily.GetValueOrDefault(f.Key) ?? [];
            var dispersion = TwinDispersion.Of(perDayCounts);
            var spreadFitted = perDayCounts.Count >= TwinDispersion.MinimumDays && perDay > 0;
            parameters.Add(new TwinParameter("day-to-day spread of leads", f.Key, Math.Round(dispersion, 2), "ratio", spreadFitted,
                spreadFitted ? $"variance ÷ mean of {perDayCounts.Count} daily counts, against each weekday's mean (1: Poisson)"
                    : $"assumed: Poisson (1), only {perDayCounts.Count} days of counts (fitted from {TwinDispersion.MinimumDays})"));
            return new TwinChannel(f.Key, perDay, factor) { WindowLeads = Math.Max(0, f.Value), Dispersion = dispersion };
        }).ToList();
    }

    /// <summary>Each channel's leads day by day between consecutive history points (the rest of the leads under "other").</summary>
    static Dictionary<string, List<double>> DailyLeads(IReadOnlyList<HistoryPoint> points, IReadOnlyDictionary<string, string> channelOf)
    {
        var daily = new Dictionary<string, List<double>>();
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var day = new Dictionary<string, double>();
            foreach (var (id, point) in b.Campaigns)
            {
                var channel = channelOf.GetValueOrDefault(id, TwinCounts.OtherChannel);
                if (channel == TwinCounts.OtherChannel) continue;
                day[channel] = day.GetValueOrDefault(channel) + point.Leads - (a.Campaigns.GetValueOrDefault(id)?.Leads ?? 0);
            }
            day[TwinCounts.OtherChannel] = Math.Max(0, b.Leads - a.Leads - day.Values.Sum());
            foreach (var channel in day.Keys.Union(daily.Keys).ToList())
            {
                if (!daily.TryGetValue(channel, out var list)) daily[channel] = list = [.. Enumerable.Repeat(0.0, i - 1)];
                list.Add(Math.Max(0, day.GetValueOrDefault(channel)));
            }
        }
        return daily;
    }

    static double Company(List<TwinParameter> parameters, string name, long hits, double of, double assumed, string what)
    {
        var fitted = of >= MinimumCount;
        var value = fitted ? Math.Clamp(hits / of, 0, 1) : assumed;
        parameters.Add(new TwinParameter(name, "company", Math.Round(value, 4), "share", fitted,
            fitted ? $"{hits} of {of:0} {what}" : $"assumed: only {of:0} {what} (fitted from {MinimumCount})"));
        return value;
    }

    /// <summary>(hits + prior × parent) / (n + prior): few observations lean on the parent.</summary>
    static double Shrink(double hits, double n, double parent) =>
        Math.Clamp((hits + HistoryCalibration.PriorDeals * parent) / (Math.Max(0, n) + HistoryCalibration.PriorDeals), 0, 1);
}
