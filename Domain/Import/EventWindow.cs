using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;

namespace Growth.Domain.Import;

/// <summary>What became of one ingested event.</summary>
public enum IngestStatus
{
    /// <summary>Applied to the journey.</summary>
    Accepted,
    /// <summary>An event with the same id was already applied to the journey: applied once, so nothing changed.</summary>
    Duplicate,
    /// <summary>Refused (the reason says why); nothing changed.</summary>
    Rejected,
    /// <summary>An event with the same id but different content was already applied: nothing changed, the reason says what differs.</summary>
    Conflict,
}

/// <summary>The result of offering one event to a journey.</summary>
public readonly record struct IngestResult(IngestStatus Status, string? Reason)
{
    public static IngestResult Accepted { get; } = new(IngestStatus.Accepted, null);
    public static IngestResult Duplicate { get; } = new(IngestStatus.Duplicate, null);
    public static IngestResult Rejected(string reason) => new(IngestStatus.Rejected, reason);
    public static IngestResult Conflict(string reason) => new(IngestStatus.Conflict, reason);
}

/// <summary>
/// The recent, re-orderable past of one journey, so that events from outside (CRMs, the ingestion API) may arrive
/// late, twice, or out of order and still land where they belong.
/// <para>
/// The journey's state is always <see cref="Base"/> with <see cref="Events"/> applied in time order. An event newer
/// than the last one is applied at once; an older one is inserted at its time and the window is replayed through
/// <see cref="JourneyTransitions"/>; if the replay refuses anything, only the new event is rejected. Every applied
/// id is remembered, so a retried event is applied once. The window is bounded (<see cref="WindowLimit"/> events):
/// older events are folded into <see cref="Base"/> and become settled; an event older than the settled past is
/// rejected, since it can no longer be placed. Pure: the owner persists <see cref="Base"/>, <see cref="Events"/>
/// and <see cref="SettledIds"/>.
/// </para>
/// </summary>
public sealed class EventWindow
{
    /// <summary>Events kept re-orderable per journey. A CRM journey has tens of events; a thousand leaves room for
    /// long-lived customers while keeping a replay (at most a thousand pure transitions) cheap.</summary>
    public const int WindowLimit = 1000;

    /// <summary>Ids of settled events remembered for de-duplication beyond the window (oldest forgotten first).</summary>
    public const int SettledIdLimit = 10_000;

    readonly List<JourneyEvent> events;
    readonly List<string> settledIds;
    readonly HashSet<string> ids = new(StringComparer.Ordinal);

    /// <param name="current">The journey's state now.</param>
    /// <param name="baseState">The state before <paramref name="window"/>; null when the window is empty (the base is then the current state).</param>
    /// <param name="window">Events still re-orderable, in time order.</param>
    /// <param name="settledIds">Ids of events already settled, oldest first.</param>
    public EventWindow(JourneyState current, JourneyState? baseState, IEnumerable<JourneyEvent> window, IEnumerable<string> settledIds)
    {
        events = [.. window];
        this.settledIds = [.. settledIds];
        State = current;
        Base = events.Count == 0 ? current : baseState ?? throw new ArgumentException("a window with events needs its base state", nameof(baseState));
        foreach (var id in this.settledIds) ids.Add(id);
        foreach (var e in events) ids.Add(e.Id);
    }

    /// <summary>The journey's state: <see cref="Base"/> with <see cref="Events"/> applied.</summary>
    public JourneyState State { get; private set; }
    /// <summary>The settled state before the window.</summary>
    public JourneyState Base { get; private set; }
    /// <summary>The re-orderable events, in time order (ties in arrival order).</summary>
    public IReadOnlyList<JourneyEvent> Events => events;
    /// <summary>Ids of settled events still remembered, oldest first.</summary>
    public IReadOnlyList<string> SettledIds => settledIds;

    /// <summary>Whether an event with this id was applied (and is still remembered).</summary>
    public bool Knows(string id) => ids.Contains(id);

    /// <summary>Offers one event: applies it in its place, or says why not (then nothing changed).</summary>
    public IngestResult Add(JourneyEvent e)
    {
        if (!Names.IsValidId(e.Id)) return IngestResult.Rejected($"event id '{e.Id}' must be 1-100 letters, digits or . _ : # -");
        if (ids.Contains(e.Id)) return Reused(e);
        if (Base.LastEventAt is { } settled && e.At < settled)
            return IngestResult.Rejected($"it happened at {e.At:O}, before the journey's settled past (up to {settled:O}): too old to re-order");

        // After every event at the same time or earlier: ties keep their arrival order.
        var at = events.FindLastIndex(x => x.At <= e.At) + 1;
        if (at == events.Count)
        {
            var t = JourneyTransitions.Apply(State, e);
            if (!t.Accepted) return IngestResult.Rejected(t.Error!);
            events.Add(e);
            State = t.State;
        }
        else
        {
            var s = Base;
            for (var i = 0; i < at; i++) s = JourneyTransitions.Apply(s, events[i]).State;
            var placed = JourneyTransitions.Apply(s, e);
            if (!placed.Accepted) return IngestResult.Rejected($"{placed.Error} (at {e.At:O}, before {events.Count - at} later event(s))");
            s = placed.State;
            for (var i = at; i < events.Count; i++)
            {
                var later = events[i];
                var t = JourneyTransitions.Apply(s, later);
                if (!t.Accepted)
                    return IngestResult.Rejected($"placed at {e.At:O} it would make the later event {later.Id} ({later.Kind}) impossible: {t.Error}");
                s = t.State;
            }
            events.Insert(at, e);
            State = s;
        }
        ids.Add(e.Id);
        while (events.Count > WindowLimit) Settle(1);
        return IngestResult.Accepted;
    }

    /// <summary>
    /// An event whose id was applied: a duplicate when it says the same, a conflict when its content differs. Only
    /// events still in the window can be compared; a settled id is remembered without its content, so it is a duplicate.
    /// The journey id is not compared: the batch API carries it, the import and the simulator leave it empty.
    /// </summary>
    IngestResult Reused(JourneyEvent e)
    {
        var applied = events.Find(x => x.Id == e.Id);
        if (applied is null || applied with { JourneyId = null } == e with { JourneyId = null }) return IngestResult.Duplicate;
        var differs = Differences(applied, e);
        return IngestResult.Conflict($"event id '{e.Id}' was already applied with different content ({string.Join(", ", differs)}); nothing changed");
    }

    static IEnumerable<string> Differences(JourneyEvent was, JourneyEvent now)
    {
        if (was.Kind != now.Kind) yield return $"kind {was.Kind}, now {now.Kind}";
        if (was.At != now.At) yield return $"at {was.At:O}, now {now.At:O}";
        if (was.Amount != now.Amount) yield return $"amount {was.Amount}, now {now.Amount}";
        if (was with { Kind = now.Kind, At = now.At, Amount = now.Amount, JourneyId = null } != now with { JourneyId = null }) yield return "other fields differ";
    }

    /// <summary>
    /// The journey changed by other means (the simulator, an all-or-none batch): everything so far is settled,
    /// with <paramref name="appliedIds"/> remembered too.
    /// </summary>
    public void SettleAll(JourneyState current, IEnumerable<string> appliedIds)
    {
        Settle(events.Count);
        foreach (var id in appliedIds) Remember(id);
        State = Base = current;
    }

    void Settle(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Base = JourneyTransitions.Apply(Base, events[i]).State;
            Remember(events[i].Id, alreadyKnown: true);
        }
        events.RemoveRange(0, count);
    }

    void Remember(string id, bool alreadyKnown = false)
    {
        if (!alreadyKnown && !ids.Add(id)) return;
        settledIds.Add(id);
        if (settledIds.Count <= SettledIdLimit) return;
        var forgotten = settledIds.Count - SettledIdLimit;
        for (var i = 0; i < forgotten; i++) ids.Remove(settledIds[i]);
        settledIds.RemoveRange(0, forgotten);
    }
}
