using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Figures;

/// <summary>
/// Running figures of one workspace: the total and one tally per region, team, rep and campaign.
/// Built only by adding journey deltas and campaign activity, so totals equal the sum over journeys.
/// </summary>
public sealed class WorkspaceFigures
{
    public Tally Total { get; set; } = new();
    public Dictionary<string, Tally> Regions { get; set; } = [];
    public Dictionary<string, Tally> Teams { get; set; } = [];
    public Dictionary<string, Tally> Reps { get; set; } = [];
    public Dictionary<string, Tally> Campaigns { get; set; } = [];

    public void Apply(TallyDelta delta)
    {
        Total.Add(delta.Change);
        AddTo(Regions, delta.Key.RegionId, delta.Change);
        AddTo(Teams, delta.Key.TeamId, delta.Change);
        AddTo(Reps, delta.Key.RepId, delta.Change);
        AddTo(Campaigns, delta.Key.CampaignId, delta.Change);
    }

    /// <summary>Records campaign activity that happens before anyone becomes a lead: touches and spend.</summary>
    public void ApplyCampaignActivity(string campaignId, long touches, decimal spend)
    {
        var t = new Tally();
        t[Count.Touches] = touches;
        t[Count.EnteredCampaignTouch] = touches;
        t[Money.Spend] = spend;
        Total.Add(t);
        AddTo(Campaigns, campaignId, t);
    }

    static void AddTo(Dictionary<string, Tally> groups, string? id, Tally change)
    {
        if (id is null) return;
        if (!groups.TryGetValue(id, out var t)) groups[id] = t = new Tally();
        t.Add(change);
    }
}

/// <summary>Turns running figures into the snapshot contract.</summary>
public static class SnapshotBuilder
{
    public static WorkspaceSnapshot Build(string workspace, DateTimeOffset asOf, long version, WorkspaceFigures f, Organisation org,
        SnapshotExtras? extras = null)
    {
        var t = f.Total;
        extras ??= new SnapshotExtras();
        var baseline = extras.Baseline ?? new PeriodBaseline();
        var quarterStart = TargetPeriods.QuarterStart(asOf, extras.FiscalYearStartMonth, extras.TimeZone);
        var targets = Targets(org, quarterStart);
        var departed = org.Departed.Where(d => !org.Reps.Any(r => r.Id == d.Id)).ToList();
        var history = extras.History ?? new WorkspaceHistory();
        return new WorkspaceSnapshot
        {
            Workspace = workspace,
            AsOf = asOf,
            Version = version,
            Journeys = t[Count.Journeys],
            Leads = t[Count.Leads],
            AverageHoursToFirstContact = HoursToFirstContact(t),
            Funnel = Funnel(t),
            Deals = Deals(t),
            Revenue = Revenue(t),
            Lifecycle = new LifecycleFigures(t[Count.Customers], t[Count.Activated], t[Count.Retained], t[Count.Upsold], t[Count.Referrers], t[Count.Churned])
            {
                Referrals = t[Count.Referrals],
            },
            Receivables = new ReceivableFigures(t[Money.Collected], t[Money.Outstanding], t[Money.Overdue])
            {
                Billed = t[Money.Billed],
                Refunded = t[Money.Refunded],
                Ageing = Ageing(t, asOf),
            },
            Collections = CollectionFigures.Of(t, asOf, extras.History, extras.Clock?.Start),
            CustomerGrades = CustomerGradeMix.Of(t),
            Regions = Rows("region", f.Regions, org.Regions.Select(r => (r.Id, r.Name, (string?)null)), targets, baseline),
            Teams = Rows("team", f.Teams, org.Teams.Select(tm => (tm.Id, tm.Name, (string?)tm.RegionId)), targets, baseline),
            Reps = Rows("rep", f.Reps, org.Reps.Select(r => (r.Id, r.Name, (string?)r.TeamId)), targets, baseline, departed.Select(d => d.Id).ToHashSet())
                .Select(r => org.Reps.FirstOrDefault(p => p.Id == r.Id)?.HireDate is { } hired && hired >= quarterStart ? r with { JoinedAt = hired } : r).ToList(),
            FormerReps = departed.Select(d => WithPeriod("rep", Row(d.Id, d.Name, d.TeamId, f.Reps.GetValueOrDefault(d.Id) ?? new Tally()), baseline) with { LeftAt = d.LeftAt })
                .OrderByDescending(r => r.LeftAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList(),
            Campaigns = CampaignRows(f.Campaigns, org.Campaigns),
            Period = targets.GetValueOrDefault(PeriodBaseline.TotalKey) is var total && (total > 0 || t[Money.Revenue] > 0)
                ? TargetPeriods.Project(asOf, total, t[Money.Revenue], baseline.At(PeriodBaseline.TotalKey), history, extras.FiscalYearStartMonth, extras.TimeZone)
                : null,
            Pipeline = Enum.GetValues<ConversationStep>().Select(s => new StepCount(s, Tally.OpenOn(t, s))).ToList(),
            Losses = new LossFigures(
                Enum.GetValues<ConversationStep>().Select(s => new StepCount(s, t[Tally.LostAt(s)])).ToList(),
                Enum.GetValues<ObjectionType>().Select(o => new ObjectionCount(o.ToString(), t[Tally.LostTo(o)]))
                    .Append(new ObjectionCount("Other", t[Tally.LostTo(null)])).ToList()) { StepUnknown = t[Count.LostAtUnknownStep] },
            Insight = extras.Insight,
            RecentLosses = extras.RecentLosses,
            Notables = extras.Notables,
            HistoryVersion = extras.HistoryVersion,
            Clock = extras.Clock,
            SetupMarks = extras.SetupMarks,
            Money = extras.Money,
            FromHistory = extras.FromHistory,
            FiscalYearStartMonth = extras.FiscalYearStartMonth,
            TimeZone = extras.TimeZone,
        };
    }

    /// <summary>
    /// Quarterly targets of every group, keyed as in <see cref="PeriodBaseline"/>: reps' targets summed up the hierarchy.
    /// A rep who left during the quarter starting at <paramref name="quarterStart"/> has no row target, but their target
    /// stays in their team's (a quarter's numbers are fixed at its start; the seat's new rep has none until the next).
    /// </summary>
    static Dictionary<string, decimal> Targets(Organisation org, DateTimeOffset quarterStart)
    {
        var targets = new Dictionary<string, decimal>();
        var roster = org.Reps.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var carried = org.Departed.Where(d => d.LeftAt >= quarterStart && !roster.Contains(d.Id)).ToLookup(d => d.TeamId);
        foreach (var team in org.Teams)
        {
            var teamTarget = team.Reps.Sum(r => r.Target) + carried[team.Id].Sum(d => d.Target);
            foreach (var rep in team.Reps) targets[PeriodBaseline.Key("rep", rep.Id)] = rep.Target;
            targets[PeriodBaseline.Key("team", team.Id)] = teamTarget;
            var region = PeriodBaseline.Key("region", team.RegionId);
            targets[region] = targets.GetValueOrDefault(region) + teamTarget;
            targets[PeriodBaseline.TotalKey] = targets.GetValueOrDefault(PeriodBaseline.TotalKey) + teamTarget;
        }
        return targets;
    }

    /// <summary>Receivables by age at <paramref name="asOf"/>.</summary>
    public static AgeingFigures Ageing(Tally t, DateTimeOffset asOf)
    {
        var today = Tally.DayNumber(asOf);
        decimal d30 = 0, d60 = 0, d90 = 0, over = 0;
        foreach (var (day, amount) in t.OverdueByDay)
        {
            // The buckets the record list's overdue filter uses too (Records.ReceivableAge).
            switch (Records.ReceivableAge.Of(today - day))
            {
                case Records.OverdueAge.Days1To30: d30 += amount; break;
                case Records.OverdueAge.Days31To60: d60 += amount; break;
                case Records.OverdueAge.Days61To90: d90 += amount; break;
                default: over += amount; break;
            }
        }
        return new AgeingFigures(t[Money.Outstanding] - t[Money.Overdue], d30, d60, d90, over);
    }

    public static IReadOnlyList<FunnelStageFigures> Funnel(Tally t)
    {
        var stages = Enum.GetValues<FunnelStage>();
        var rows = new List<FunnelStageFigures>(stages.Length);
        foreach (var stage in stages)
        {
            var entered = t[Tally.Entered(stage)];
            // Touched but not (yet) a lead: campaign reach that has not converted.
            var current = stage == FunnelStage.CampaignTouch
                ? Math.Max(0, entered - t[Tally.Entered(FunnelStage.Lead)])
                : t[Tally.Current(stage)];
            var next = stage < FunnelStage.Payment ? t[Tally.Entered(stage + 1)] : 0;
            rows.Add(new FunnelStageFigures(stage, entered, current, stage < FunnelStage.Payment ? Ratio(next, entered) : 0));
        }
        return rows;
    }

    /// <summary>
    /// Deal figures. Wins of unknown value count in wins and the win rate; the average won value is over the wins
    /// whose value is known.
    /// </summary>
    public static DealFigures Deals(Tally t)
    {
        var valued = t[Count.Won] - t[Count.WonValueUnknown];
        return new DealFigures(
            t[Count.Won], t[Count.Lost], t[Count.OpenDeals],
            Ratio(t[Count.Won], t[Count.Won] + t[Count.Lost]),
            t[Money.WonValue],
            valued == 0 ? 0 : Math.Round(t[Money.WonValue] / valued, 2),
            Ratio(t[Sum.TimeToCloseWon] / Tally.MillisPerDay, t[Count.Won])) { WonValueUnknown = t[Count.WonValueUnknown] };
    }

    /// <summary>Average hours from lead to first contact; null when no lead's first contact is known.</summary>
    static double? HoursToFirstContact(Tally t) =>
        t[Count.FirstContacts] == 0 ? null : t[Sum.TimeToFirstContact] / Tally.MillisPerHour / t[Count.FirstContacts];

    public static RevenueFigures Revenue(Tally t) => RevenueFormula.From(t);

    /// <summary>The rows of <paramref name="known"/> groups, then of groups seen only in events (<paramref name="apart"/>: shown elsewhere, such as reps who left).</summary>
    static IReadOnlyList<GroupFigures> Rows(string kind, Dictionary<string, Tally> groups, IEnumerable<(string Id, string Name, string? Parent)> known,
        Dictionary<string, decimal> targets, PeriodBaseline baseline, IReadOnlySet<string>? apart = null)
    {
        var rows = new List<GroupFigures>();
        var seen = new HashSet<string>(apart ?? new HashSet<string>());
        GroupFigures WithTarget(GroupFigures row)
        {
            var target = targets.GetValueOrDefault(PeriodBaseline.Key(kind, row.Id));
            var inPeriod = WithPeriod(kind, row, baseline).PeriodRevenue;
            return row with { Target = target, PeriodRevenue = inPeriod, Attainment = target == 0 ? 0 : (double)(inPeriod / target) };
        }
        foreach (var (id, name, parent) in known)
        {
            seen.Add(id);
            rows.Add(WithTarget(Row(id, name, parent, groups.GetValueOrDefault(id) ?? new Tally())));
        }
        // Groups seen only in events (e.g. ingested data naming a team not in the directory).
        foreach (var (id, tally) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            if (!seen.Contains(id)) rows.Add(WithTarget(Row(id, id, null, tally)));
        return rows;
    }

    /// <summary>The row with its revenue booked in the current quarter (no target).</summary>
    static GroupFigures WithPeriod(string kind, GroupFigures row, PeriodBaseline baseline) =>
        row with { PeriodRevenue = row.Revenue - baseline.At(PeriodBaseline.Key(kind, row.Id)) };

    static GroupFigures Row(string id, string name, string? parent, Tally t)
    {
        var d = Deals(t);
        return new GroupFigures
        {
            Id = id, Name = name, ParentId = parent,
            Won = d.Won, Lost = d.Lost, Open = d.Open, WinRate = d.WinRate,
            WonValue = d.WonValue, AverageWonValue = d.AverageWonValue, AverageDaysToClose = d.AverageDaysToClose,
            Leads = t[Count.Leads], Revenue = t[Money.Revenue],
            AverageHoursToFirstContact = HoursToFirstContact(t),
            WonValueUnknown = d.WonValueUnknown,
            LostByStep = Enum.GetValues<ConversationStep>().Select(s => t[Tally.LostAt(s)]).ToArray(),
            LostStepUnknown = t[Count.LostAtUnknownStep],
            OpenByStep = Enum.GetValues<ConversationStep>().Select(s => Tally.OpenOn(t, s)).ToArray(),
            EnteredByStage = Enum.GetValues<FunnelStage>().Select(s => t[Tally.Entered(s)]).ToArray(),
        };
    }

    static IReadOnlyList<CampaignFigures> CampaignRows(Dictionary<string, Tally> groups, IReadOnlyList<CampaignProfile> known)
    {
        var rows = new List<CampaignFigures>();
        var seen = new HashSet<string>();
        foreach (var c in known)
        {
            seen.Add(c.Id);
            rows.Add(CampaignRow(c.Id, c.Name, c.Channel, groups.GetValueOrDefault(c.Id) ?? new Tally()));
        }
        foreach (var (id, tally) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            if (!seen.Contains(id)) rows.Add(CampaignRow(id, id, null, tally));
        return rows;
    }

    static CampaignFigures CampaignRow(string id, string name, Channel? channel, Tally t)
    {
        var spend = t[Money.Spend];
        var revenue = t[Money.Revenue];
        return new CampaignFigures(Row(id, name, null, t))
        {
            Channel = channel,
            Spend = spend,
            Touches = t[Count.Touches],
            EffectiveLeads = t[Count.EffectiveLeads],
            CostPerEffectiveLead = t[Count.EffectiveLeads] == 0 ? 0 : Math.Round(spend / t[Count.EffectiveLeads], 2),
            AttributedRevenue = revenue,
            Roi = spend == 0 ? 0 : (double)((revenue - spend) / spend),
        };
    }

    internal static double Ratio(double part, double whole) => whole == 0 ? 0 : part / whole;
}
