using Growth.Domain.Import;
using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Import;

/// <summary>The re-orderable past of a journey: duplicates applied once, late events placed at their time, bounded.</summary>
public sealed class EventWindowTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static JourneyEvent E(string id, EventKind kind, double hours, decimal amount = 0) =>
        new() { Id = id, Kind = kind, At = T0 + TimeSpan.FromHours(hours), Amount = amount };

    static EventWindow New() => new(new JourneyState { Id = "j" }, null, [], []);

    [Fact]
    public void Events_in_order_are_applied_a_repeated_id_is_a_duplicate_and_one_with_other_content_a_conflict()
    {
        var w = New();
        Assert.Equal(IngestResult.Accepted, w.Add(E("a", EventKind.LeadCreated, 0)));
        Assert.Equal(IngestResult.Accepted, w.Add(E("b", EventKind.Contacted, 1)));
        Assert.Equal(IngestResult.Duplicate, w.Add(E("b", EventKind.Contacted, 1)));
        var reused = w.Add(E("b", EventKind.Qualified, 7));
        Assert.Equal(IngestStatus.Conflict, reused.Status);
        Assert.Equal("event id 'b' was already applied with different content (kind Contacted, now Qualified, " +
            "at 2026-03-02T10:00:00.0000000+00:00, now 2026-03-02T16:00:00.0000000+00:00); nothing changed", reused.Reason);
        Assert.Equal(IngestResult.Duplicate, w.Add(E("b", EventKind.Contacted, 1) with { JourneyId = "j" }));
        Assert.Equal(1, w.State.Contacts);
        Assert.Equal(2, w.State.EventCount);
    }

    [Fact]
    public void A_late_event_is_placed_at_its_time_and_the_state_is_as_if_it_came_in_order()
    {
        var inOrder = New();
        foreach (var e in new[] { E("c", EventKind.LeadCreated, 0), E("k", EventKind.Contacted, 5), E("q", EventKind.Qualified, 10), E("o", EventKind.OpportunityOpened, 20, 500) })
            Assert.Equal(IngestResult.Accepted, inOrder.Add(e));

        var late = New();
        foreach (var e in new[] { E("c", EventKind.LeadCreated, 0), E("q", EventKind.Qualified, 10), E("o", EventKind.OpportunityOpened, 20, 500), E("k", EventKind.Contacted, 5) })
            Assert.Equal(IngestResult.Accepted, late.Add(e));

        Assert.Equal(inOrder.State, late.State);
        Assert.Equal(["c", "k", "q", "o"], late.Events.Select(e => e.Id));
    }

    [Fact]
    public void A_late_event_that_would_break_a_later_one_is_rejected_alone()
    {
        var w = New();
        w.Add(E("c", EventKind.LeadCreated, 0));
        w.Add(E("q", EventKind.Qualified, 10));
        w.Add(E("o", EventKind.OpportunityOpened, 20, 500));
        var before = w.State;

        var r = w.Add(E("d", EventKind.Disqualified, 15));
        Assert.Equal(IngestStatus.Rejected, r.Status);
        Assert.Contains("o (OpportunityOpened)", r.Reason);
        Assert.Equal(before, w.State);
        Assert.False(w.Knows("d"));

        var tooEarly = w.Add(E("x", EventKind.Contacted, -1));
        Assert.Contains("needs a journey that exists", tooEarly.Reason);
        Assert.Equal(before, w.State);
    }

    [Fact]
    public void The_window_is_bounded_older_events_settle_and_cannot_be_reordered_but_are_still_recognised()
    {
        var w = New();
        w.Add(E("c", EventKind.LeadCreated, 0));
        for (var i = 1; i <= EventWindow.WindowLimit + 5; i++) Assert.Equal(IngestResult.Accepted, w.Add(E($"k{i}", EventKind.Contacted, i)));
        Assert.Equal(EventWindow.WindowLimit, w.Events.Count);
        Assert.Equal(6, w.SettledIds.Count);
        Assert.Equal(EventWindow.WindowLimit + 5, w.State.Contacts);

        Assert.Equal(IngestResult.Duplicate, w.Add(E("k2", EventKind.Contacted, 2)));
        var old = w.Add(E("late", EventKind.Contacted, 3.5));
        Assert.Equal(IngestStatus.Rejected, old.Status);
        Assert.Contains("settled past", old.Reason);

        // Persisted and restored, the window behaves the same.
        var restored = new EventWindow(w.State, w.Base, w.Events, w.SettledIds);
        Assert.Equal(IngestResult.Duplicate, restored.Add(E("k2", EventKind.Contacted, 2)));
        Assert.Equal(IngestResult.Duplicate, restored.Add(E($"k{EventWindow.WindowLimit}", EventKind.Contacted, EventWindow.WindowLimit)));
        Assert.Equal(IngestResult.Accepted, restored.Add(E("between", EventKind.Contacted, 500.5)));
        Assert.Equal(w.State.Contacts + 1, restored.State.Contacts);
    }

    [Fact]
    public void Settling_all_keeps_the_ids_of_events_applied_by_other_means()
    {
        var w = New();
        w.Add(E("c", EventKind.LeadCreated, 0));
        var moved = JourneyTransitions.Apply(w.State, E("sim-1", EventKind.Contacted, 2)).State;
        w.SettleAll(moved, ["sim-1"]);
        Assert.Empty(w.Events);
        Assert.Equal(IngestResult.Duplicate, w.Add(E("c", EventKind.LeadCreated, 0)));
        Assert.Equal(IngestResult.Duplicate, w.Add(E("sim-1", EventKind.Contacted, 2)));
        Assert.Equal(IngestStatus.Rejected, w.Add(E("early", EventKind.Contacted, 1)).Status);
        Assert.Equal(IngestResult.Accepted, w.Add(E("next", EventKind.Contacted, 3)));
    }

    [Fact]
    public void Invalid_ids_are_rejected()
    {
        var w = New();
        Assert.Equal(IngestStatus.Rejected, w.Add(E("", EventKind.LeadCreated, 0)).Status);
        Assert.Equal(IngestStatus.Rejected, w.Add(E("a/b", EventKind.LeadCreated, 0)).Status);
        Assert.Equal(JourneyStatus.None, w.State.Status);
    }
}
