using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Domain.Ledger;

/// <summary>The three kinds of money the ledger records.</summary>
public enum MoneyKind { Order, Payment, Refund }

/// <summary>
/// One money event as the ledger keeps it: what, how much, when, and the groups it counts for (as the journey
/// stood when the event was applied). Identified by journey and event id, so writing it twice is writing it once.
/// </summary>
public sealed record LedgerEntry(
    string JourneyId,
    string EventId,
    MoneyKind Kind,
    decimal Amount,
    DateTimeOffset At,
    string? RegionId = null,
    string? TeamId = null,
    string? RepId = null,
    string? CampaignId = null)
{
    public GroupKey Group => new(RegionId, TeamId, RepId, CampaignId);
}

/// <summary>Which events are money, and the ledger entries a committed change produces.</summary>
public static class MoneyEvents
{
    /// <summary>Orders (first order and repurchases), payments received and refunds; nothing else moves money.</summary>
    public static MoneyKind? KindOf(EventKind kind) => kind switch
    {
        EventKind.OrderSigned or EventKind.Repurchased => MoneyKind.Order,
        EventKind.PaymentReceived => MoneyKind.Payment,
        EventKind.Refunded => MoneyKind.Refund,
        _ => null,
    };

    /// <summary>The ledger entries of events applied to a journey, grouped as the journey stands after them.</summary>
    public static IReadOnlyList<LedgerEntry> Of(string journeyId, JourneyState after, IEnumerable<JourneyEvent> events)
    {
        List<LedgerEntry>? entries = null;
        foreach (var e in events)
        {
            if (KindOf(e.Kind) is not { } kind) continue;
            (entries ??= []).Add(new LedgerEntry(journeyId, e.Id, kind, e.Amount, e.At, after.RegionId, after.TeamId, after.RepId, after.CampaignId));
        }
        return entries ?? (IReadOnlyList<LedgerEntry>)[];
    }
}

/// <summary>Money figures of one group (or of the whole workspace).</summary>
public sealed record MoneyFigures(long Orders, decimal Revenue, decimal Collected, decimal Refunded)
{
    public static readonly MoneyFigures Zero = new(0, 0m, 0m, 0m);

    public MoneyFigures Add(LedgerEntry e) => e.Kind switch
    {
        MoneyKind.Order => this with { Orders = Orders + 1, Revenue = Revenue + e.Amount },
        MoneyKind.Payment => this with { Collected = Collected + e.Amount },
        MoneyKind.Refund => this with { Refunded = Refunded + e.Amount },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown money kind"),
    };

    /// <summary>The same figures as the running statistics keep them.</summary>
    public static MoneyFigures Of(Tally t) => new(t[Count.Orders], t[Money.Revenue], t[Money.Collected], t[Money.Refunded]);
}

/// <summary>
/// A workspace's money statistics rebuilt from its ledger alone: totals and per region, team, rep and campaign.
/// Entries are folded in any order with the same result (sums only).
/// </summary>
public sealed class LedgerTotals
{
    public long Entries { get; private set; }
    public MoneyFigures Total { get; private set; } = MoneyFigures.Zero;
    public Dictionary<string, MoneyFigures> Regions { get; } = [];
    public Dictionary<string, MoneyFigures> Teams { get; } = [];
    public Dictionary<string, MoneyFigures> Reps { get; } = [];
    public Dictionary<string, MoneyFigures> Campaigns { get; } = [];

    public static LedgerTotals From(IEnumerable<LedgerEntry> entries)
    {
        var totals = new LedgerTotals();
        foreach (var e in entries) totals.Add(e);
        return totals;
    }

    public void Add(LedgerEntry e)
    {
        Entries++;
        Total = Total.Add(e);
        AddTo(Regions, e.RegionId, e);
        AddTo(Teams, e.TeamId, e);
        AddTo(Reps, e.RepId, e);
        AddTo(Campaigns, e.CampaignId, e);
    }

    static void AddTo(Dictionary<string, MoneyFigures> groups, string? id, LedgerEntry e)
    {
        if (id is null) return;
        groups[id] = groups.GetValueOrDefault(id, MoneyFigures.Zero).Add(e);
    }

    /// <summary>
    /// Where these ledger figures and the running statistics disagree, one line per figure that differs
    /// ("total revenue: ledger 1200, live 1100"); empty when they agree.
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(WorkspaceFigures live)
    {
        var differences = new List<string>();
        Compare("total", Total, MoneyFigures.Of(live.Total), differences);
        CompareGroups("region", Regions, live.Regions, differences);
        CompareGroups("team", Teams, live.Teams, differences);
        CompareGroups("rep", Reps, live.Reps, differences);
        CompareGroups("campaign", Campaigns, live.Campaigns, differences);
        return differences;
    }

    static void CompareGroups(string what, Dictionary<string, MoneyFigures> ledger, Dictionary<string, Tally> live, List<string> differences)
    {
        foreach (var id in ledger.Keys.Union(live.Keys).Order(StringComparer.Ordinal))
            Compare($"{what} {id}", ledger.GetValueOrDefault(id, MoneyFigures.Zero),
                live.TryGetValue(id, out var t) ? MoneyFigures.Of(t) : MoneyFigures.Zero, differences);
    }

    static void Compare(string what, MoneyFigures ledger, MoneyFigures live, List<string> differences)
    {
        if (ledger.Orders != live.Orders) differences.Add($"{what} orders: ledger {ledger.Orders}, live {live.Orders}");
        if (ledger.Revenue != live.Revenue) differences.Add($"{what} revenue: ledger {ledger.Revenue}, live {live.Revenue}");
        if (ledger.Collected != live.Collected) differences.Add($"{what} collected: ledger {ledger.Collected}, live {live.Collected}");
        if (ledger.Refunded != live.Refunded) differences.Add($"{what} refunded: ledger {ledger.Refunded}, live {live.Refunded}");
    }
}

/// <summary>
/// What a ledger check found: the money figures rebuilt from the ledger beside the running statistics', and every
/// difference. <see cref="Applied"/> says whether the statistics were replaced by the ledger's figures.
/// </summary>
public sealed record LedgerCheck(string Workspace, long Entries, MoneyFigures Ledger, MoneyFigures Live, IReadOnlyList<string> Differences, bool Applied)
{
    public bool Matches => Differences.Count == 0;
}

public static class LedgerRebuild
{
    /// <summary>
    /// Rebuilds the money figures of running statistics from the ledger: orders, revenue, collected and refunded of
    /// the total and of every group become the ledger's; every other figure is left as it is.
    /// </summary>
    public static void ApplyTo(this LedgerTotals ledger, WorkspaceFigures figures)
    {
        Set(figures.Total, ledger.Total);
        Replace(figures.Regions, ledger.Regions);
        Replace(figures.Teams, ledger.Teams);
        Replace(figures.Reps, ledger.Reps);
        Replace(figures.Campaigns, ledger.Campaigns);
    }

    static void Replace(Dictionary<string, Tally> live, Dictionary<string, MoneyFigures> ledger)
    {
        foreach (var id in live.Keys.Union(ledger.Keys).ToList())
        {
            if (!live.TryGetValue(id, out var t)) live[id] = t = new Tally();
            Set(t, ledger.GetValueOrDefault(id, MoneyFigures.Zero));
        }
    }

    static void Set(Tally t, MoneyFigures m)
    {
        t[Count.Orders] = m.Orders;
        t[Money.Revenue] = m.Revenue;
        t[Money.Collected] = m.Collected;
        t[Money.Refunded] = m.Refunded;
    }
}
