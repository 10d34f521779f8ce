using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Domain.Periods;

/// <summary>A campaign's figures in a period: what it cost, the leads it brought and the revenue of its customers.</summary>
public sealed record CampaignPeriod(decimal Spend, long Leads, long EffectiveLeads, decimal Revenue)
{
    public decimal CostPerEffectiveLead => EffectiveLeads == 0 ? 0 : Math.Round(Spend / EffectiveLeads, 2);
    /// <summary>(revenue - spend) / spend; 0 without spend.</summary>
    public double Roi => Spend == 0 ? 0 : (double)((Revenue - Spend) / Spend);
}

/// <summary>
/// What happened in a period, as the change of the workspace's cumulative figures between two points of its daily
/// history (<see cref="HistoryPoint"/>): revenue booked, orders, new customers, leads, wins and losses, spend, money
/// collected, entries into each funnel stage, and each campaign's part. Only what the history keeps per day can be
/// counted per period; the rest (lifecycle, losses by step, each group's deals) is shown as a running total.
/// </summary>
public sealed record PeriodTotals
{
    /// <summary>The instants of the history points counted between (the edges the figures really cover).</summary>
    public required DateTimeOffset CountedFrom { get; init; }
    public required DateTimeOffset CountedTo { get; init; }
    public decimal Revenue { get; init; }
    public long Orders { get; init; }
    public long NewCustomers { get; init; }
    public long EffectiveLeads { get; init; }
    public long Leads { get; init; }
    public long Won { get; init; }
    public decimal WonValue { get; init; }
    public long Lost { get; init; }
    public decimal Spend { get; init; }
    public decimal Collected { get; init; }
    /// <summary>Journeys (touches for the first stage) that entered each funnel stage, indexed by <see cref="FunnelStage"/>.</summary>
    public long[] Entered { get; init; } = [];
    public IReadOnlyDictionary<string, CampaignPeriod> Campaigns { get; init; } = new Dictionary<string, CampaignPeriod>();

    /// <summary>Wins over decided deals in the period; 0 when none was decided.</summary>
    public double WinRate => Won + Lost == 0 ? 0 : (double)Won / (Won + Lost);

    /// <summary>Entries into the next stage over entries into this one, for each stage but the last.</summary>
    public double ConversionToNext(FunnelStage stage)
    {
        var i = (int)stage;
        return i + 1 >= Entered.Length || Entered[i] == 0 ? 0 : (double)Entered[i + 1] / Entered[i];
    }

    /// <summary>The change from <paramref name="from"/> to <paramref name="to"/> (two points of one workspace's history).</summary>
    public static PeriodTotals Between(HistoryPoint from, HistoryPoint to) => new()
    {
        CountedFrom = from.AsOf,
        CountedTo = to.AsOf,
        Revenue = to.Revenue.Total - from.Revenue.Total,
        Orders = to.Revenue.Orders - from.Revenue.Orders,
        NewCustomers = to.Revenue.NewCustomers - from.Revenue.NewCustomers,
        EffectiveLeads = to.Revenue.EffectiveLeads - from.Revenue.EffectiveLeads,
        Leads = to.Leads - from.Leads,
        Won = to.Won - from.Won,
        WonValue = to.WonValue - from.WonValue,
        Lost = to.Lost - from.Lost,
        Spend = to.Spend - from.Spend,
        Collected = to.Collected - from.Collected,
        Entered = [.. to.Entered.Select((n, i) => n - (i < from.Entered.Length ? from.Entered[i] : 0))],
        Campaigns = to.Campaigns.ToDictionary(c => c.Key, c =>
        {
            var before = from.Campaigns.GetValueOrDefault(c.Key) ?? new CampaignPoint(0, 0, 0, 0);
            return new CampaignPeriod(c.Value.Spend - before.Spend, c.Value.Leads - before.Leads,
                c.Value.EffectiveLeads - before.EffectiveLeads, c.Value.Revenue - before.Revenue);
        }),
    };
}

/// <summary>A period's figures and its comparison's, as pages and the API show them.</summary>
public sealed record PeriodReport
{
    public required ResolvedPeriod Period { get; init; }
    /// <summary>The period's figures; null when the history has none for it (it ends before the history begins).</summary>
    public PeriodTotals? Current { get; init; }
    /// <summary>The comparison period's figures; null with no comparison, or when the history does not reach back to it.</summary>
    public PeriodTotals? Comparison { get; init; }
    /// <summary>The workspace's cumulative figures at the period's end, and at the comparison's end (for the revenue formula).</summary>
    public HistoryPoint? AtEnd { get; init; }
    public HistoryPoint? AtComparisonEnd { get; init; }

    /// <summary>The period's figures start later than the period: the history begins inside it.</summary>
    public bool StartsAtHistory => Current is { } c && c.CountedFrom > Period.Current.Start;
    /// <summary>The comparison's figures start later than the comparison period (the history begins inside it).</summary>
    public bool ComparisonStartsAtHistory => Comparison is { } c && Period.Comparison is { } r && c.CountedFrom > r.Start;

    /// <summary>
    /// The figures of <paramref name="period"/> from a workspace's cumulative <paramref name="points"/> (its daily history
    /// and, last, the point at now). Each edge counts from the point nearest to it (the earlier on a tie): exact where a
    /// point sits on the edge (local midnights, now), otherwise within half a day, and <see cref="PeriodTotals.CountedFrom"/>
    /// and <see cref="PeriodTotals.CountedTo"/> say which instants were counted. An edge before the first point counts from
    /// the first point; a range ending before the first point has no figures.
    /// </summary>
    public static PeriodReport Of(ResolvedPeriod period, IReadOnlyList<HistoryPoint> points)
    {
        var ordered = points.OrderBy(p => p.AsOf).ToList();
        var current = Totals(period.Current, ordered);
        var comparison = period.Comparison is { } c ? Totals(c, ordered) : null;
        return new PeriodReport
        {
            Period = period,
            Current = current,
            Comparison = comparison,
            AtEnd = current is null ? null : Nearest(period.Current.End, ordered),
            AtComparisonEnd = comparison is null || period.Comparison is null ? null : Nearest(period.Comparison.End, ordered),
        };
    }

    static PeriodTotals? Totals(PeriodRange range, List<HistoryPoint> points)
    {
        if (points.Count == 0 || range.End <= points[0].AsOf) return null;
        return PeriodTotals.Between(Nearest(range.Start, points), Nearest(range.End, points));
    }

    /// <summary>The point nearest to <paramref name="at"/> (the earlier on a tie); the first before it, the last after it.</summary>
    static HistoryPoint Nearest(DateTimeOffset at, List<HistoryPoint> points)
    {
        var best = points[0];
        foreach (var p in points)
        {
            if ((p.AsOf - at).Duration() < (best.AsOf - at).Duration()) best = p;
            if (p.AsOf > at) break;
        }
        return best;
    }

    /// <summary>
    /// A workspace's cumulative figures at a snapshot's moment, as a history point: the end of a to-date period is now,
    /// which the daily history reaches only once a day.
    /// </summary>
    public static HistoryPoint PointOf(WorkspaceSnapshot s) => new()
    {
        AsOf = s.AsOf,
        Revenue = s.Revenue,
        Won = s.Deals.Won,
        WonValue = s.Deals.WonValue,
        WonValueUnknown = s.Deals.WonValueUnknown,
        Lost = s.Deals.Lost,
        Leads = s.Leads,
        Spend = s.Campaigns.Sum(c => c.Spend),
        Collected = s.Receivables.Collected,
        Overdue = s.Receivables.Overdue,
        Entered = [.. s.Funnel.Select(f => f.Entered)],
        Campaigns = s.Campaigns.ToDictionary(c => c.Id, c => new CampaignPoint(c.Spend, c.Leads, c.EffectiveLeads, c.Revenue)),
    };
}
