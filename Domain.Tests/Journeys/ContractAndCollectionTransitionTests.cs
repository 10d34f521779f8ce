using System.Text.Json;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Journeys;

/// <summary>What a CRM may send about contracts and collections, and what it may not (the rules ingestion applies).</summary>
public class ContractAndCollectionTransitionTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A won deal of 10,000 without its order: the verbal win.</summary>
    static (EventScript Script, List<JourneyEvent> Events) VerbalWin()
    {
        var script = new EventScript("j1", T0);
        var events = script.ToWonOrder(10_000);
        events.RemoveAt(events.Count - 1);
        return (script, events);
    }

    static Transition Apply(IEnumerable<JourneyEvent> events) => JourneyTransitions.ApplyAll(new JourneyState { Id = "j1" }, events);

    [Fact]
    public void A_contract_waits_for_its_approval_and_the_order_comes_after_it()
    {
        var (script, events) = VerbalWin();
        events.Add(script.Next(EventKind.ContractDrafted, 2, e => e with { Amount = 8000 }));
        events.Add(script.Next(EventKind.ApprovalRequested, 0, e => e with { Amount = 8000, Reason = "discount 20 % above the 10 % limit" }));
        var waiting = Apply(events);
        Assert.True(waiting.Accepted, waiting.Error);
        var t = Tally.Of(waiting.State);
        Assert.Equal(1, t[Count.ApprovalsWaiting]);
        Assert.Equal(8000m, t[Money.ApprovalsWaitingValue]);

        var early = Apply(events.Append(script.Next(EventKind.OrderSigned, 0, e => e with { Amount = 8000 })));
        Assert.False(early.Accepted);
        Assert.Contains("still waiting: send ApprovalGranted or ApprovalRefused first", early.Error);

        events.Add(script.Next(EventKind.ApprovalRefused, 2, e => e with { Reason = "too deep" }));
        events.Add(script.Next(EventKind.ContractDrafted, 1, e => e with { Amount = 9000 }));
        events.Add(script.Next(EventKind.OrderSigned, 0, e => e with { Amount = 9000 }));
        var signed = Apply(events);
        Assert.True(signed.Accepted, signed.Error);
        var s = signed.State;
        Assert.Null(s.ApprovalSince);
        Assert.Equal((1, 1), (s.ApprovalsRequested, s.ApprovalsRefused));
        Assert.Equal(9000m, s.OrderValue);
        // Opportunity opened on day 3.1, won on day 9.1, order signed on day 14.1 (after the approval and a second draft): 11 days.
        Assert.Equal(11, CollectionFigures.Of(Tally.Of(s), s.OrderAt!.Value, null).AverageDaysToOrder!.Value, 6);
    }

    [Fact]
    public void Contract_events_out_of_place_are_refused_with_the_reason()
    {
        var script = new EventScript("j1", T0);
        var open = script.ToWonOrder(10_000).Take(6).ToList();
        var refused = Apply(open.Append(script.Next(EventKind.ContractDrafted)));
        Assert.Contains("a contract is drafted after the verbal win (send Won first", refused.Error);

        var (s2, won) = VerbalWin();
        Assert.Contains("an approval is asked for a drafted contract", Apply(won.Append(s2.Next(EventKind.ApprovalRequested))).Error);
        Assert.Contains("ApprovalGranted needs an approval waiting", Apply(won.Append(s2.Next(EventKind.ApprovalGranted))).Error);
    }

    [Fact]
    public void Instalments_reminders_and_write_offs_keep_receivables_exact()
    {
        var script = new EventScript("j1", T0);
        var events = script.ToWonOrder(9000);
        events.Add(script.Next(EventKind.InstalmentDue, 0, e => e with { Amount = 3000, DueAt = T0.AddDays(40), Reason = "instalment 1 of 3" }));
        events.Add(script.Next(EventKind.PaymentReceived, 5, e => e with { Amount = 3000 }));
        events.Add(script.Next(EventKind.InstalmentDue, 25, e => e with { Amount = 3000, DueAt = T0.AddDays(70) }));
        events.Add(script.Next(EventKind.PaymentOverdue, 30, e => e with { Amount = 3000 }));
        events.Add(script.Next(EventKind.ReminderSent, 7, e => e with { Amount = 3000, Reason = "7 days past due" }));
        events.Add(script.Next(EventKind.WrittenOff, 30, e => e with { Amount = 3000 }));
        var t = Apply(events);
        Assert.True(t.Accepted, t.Error);
        var s = t.State;
        Assert.Equal((9000m, 6000m, 3000m, 3000m), (s.OrderValue, s.Billed, s.Collected, s.WrittenOff));
        Assert.Equal((0m, 0m), (s.Outstanding, s.Overdue));
        Assert.Equal((2, 1), (s.Instalments, s.Reminders));
        var tally = Tally.Of(s);
        Assert.Equal((9000m, 0m, 3000m), (tally[Money.Revenue], tally[Money.Outstanding], tally[Money.WrittenOff]));

        // More than is outstanding cannot be written off or reminded of; more than was ordered cannot be invoiced.
        Assert.Contains("write-off of 1 exceeds the outstanding 0", Apply(events.Append(script.Next(EventKind.WrittenOff, 1, e => e with { Amount = 1 }))).Error);
        Assert.Contains("nothing is unpaid to remind of", Apply(events.Append(script.Next(EventKind.ReminderSent))).Error);
        Assert.Contains("exceeds what was ordered", Apply(events.Append(script.Next(EventKind.InstalmentDue, 1, e => e with { Amount = 3001 }))).Error);
    }

    [Fact]
    public void Kinds_stored_before_the_change_keep_their_numbers_and_the_new_ones_come_after()
    {
        // Events are stored by their kind's number (grain state) and by name (JSON): neither may move.
        string[] before =
        [
            "LeadCreated", "CustomerOnboarded", "LeadAssigned", "Contacted", "Qualified", "Disqualified", "FollowedUp",
            "OpportunityOpened", "StepPassed", "ObjectionRaised", "Won", "Lost", "OrderSigned", "PaymentDue", "PaymentReceived",
            "PaymentOverdue", "Activated", "Retained", "Repurchased", "Referred", "Refunded", "Churned", "ReturnedToPool", "Reassigned", "Graded",
        ];
        for (var i = 0; i < before.Length; i++) Assert.Equal(before[i], ((EventKind)i).ToString());
        Assert.Equal(
            ["ContractDrafted", "ApprovalRequested", "ApprovalGranted", "ApprovalRefused", "InstalmentDue", "ReminderSent", "WrittenOff"],
            Enum.GetValues<EventKind>().Skip(before.Length).Select(k => k.ToString()));

        // A journey stored before the change (no contract, one invoice) reads and goes on taking events.
        var old = JsonSerializer.Deserialize<JourneyState>("""{"id":"j1","status":4,"won":true,"orders":1,"orderValue":5000,"billed":5000,"collected":1000}""",
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((4000m, 0m, (DateTimeOffset?)null), (old.Outstanding, old.WrittenOff, old.ApprovalSince));
        var next = JourneyTransitions.Apply(old, new JourneyEvent { Id = "x", Kind = EventKind.WrittenOff, At = T0, Amount = 4000 });
        Assert.True(next.Accepted, next.Error);
        Assert.Equal(0m, next.State.Outstanding);
    }
}
