using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Journeys;

public class JourneyTransitionsTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static JourneyState Walk(IEnumerable<JourneyEvent> events)
    {
        var t = JourneyTransitions.ApplyAll(new JourneyState { Id = "j1" }, events);
        Assert.True(t.Accepted, t.Error);
        return t.State;
    }

    [Fact]
    public void A_lead_walks_to_a_paid_order_a_repurchase_and_a_referral()
    {
        var script = new EventScript("j1", T0);
        var events = script.ToWonOrder(5000);
        events.Add(script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 5000, DueAt = T0.AddDays(60) }));
        events.Add(script.Next(EventKind.PaymentReceived, 10, e => e with { Amount = 5000 }));
        events.Add(script.Next(EventKind.Activated, 2));
        events.Add(script.Next(EventKind.Repurchased, 30, e => e with { Amount = 2000 }));
        events.Add(script.Next(EventKind.Referred, 5, e => e with { ReferredLeadId = "j2" }));

        var s = Walk(events);

        Assert.Equal(JourneyStatus.Customer, s.Status);
        Assert.Equal(FunnelStage.Payment, s.Stage);
        Assert.True(s.Won);
        Assert.Equal(5000m, s.WonValue);
        Assert.Equal(2, s.Orders);
        Assert.Equal(1, s.Repurchases);
        Assert.Equal(7000m, s.OrderValue);
        Assert.Equal(5000m, s.Collected);
        Assert.Equal(0m, s.Outstanding);
        Assert.Equal(1, s.Referrals);
        Assert.True(s.Activated);
        Assert.Equal(events.Count, s.EventCount);
    }

    public static TheoryData<string, EventKind[], string> ImpossibleTransitions => new()
    {
        { "won before any opportunity", [EventKind.LeadCreated, EventKind.Won], "only an open opportunity can be won" },
        { "event before the journey exists", [EventKind.Qualified], "needs a journey that exists" },
        { "created twice", [EventKind.LeadCreated, EventKind.LeadCreated], "already exists" },
        { "opportunity without qualification", [EventKind.LeadCreated, EventKind.OpportunityOpened], "needs a qualified lead" },
        { "order before the win", [EventKind.LeadCreated, EventKind.OrderSigned], "after the deal is won" },
        { "payment with nothing outstanding", [EventKind.LeadCreated, EventKind.PaymentReceived], "exceeds the outstanding" },
        { "repurchase by a prospect", [EventKind.LeadCreated, EventKind.Repurchased], "only a customer can repurchase" },
        { "referral by a prospect", [EventKind.LeadCreated, EventKind.Referred], "only a customer refers" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleTransitions))]
    public void An_impossible_transition_is_refused_with_a_reason_and_changes_nothing(string _, EventKind[] kinds, string reason)
    {
        var script = new EventScript("j1", T0);
        var state = new JourneyState { Id = "j1" };
        for (var i = 0; i < kinds.Length - 1; i++) state = JourneyTransitions.Apply(state, script.Next(kinds[i], 0, e => e with { Amount = 100 })).State;

        var refused = JourneyTransitions.Apply(state, script.Next(kinds[^1], 1, e => e with { Amount = 100 }));

        Assert.False(refused.Accepted);
        Assert.Contains(reason, refused.Error);
        Assert.Same(state, refused.State);
    }

    [Fact]
    public void A_negative_amount_is_refused_naming_the_amount()
    {
        var script = new EventScript("j1", T0);
        var state = Walk(script.ToWonOrder(1000));
        var refused = JourneyTransitions.Apply(state, script.Next(EventKind.Repurchased, 1, e => e with { Amount = -5 }));
        Assert.False(refused.Accepted);
        Assert.Contains("-5", refused.Error);
        Assert.Same(state, refused.State);
    }

    [Fact]
    public void A_batch_with_one_bad_event_applies_none_of_it()
    {
        var script = new EventScript("j1", T0);
        var start = Walk(script.ToWonOrder(1000));
        var batch = new[]
        {
            script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 1000 }),
            script.Next(EventKind.PaymentReceived, 1, e => e with { Amount = 400 }),
            script.Next(EventKind.PaymentReceived, 1, e => e with { Amount = 900 }),
        };
        var t = JourneyTransitions.ApplyAll(start, batch);
        Assert.False(t.Accepted);
        Assert.Contains(batch[2].Id, t.Error);
        Assert.Contains("exceeds the outstanding 600", t.Error);
        Assert.Same(start, t.State);
    }

    [Fact]
    public void Invoices_cannot_exceed_what_was_ordered_and_overdue_cannot_exceed_outstanding()
    {
        var script = new EventScript("j1", T0);
        var s = Walk(script.ToWonOrder(1000));
        Assert.Contains("exceeds what was ordered", JourneyTransitions.Apply(s, script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 1001 })).Error);
        s = JourneyTransitions.Apply(s, script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 1000 })).State;
        s = JourneyTransitions.Apply(s, script.Next(EventKind.PaymentOverdue, 31, e => e with { Amount = 600 })).State;
        Assert.Equal(600m, s.Overdue);
        Assert.Contains("would exceed the outstanding", JourneyTransitions.Apply(s, script.Next(EventKind.PaymentOverdue, 1, e => e with { Amount = 500 })).Error);
        // A payment clears the overdue part first.
        s = JourneyTransitions.Apply(s, script.Next(EventKind.PaymentReceived, 1, e => e with { Amount = 700 })).State;
        Assert.Equal(0m, s.Overdue);
        Assert.Equal(300m, s.Outstanding);
    }

    [Fact]
    public void A_lost_deal_records_the_step_and_the_objection()
    {
        var script = new EventScript("j1", T0);
        var events = script.ToWonOrder(1000).Take(9).ToList(); // up to and including the Topic step
        events.Add(script.Next(EventKind.Lost, 2, e => e with { Step = ConversationStep.TrialClose, Objection = ObjectionType.CompetitorStrength }));
        var s = Walk(events);
        Assert.Equal(JourneyStatus.Lost, s.Status);
        Assert.Equal(ConversationStep.TrialClose, s.LostStep);
        Assert.Equal("CompetitorStrength", s.LostReason);
        Assert.Equal(ConversationStep.Topic, s.LastStep);
    }

    [Fact]
    public void Conversation_steps_only_move_forward()
    {
        var script = new EventScript("j1", T0);
        var s = Walk(script.ToWonOrder(1000).Take(8));
        var refused = JourneyTransitions.Apply(s, script.Next(EventKind.StepPassed, 1, e => e with { Step = ConversationStep.Opening }));
        Assert.Contains("is not after the last step passed (Rapport)", refused.Error);
    }
}
