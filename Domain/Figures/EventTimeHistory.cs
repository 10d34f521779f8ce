using Growth.Domain.Journeys;

namespace Growth.Domain.Figures;

/// <summary>
/// A history's figures placed at the times its events happened: its "now" (the last event, or a date picked at
/// import), one cumulative point per day from the first event to now, and the revenue every group had booked when
/// now's quarter began. The statistics of an imported workspace take these instead of the import day's clock, so the
/// Overview shows the history's own last quarter and the revenue chart spans the history.
/// </summary>
public sealed record EventTimeHistory(DateTimeOffset Now, WorkspaceHistory History, PeriodBaseline Baseline)
{
    /// <summary>
    /// Replays <paramref name="journeys"/> (each one's events, applied in time order through
    /// <see cref="JourneyTransitions"/>, as ingestion places them) into daily cumulative figures. An event the
    /// rules refuse is left out, as ingestion would refuse it. <paramref name="pickedNow"/> must not be before the
    /// last event: the figures would then hold events from after "now". <paramref name="journeys"/> is enumerated twice.
    /// <paramref name="timeZone"/> is the company's (its setup's IANA id): the quarter baseline starts at local midnight
    /// there; null: UTC.
    /// </summary>
    /// <exception cref="ArgumentException">No event at all, or <paramref name="pickedNow"/> before the last event.</exception>
    public static EventTimeHistory Replay(IEnumerable<(string Id, IReadOnlyList<JourneyEvent> Events)> journeys, DateTimeOffset? pickedNow = null,
        int fiscalYearStartMonth = 1, string? timeZone = null)
    {
        // Two passes over the journeys, none held: an import of a million deals writes its journeys when asked for.
        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        foreach (var (_, journeyEvents) in journeys)
            foreach (var e in journeyEvents)
            {
                if (e.At < first) first = e.At;
                if (e.At > last) last = e.At;
            }
        if (first > last) throw new ArgumentException("the history has no event to place in time", nameof(journeys));
        if (pickedNow is { } picked && picked < last)
            throw new ArgumentException($"now ({picked:yyyy-MM-dd}) is before the history's last event ({last:yyyy-MM-dd}); pick a date on or after it", nameof(pickedNow));
        var now = pickedNow ?? last;
        var quarterStart = TargetPeriods.QuarterStart(now, fiscalYearStartMonth, timeZone);

        // Each journey's change of figures, by the day it happened: only the total and campaign parts, which are all the
        // history's points read (one slot per day of the span, made when the day first changes), and every group's
        // revenue before the quarter began for the period baseline. A change is applied as "after" added and "before"
        // taken away, with no difference tally made per event.
        var firstDay = Tally.DayNumber(first);
        var byDay = new DayChange?[Tally.DayNumber(last) - firstDay + 1];
        var before = new RevenueBefore();
        var ordered = new List<JourneyEvent>();
        foreach (var (id, journeyEvents) in journeys)
        {
            var state = new JourneyState { Id = id };
            var tally = Tally.Of(state);
            var key = GroupKey.Of(state);
            foreach (var e in InTimeOrder(journeyEvents, ordered))
            {
                var t = JourneyTransitions.Apply(state, e);
                if (!t.Accepted) continue;
                var after = Tally.Of(t.State);
                var newKey = GroupKey.Of(t.State);
                var f = byDay[Tally.DayNumber(e.At) - firstDay] ??= new DayChange();
                f.Total.Add(after);
                f.Total.Add(tally, -1);
                f.Campaign(newKey.CampaignId)?.Add(after);
                f.Campaign(key.CampaignId)?.Add(tally, -1);
                if (e.At < quarterStart)
                {
                    if (key == newKey) before.Add(newKey, after[Money.Revenue] - tally[Money.Revenue]);
                    else
                    {
                        before.Add(key, -tally[Money.Revenue]);
                        before.Add(newKey, after[Money.Revenue]);
                    }
                }
                state = t.State;
                tally = after;
                key = newKey;
            }
        }

        var history = new WorkspaceHistory();
        var running = new WorkspaceFigures();
        history.Record(Tally.DayOf(firstDay), running);
        for (var i = 0; i < byDay.Length; i++)
        {
            if (byDay[i] is not { } change) continue;
            var day = firstDay + i;
            running.Total.Add(change.Total);
            foreach (var (campaign, t) in change.Campaigns)
            {
                if (!running.Campaigns.TryGetValue(campaign, out var c)) running.Campaigns[campaign] = c = new Tally();
                c.Add(t);
            }
            // A day's point is taken at its end; the last day's at now (which holds the events at now itself, so it
            // replaces a point taken at the same instant).
            var end = Tally.DayOf(day + 1);
            var at = end < now ? end : now;
            if (history.Points[^1].AsOf == at) history.Points.RemoveAt(history.Points.Count - 1);
            history.Record(at, running, evenIfEarly: true);
        }
        if (history.Points[^1].AsOf < now) history.Record(now, running, evenIfEarly: true);

        var baseline = new PeriodBaseline { Start = quarterStart };
        if (first < quarterStart)
        {
            baseline.Revenue[PeriodBaseline.TotalKey] = before.Total;
            foreach (var (kind, groups) in new[] { ("region", before.Regions), ("team", before.Teams), ("rep", before.Reps) })
                foreach (var (group, revenue) in groups) baseline.Revenue[PeriodBaseline.Key(kind, group)] = revenue;
        }
        return new EventTimeHistory(now, history, baseline);
    }

    /// <summary>The events by time (stable, as OrderBy was): the list itself when already in order, else a sorted copy in <paramref name="buffer"/>.</summary>
    static IReadOnlyList<JourneyEvent> InTimeOrder(IReadOnlyList<JourneyEvent> events, List<JourneyEvent> buffer)
    {
        var sorted = true;
        for (var i = 1; i < events.Count && sorted; i++) sorted = events[i - 1].At <= events[i].At;
        if (sorted) return events;
        buffer.Clear();
        buffer.AddRange(events.OrderBy(e => e.At));
        return buffer;
    }

    /// <summary>One day's change of the figures the history's points read: the total and each campaign's.</summary>
    sealed class DayChange
    {
        public Tally Total { get; } = new();
        public Dictionary<string, Tally> Campaigns { get; } = [];

        public Tally? Campaign(string? id)
        {
            if (id is null) return null;
            if (!Campaigns.TryGetValue(id, out var t)) Campaigns[id] = t = new Tally();
            return t;
        }
    }

    /// <summary>Revenue booked before the quarter began: the total and each region's, team's and rep's (every group a change touched has its entry).</summary>
    sealed class RevenueBefore
    {
        public decimal Total { get; private set; }
        public Dictionary<string, decimal> Regions { get; } = [];
        public Dictionary<string, decimal> Teams { get; } = [];
        public Dictionary<string, decimal> Reps { get; } = [];

        public void Add(GroupKey key, decimal revenue)
        {
            Total += revenue;
            AddTo(Regions, key.RegionId, revenue);
            AddTo(Teams, key.TeamId, revenue);
            AddTo(Reps, key.RepId, revenue);
        }

        static void AddTo(Dictionary<string, decimal> groups, string? id, decimal revenue)
        {
            if (id is not null) groups[id] = groups.GetValueOrDefault(id) + revenue;
        }
    }
}
