using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Records;

/// <summary>
/// A record row knows when its journey entered each funnel stage, as the funnel's entries count them, and the lists'
/// "entered" filter reads a stage and a window from one address parameter.
/// </summary>
public class FunnelEntryTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static JourneyState Walk(IEnumerable<JourneyEvent> events)
    {
        var t = JourneyTransitions.ApplyAll(new JourneyState { Id = "j1" }, events);
        Assert.True(t.Accepted, t.Error);
        return t.State;
    }

    [Fact]
    public void A_paid_order_has_a_time_for_every_stage_it_entered_and_the_figures_count_the_same_stages()
    {
        var script = new EventScript("j1", T0);
        var events = script.ToWonOrder(5000);
        events.Add(script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 5000, DueAt = T0.AddDays(60) }));
        events.Add(script.Next(EventKind.PaymentReceived, 10, e => e with { Amount = 2000 }));
        events.Add(script.Next(EventKind.PaymentReceived, 3, e => e with { Amount = 3000 }));
        var state = Walk(events);
        var row = CustomerRecord.Of(state, null, erased: false);

        // Each kind's first event (the payment stage is entered by the first of two payments).
        var at = events.GroupBy(e => e.Kind).ToDictionary(g => g.Key.ToString(), g => g.First().At);
        Assert.Equal(events[0].At, row.EnteredAt(FunnelStage.Lead));
        Assert.Equal(at[nameof(EventKind.Qualified)], row.EnteredAt(FunnelStage.QualifiedIntent));
        Assert.Equal(at[nameof(EventKind.FollowedUp)], row.EnteredAt(FunnelStage.FollowUp));
        Assert.Equal(at[nameof(EventKind.OpportunityOpened)], row.EnteredAt(FunnelStage.Opportunity));
        Assert.Equal(at[nameof(EventKind.OrderSigned)], row.EnteredAt(FunnelStage.Contract));
        Assert.Equal(at[nameof(EventKind.PaymentReceived)], row.EnteredAt(FunnelStage.Payment));
        Assert.NotEqual(events.Last(e => e.Kind == EventKind.PaymentReceived).At, row.EnteredAt(FunnelStage.Payment));
        Assert.Null(row.EnteredAt(FunnelStage.CampaignTouch));

        // Every stage the figures count as entered has its time, and no other.
        var tally = Tally.Of(state);
        for (var stage = FunnelStage.Lead; stage <= FunnelStage.Payment; stage++)
            Assert.Equal(tally[Tally.Entered(stage)] == 1, row.EnteredAt(stage) is not null);
    }

    [Fact]
    public void An_opportunity_opened_without_a_follow_up_enters_follow_up_with_it_and_a_later_follow_up_does_not_move_it()
    {
        var script = new EventScript("j1", T0);
        var events = new List<JourneyEvent>
        {
            script.Next(EventKind.LeadCreated, 0, e => e with { CampaignId = "c", Channel = Channel.Ads, RegionId = "r" }),
            script.Next(EventKind.Qualified),
            script.Next(EventKind.OpportunityOpened, 1, e => e with { Amount = 100 }),
            script.Next(EventKind.FollowedUp, 2),
        };
        var row = CustomerRecord.Of(Walk(events), null, erased: false);
        Assert.Equal(events[2].At, row.EnteredAt(FunnelStage.FollowUp));
        Assert.Equal(events[2].At, row.EnteredAt(FunnelStage.Opportunity));
        Assert.Null(row.EnteredAt(FunnelStage.Contract));
    }

    [Fact]
    public void An_existing_customer_enters_no_stage()
    {
        var onboarded = Walk([new JourneyEvent { Id = "e1", Kind = EventKind.CustomerOnboarded, At = T0, RegionId = "r", TeamId = "t", RepId = "p" }]);
        var row = CustomerRecord.Of(onboarded, null, erased: false);
        Assert.All(Enum.GetValues<FunnelStage>(), stage => Assert.Null(row.EnteredAt(stage)));
    }

    [Fact]
    public void The_entered_filter_reads_back_what_a_chart_writes_and_keeps_the_window_open_at_its_start_and_closed_at_its_end()
    {
        var (after, until) = (T0, T0.AddDays(7));
        var text = EnteredWindow.Of(FunnelStage.QualifiedIntent, after, until);
        var (query, error) = RecordQuery.Parse("All", null, null, null, null, null, null, null, null, null, null, null, null, null, entered: text);
        Assert.Null(error);
        Assert.Equal((RecordKind.All, FunnelStage.QualifiedIntent, after, until), (query!.Kind, query.Entered, query.EnteredAfter, query.EnteredUntil));

        CustomerRecord Qualified(DateTimeOffset at) => new() { JourneyId = "j", Status = JourneyStatus.Prospect, Stage = FunnelStage.QualifiedIntent, QualifiedAt = at };
        Assert.False(RecordList.Matches(Qualified(after), query, Access.FigureScope.Full));
        Assert.True(RecordList.Matches(Qualified(after.AddTicks(1)), query, Access.FigureScope.Full));
        Assert.True(RecordList.Matches(Qualified(until), query, Access.FigureScope.Full));
        Assert.False(RecordList.Matches(Qualified(until.AddTicks(1)), query, Access.FigureScope.Full));

        Assert.Equal((FunnelStage.Lead, (DateTimeOffset?)null, (DateTimeOffset?)null, (string?)null), EnteredWindow.Parse("lead"));
        Assert.StartsWith("entered 'Heaven' must be a stage (CampaignTouch, Lead", EnteredWindow.Parse("Heaven").Error);
        Assert.StartsWith("entered 'Lead,soon': 'soon' is not a time", EnteredWindow.Parse("Lead,soon").Error);
        Assert.Equal("entered 'Lead,2026-01-08,2026-01-01': the window's start is after its end", EnteredWindow.Parse("Lead,2026-01-08,2026-01-01").Error);
    }
}
