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

        // Each journey's change of figures, by the day it happened: the total and campaign parts for the history's
        // points, and every group's revenue before the quarter began for the period baseline.
        var byDay = new SortedDictionary<int, WorkspaceFigures>();
        var before = new WorkspaceFigures();
        foreach (var (id, journeyEvents) in journeys)
        {
            var state = new JourneyState { Id = id };
            var tally = Tally.Of(state);
            foreach (var e in journeyEvents.OrderBy(e => e.At))
            {
                var t = JourneyTransitions.Apply(state, e);
                if (!t.Accepted) continue;
                var after = Tally.Of(t.State);
                var (oldKey, newKey) = (GroupKey.Of(state), GroupKey.Of(t.State));
                var day = Tally.DayNumber(e.At);
                if (!byDay.TryGetValue(day, out var f)) byDay[day] = f = new WorkspaceFigures();
                var changes = oldKey == newKey
                    ? [new TallyDelta(newKey, Tally.Difference(after, tally))]
                    : new[] { new TallyDelta(oldKey, Tally.Difference(new Tally(), tally)), new TallyDelta(newKey, after) };
                foreach (var change in changes)
                {
                    f.Apply(change);
                    if (e.At < quarterStart) before.Apply(change);
                }
                state = t.State;
                tally = after;
            }
        }

        var history = new WorkspaceHistory();
        var running = new WorkspaceFigures();
        history.Record(Tally.DayOf(Tally.DayNumber(first)), running);
        foreach (var (day, change) in byDay)
        {
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
            baseline.Revenue[PeriodBaseline.TotalKey] = before.Total[Money.Revenue];
            foreach (var (kind, groups) in new[] { ("region", before.Regions), ("team", before.Teams), ("rep", before.Reps) })
                foreach (var (group, t) in groups) baseline.Revenue[PeriodBaseline.Key(kind, group)] = t[Money.Revenue];
        }
        return new EventTimeHistory(now, history, baseline);
    }
}
