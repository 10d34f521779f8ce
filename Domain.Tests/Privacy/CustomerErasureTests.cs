using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Privacy;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Privacy;

public class CustomerErasureTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    const string Personal = "Jane Doe (jane.doe@example.com) chose Acme Ltd";

    /// <summary>A customer who bought once, then a second deal lost with the CRM's own words, and a reminder with a reason.</summary>
    static (JourneyData Data, List<JourneyEvent> Events) Customer()
    {
        var script = new EventScript("c-1", T0);
        var events = script.ToWonOrder(1200);
        events.Add(script.Next(EventKind.PaymentDue, 1, e => e with { Amount = 1200, DueAt = T0.AddDays(40), Reason = "invoice to Jane Doe, 1 Main St" }));
        events.Add(script.Next(EventKind.PaymentReceived, 5, e => e with { Amount = 700 }));
        events.Add(script.Next(EventKind.Churned, 30, e => e with { Reason = Personal }));
        var state = JourneyTransitions.ApplyAll(new JourneyState { Id = "c-1" }, events);
        Assert.True(state.Accepted, state.Error);
        return (new JourneyData(state.State, events, events.TakeLast(2).ToList(), new JourneyState { Id = "c-1", LostReason = Personal }), events);
    }

    [Fact]
    public void Erasing_blanks_every_piece_of_free_text_and_counts_it()
    {
        var (data, _) = Customer();
        Assert.Contains(Personal, CustomerErasure.FreeTextOf(data));

        var (erased, what) = CustomerErasure.Erase(data);

        Assert.Empty(CustomerErasure.FreeTextOf(erased));
        // The state's lost reason and the one before the re-orderable events; two events with a reason (one of them also re-orderable, counted once).
        Assert.Equal(new ErasedFields(2, 2), what);
        Assert.DoesNotContain(erased.Recent.Concat(erased.Window), e => e.Reason is not null);
    }

    [Fact]
    public void Erasing_keeps_ids_steps_amounts_dates_and_every_figure()
    {
        var (data, events) = Customer();
        var (erased, _) = CustomerErasure.Erase(data);

        // The state differs in its free text only.
        Assert.Equal(data.State with { LostReason = null }, erased.State);
        Assert.Equal(JourneyStatus.Churned, erased.State.Status);
        Assert.True(Tally.Difference(Tally.Of(erased.State), Tally.Of(data.State)).IsZero);
        Assert.Equal(GroupKey.Of(data.State), GroupKey.Of(erased.State));
        // Each event keeps its id, kind, time, amount, step and groups; the ledger entries are the same.
        Assert.Equal(events.Select(e => e with { Reason = null }), erased.Recent);
        Assert.Equal(MoneyEvents.Of("c-1", data.State, events), MoneyEvents.Of("c-1", erased.State, erased.Recent));
    }

    [Fact]
    public void Erasing_twice_changes_nothing_the_second_time()
    {
        var (once, _) = CustomerErasure.Erase(Customer().Data);
        var (twice, what) = CustomerErasure.Erase(once);

        Assert.Equal(ErasedFields.None, what);
        Assert.Equal(once.State, twice.State);
        Assert.Equal(once.Recent, twice.Recent);
        Assert.Equal(once.Window, twice.Window);
        Assert.Equal(once.WindowBase, twice.WindowBase);
    }

    [Fact]
    public void The_label_is_stable_anonymous_and_says_what_happened()
    {
        var label = CustomerErasure.LabelOf("acme", "jane-doe-1");
        Assert.Equal(label, CustomerErasure.LabelOf("acme", "jane-doe-1"));
        Assert.Matches("^Erased customer [0-9a-f]{4}$", label);
        Assert.DoesNotContain("jane", label);
        // Workspace and journey both go into it: the same id elsewhere is (almost always) another label.
        Assert.NotEqual(label, CustomerErasure.LabelOf("acme", "jane-doe-2"));
    }

    [Fact]
    public void Only_the_named_journeys_review_entries_lose_their_reason()
    {
        DealOutcome Loss(string id, string reason) => new(id, false, 900, T0, "region-1", "team-1-1", "rep-1-1-1", "campaign-1",
            ConversationStep.Topic, ObjectionType.BudgetEnvironment, reason);
        var losses = new[] { Loss("c-1", Personal), Loss("c-2", "went with a cheaper offer"), Loss("c-1", "second loss") };

        var (kept, erased) = CustomerErasure.Erase(losses, "c-1");

        Assert.Equal(2, erased);
        Assert.Equal([null, "went with a cheaper offer", null], kept.Select(l => l.Reason));
        Assert.Equal(losses.Select(l => (l.JourneyId, l.Amount, l.Step, l.Objection)), kept.Select(l => (l.JourneyId, l.Amount, l.Step, l.Objection)));
        Assert.Equal(0, CustomerErasure.Erase(kept, "c-1").Erased);
    }
}
