using Growth.Dashboard.Components.Figures;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Records;
using Microsoft.AspNetCore.WebUtilities;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Every clickable bar of the Sales page opens the records behind it: the address each bar builds lists exactly the
/// journeys the bar counts (browser-free: the address parsed as the records page parses it, matched against the rows).
/// The same on a seeded simulation: <c>Grains.Tests/Journeys/RecordDrillTests</c>.
/// </summary>
public class SalesDrillTests
{
    static readonly DateTimeOffset T0 = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset AsOf = T0.AddDays(5).AddHours(12);

    /// <summary>
    /// Open deals: 3 with no step passed, then 2, 4, 1, 5 and 0 having passed Opening..Close-1 in turn, and 2 open past
    /// Close (the contract stage); won customers of two teams, owing money not yet due and overdue by 0, 20, 45, 75 and 120 days.
    /// </summary>
    internal static List<JourneyState> States()
    {
        var states = new List<JourneyState>();
        int[] passed = [3, 2, 4, 1, 5, 0];
        for (var step = 0; step < passed.Length; step++)
            for (var i = 0; i < passed[step]; i++)
                states.Add(Deal($"d-{step}-{i}", step == 0 ? null : (ConversationStep)(step - 1), i % 2 == 0 ? "team-a" : "team-b"));
        for (var i = 0; i < 2; i++) states.Add(Deal($"d-past-close-{i}", ConversationStep.Close, "team-a"));
        int?[] overdueDays = [null, 0, 20, 45, 75, 120];
        for (var i = 0; i < overdueDays.Length; i++)
            states.Add(Deal($"c-{i}", ConversationStep.Close, i < 3 ? "team-a" : "team-b") with
            {
                Status = JourneyStatus.Customer, Stage = FunnelStage.Payment, Won = true, WonValue = 1000, ClosedAt = T0.AddDays(3),
                Billed = 1000, Collected = 100 * i, Overdue = overdueDays[i] is null ? 0 : 300 + i,
                OverdueSince = overdueDays[i] is { } days ? AsOf.AddDays(-days).AddHours(-1) : null,
            });
        return states;
    }

    static JourneyState Deal(string id, ConversationStep? passed, string team) => new()
    {
        Id = id, Status = JourneyStatus.Prospect, Stage = FunnelStage.Opportunity, RegionId = "region-1", TeamId = team, RepId = team + "-rep",
        CreatedAt = T0, AssignedAt = T0, QualifiedAt = T0, OpportunityAt = T0, OpportunityValue = 500, LastStep = passed, StepAt = T0,
    };

    internal static WorkspaceSnapshot Snapshot(IEnumerable<JourneyState> states)
    {
        var figures = new WorkspaceFigures();
        foreach (var s in states) figures.Apply(new TallyDelta(GroupKey.Of(s), Tally.Of(s)));
        var org = new Organisation
        {
            Regions = [new RegionProfile { Id = "region-1", Name = "Region 1", TeamIds = ["team-a", "team-b"] }],
            Teams = [Team("team-a"), Team("team-b")],
        };
        return SnapshotBuilder.Build("ws", AsOf, 1, figures, org);
    }

    static TeamProfile Team(string id) => new() { Id = id, Name = id, RegionId = "region-1", LeaderName = "Lead " + id, Reps = [] };

    /// <summary>The rows the records page lists for <paramref name="address"/> (its query parsed as the page and API parse it).</summary>
    internal static List<CustomerRecord> Listed(string address, IEnumerable<JourneyState> states)
    {
        Assert.StartsWith("records?workspace=ws&", address);
        var q = QueryHelpers.ParseQuery(address[address.IndexOf('?')..]);
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        var (query, error) = RecordQuery.Parse(Get("kind"), Get("q"), Get("owner"), Get("team"), Get("region"), Get("stage"), Get("step"),
            Get("channel"), Get("campaign"), Get("status"), null, null, null, null, Get("working"), Get("overdue"),
            Get("lostAt"), Get("lostTo"), Get("lifecycle"));
        Assert.True(query is not null, error);
        // The records service ages overdue money at the workspace's own time, as the snapshot does.
        query = query with { AsOf = AsOf };
        return states.Select(s => CustomerRecord.Of(s, null, erased: false)).Where(r => RecordList.Matches(r, query, FigureScope.Full)).ToList();
    }

    [Fact]
    public void Each_pipeline_bar_lists_exactly_the_open_deals_it_counts()
    {
        var states = States();
        var snapshot = Snapshot(states);
        Assert.Equal(17, snapshot.Pipeline.Sum(p => p.Count));
        // The 2 deals open past Close (in their contract stage) are shown under Close, not with the 3 that passed no step yet: so does the list.
        Assert.Equal(3, snapshot.Pipeline.Single(p => p.Step == ConversationStep.Opening).Count);
        Assert.Equal(2, snapshot.Pipeline.Single(p => p.Step == ConversationStep.Close).Count);
        for (var i = 0; i < snapshot.Pipeline.Count; i++)
        {
            var bar = snapshot.Pipeline[i];
            var listed = Listed(SalesDrill.Pipeline("ws", snapshot, i)!, states);
            Assert.True(bar.Count == listed.Count, $"{bar.Step}: the bar counts {bar.Count}, the list holds {listed.Count}");
            Assert.All(listed, r => Assert.Equal(JourneyStatus.Prospect, r.Status));
        }
        Assert.Null(SalesDrill.Pipeline("ws", snapshot, snapshot.Pipeline.Count));
    }

    [Fact]
    public void Each_receivables_ageing_bar_lists_the_customers_whose_money_it_holds()
    {
        var states = States();
        var snapshot = Snapshot(states);
        var a = snapshot.Receivables.Ageing;
        decimal[] bars = [a.Current, a.Days1To30, a.Days31To60, a.Days61To90, a.Over90];
        Assert.All(bars, amount => Assert.True(amount > 0, "every bar has money in this data"));
        for (var i = 0; i < bars.Length; i++)
        {
            var address = SalesDrill.Ageing("ws", snapshot, i)!;
            var listed = Listed(address, states);
            Assert.NotEmpty(listed);
            Assert.Equal(bars[i], listed.Sum(r => ReceivableAge.AmountIn(r, SalesDrill.AgeingBars[i], AsOf)));
        }
        // Overdue 0 and 20 days: both in 1–30; 45 in 31–60; 75 in 61–90; 120 over 90.
        Assert.Equal(["c-1", "c-2"], Listed(SalesDrill.Ageing("ws", snapshot, 1)!, states).Select(r => r.JourneyId).Order());
        Assert.Equal(["c-5"], Listed(SalesDrill.Ageing("ws", snapshot, 4)!, states).Select(r => r.JourneyId));
        Assert.Null(SalesDrill.Ageing("ws", snapshot, 5));
        Assert.Equal("overdue 'Later' must be one of Current, Days1To30, Days31To60, Days61To90, Over90",
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, overdue: "Later").Error);
    }

    [Fact]
    public void A_marketing_campaign_bar_lists_the_campaigns_leads_or_customers()
    {
        // Half the journeys came from campaign camp-2, the rest from camp-1; the snapshot lists both campaigns.
        var states = States().Select((s, i) => s with { CampaignId = i % 2 == 0 ? "camp-1" : "camp-2", Channel = Channel.Ads }).ToList();
        states.Add(Deal("lead-1", null, "team-a") with { OpportunityAt = null, Stage = FunnelStage.Lead, CampaignId = "camp-2", Channel = Channel.Ads });
        var figures = new WorkspaceFigures();
        foreach (var s in states) figures.Apply(new TallyDelta(GroupKey.Of(s), Tally.Of(s)));
        var org = new Organisation
        {
            Regions = [new RegionProfile { Id = "region-1", Name = "Region 1", TeamIds = ["team-a", "team-b"] }],
            Teams = [Team("team-a"), Team("team-b")],
            Campaigns = [Campaign("camp-1"), Campaign("camp-2")],
        };
        var snapshot = SnapshotBuilder.Build("ws", AsOf, 1, figures, org);
        var second = snapshot.Campaigns.ToList().FindIndex(c => c.Id == "camp-2");
        var customers = Listed(MarketingDrill.Campaign("ws", snapshot, second, customers: true)!, states);
        Assert.Equal(states.Where(s => s.CampaignId == "camp-2" && s.Status == JourneyStatus.Customer).Select(s => s.Id).Order(), customers.Select(r => r.JourneyId).Order());
        Assert.Equal(["lead-1"], Listed(MarketingDrill.Campaign("ws", snapshot, second, customers: false)!, states).Select(r => r.JourneyId));
        Assert.Null(MarketingDrill.Campaign("ws", snapshot, snapshot.Campaigns.Count, customers: true));
    }

    [Fact]
    public void Each_insight_loss_bar_lists_the_deals_lost_there()
    {
        // Lost deals: at Topic to the budget (2), at Topic with no objection (1), at Close to a competitor (1), at a step the data did not say (2).
        (string Id, ConversationStep? At, ObjectionType? To)[] lost =
        [
            ("l-1", ConversationStep.Topic, ObjectionType.BudgetEnvironment), ("l-2", ConversationStep.Topic, ObjectionType.BudgetEnvironment), ("l-3", ConversationStep.Topic, null),
            ("l-4", ConversationStep.Close, ObjectionType.CompetitorDifference), ("l-5", null, null), ("l-6", null, ObjectionType.BudgetEnvironment),
        ];
        var states = States().Concat(lost.Select(l => Deal(l.Id, l.At, "team-b") with
        {
            Status = JourneyStatus.Lost, ClosedAt = T0.AddDays(2), LostStep = l.At, LostObjection = l.To,
        })).ToList();
        var snapshot = Snapshot(states);
        var steps = InsightCharts.LostByStep(snapshot, Words()).Single();
        var stepBars = ((Plotly.Blazor.Traces.Bar)steps).Y!.Select(Convert.ToInt64).ToList();
        for (var i = 0; i < stepBars.Count; i++)
            Assert.Equal(stepBars[i], Listed(InsightDrill.LostAtStep("ws", snapshot, i)!, states).Count);
        Assert.Equal(["l-5", "l-6"], Listed(InsightDrill.LostAtStep("ws", snapshot, stepBars.Count - 1)!, states).Select(r => r.JourneyId).Order());
        Assert.Null(InsightDrill.LostAtStep("ws", snapshot, stepBars.Count));
        var objections = snapshot.Losses.ByObjection.Where(x => x.Objection != "Other").ToList();
        for (var i = 0; i < objections.Count; i++)
            Assert.Equal(objections[i].Count, Listed(InsightDrill.LostToObjection("ws", snapshot, i)!, states).Count);
        var price = objections.FindIndex(o => o.Objection == nameof(ObjectionType.BudgetEnvironment));
        Assert.Equal(["l-1", "l-2", "l-6"], Listed(InsightDrill.LostToObjection("ws", snapshot, price)!, states).Select(r => r.JourneyId).Order());
    }

    static Growth.Dashboard.Components.Shared.Words Words() => new(new Microsoft.Extensions.Localization.StringLocalizer<Growth.Dashboard.Resources.Ui>(
        new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)));

    static CampaignProfile Campaign(string id) => new() { Id = id, Name = id, Channel = Channel.Ads, RegionIds = ["region-1"] };

    [Fact]
    public void A_teams_attainment_bar_lists_its_customers_and_its_win_rate_bar_its_deals()
    {
        var states = States();
        var snapshot = Snapshot(states);
        var a = snapshot.Teams.ToList().FindIndex(t => t.Id == "team-a");
        Assert.Equal("records?workspace=ws&kind=Customers&team=team-a", SalesDrill.Attainment("ws", snapshot, a));
        Assert.Equal(["c-0", "c-1", "c-2"], Listed(SalesDrill.Attainment("ws", snapshot, a)!, states).Select(r => r.JourneyId).Order());
        var deals = Listed(SalesDrill.WinRateAndCycle("ws", snapshot, a)!, states);
        Assert.Equal(states.Count(s => s.TeamId == "team-a"), deals.Count);
        Assert.Null(SalesDrill.Attainment("ws", snapshot, -1));
        Assert.Null(SalesDrill.WinRateAndCycle("ws", snapshot, snapshot.Teams.Count));
    }
}
