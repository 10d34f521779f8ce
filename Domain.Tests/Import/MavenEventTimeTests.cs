using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// The imported Maven sample's figures by event time: its now is its last event (2017-12-31), the quarter shown is
/// 2017 Q4 with exactly the revenue of the rows won in it, and the history runs from the first engagement to now.
/// </summary>
public sealed class MavenEventTimeTests
{
    static readonly DateTimeOffset LastClose = new(2017, 12, 31, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Q4 = new(2017, 10, 1, 0, 0, 0, TimeSpan.Zero);

    static IEnumerable<(string, IReadOnlyList<JourneyEvent>)> Journeys =>
        MavenImportTests.Sample.Value.Journeys.Select(j => (j.Id, (IReadOnlyList<JourneyEvent>)j.Events));

    /// <summary>The journeys' figures as the shards sum them: every journey's final tally.</summary>
    static WorkspaceFigures Figures()
    {
        var figures = new WorkspaceFigures();
        foreach (var journey in MavenImportTests.Sample.Value.Journeys)
        {
            var state = JourneyTransitions.ApplyAll(new JourneyState { Id = journey.Id }, journey.Events).State;
            figures.Apply(new TallyDelta(GroupKey.Of(state), Tally.Of(state)));
        }
        return figures;
    }

    static WorkspaceSnapshot SnapshotAt(EventTimeHistory h) => SnapshotBuilder.Build("maven", h.Now, 1, Figures(), MavenImportTests.Sample.Value.Organisation,
        new SnapshotExtras { Baseline = h.Baseline, History = h.History, FromHistory = true });

    static decimal WonBetween(DateTime from, DateTime to) =>
        MavenSample.Deals.Where(d => d.Stage == "Won" && d.Closed >= from && d.Closed < to).Sum(d => d.Value);

    [Fact]
    public void The_quarter_shown_is_2017_Q4_with_the_revenue_of_the_rows_won_in_it()
    {
        var history = EventTimeHistory.Replay(Journeys);
        Assert.Equal(LastClose, history.Now);
        var s = SnapshotAt(history);
        Assert.NotNull(s.Period);
        Assert.Equal(Q4, s.Period.Start);
        var expected = WonBetween(new DateTime(2017, 10, 1), new DateTime(2018, 1, 1));
        Assert.Equal(2_802_496m, expected);
        Assert.Equal(expected, s.Period.Revenue);
        // Per rep too: what each booked in the quarter is what the file says they won in it.
        foreach (var rep in s.Reps)
            Assert.Equal(MavenSample.Deals.Where(d => d.Agent == rep.Name && d.Stage == "Won" && d.Closed >= new DateTime(2017, 10, 1)).Sum(d => d.Value),
                rep.PeriodRevenue);
        // The sample has no target: none is invented, and no payment means receivables are unknown, not 0.
        Assert.Equal(0m, s.Period.Target);
        Assert.True(s.ReceivablesUnknown);
        Assert.True(s.ExistingCustomersUnknown);
    }

    [Fact]
    public void The_history_spans_the_events_one_point_a_day_and_ends_at_now_with_the_totals()
    {
        var history = EventTimeHistory.Replay(Journeys).History.Points;
        Assert.Equal(new DateTimeOffset(2016, 10, 20, 0, 0, 0, TimeSpan.Zero), history[0].AsOf);
        Assert.Equal(0m, history[0].Revenue.Total);
        Assert.Equal(LastClose, history[^1].AsOf);
        Assert.Equal(MavenSample.Deals.Where(d => d.Stage == "Won").Sum(d => d.Value), history[^1].Revenue.Total);
        Assert.Equal(4238, history[^1].Won);
        // Revenue by a day's end is what was won before it: a point in mid-2017 holds exactly the earlier wins.
        var midYear = history.Single(p => p.AsOf == new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(WonBetween(DateTime.MinValue, new DateTime(2017, 7, 1)), midYear.Revenue.Total);
        Assert.All(history.Zip(history.Skip(1)), p => Assert.True(p.First.AsOf < p.Second.AsOf));
    }

    [Fact]
    public void A_picked_now_after_the_last_event_shows_its_own_quarter()
    {
        var picked = new DateTimeOffset(2018, 2, 15, 0, 0, 0, TimeSpan.Zero);
        var s = SnapshotAt(EventTimeHistory.Replay(Journeys, picked));
        Assert.Equal(picked, s.AsOf);
        Assert.Equal(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero), s.Period!.Start);
        Assert.Equal(0m, s.Period.Revenue);
    }

    [Fact]
    public void A_picked_now_before_the_last_event_is_refused_naming_both_dates()
    {
        var e = Assert.Throws<ArgumentException>(() => EventTimeHistory.Replay(Journeys, new DateTimeOffset(2017, 6, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.Contains("2017-06-30", e.Message);
        Assert.Contains("2017-12-31", e.Message);
    }

    [Fact]
    public void A_fiscal_year_from_November_shows_the_quarter_from_November()
    {
        var h = EventTimeHistory.Replay(Journeys, fiscalYearStartMonth: 11);
        var s = SnapshotBuilder.Build("maven", h.Now, 1, Figures(), MavenImportTests.Sample.Value.Organisation,
            new SnapshotExtras { Baseline = h.Baseline, History = h.History, FromHistory = true, FiscalYearStartMonth = 11 });
        Assert.Equal(new DateTimeOffset(2017, 11, 1, 0, 0, 0, TimeSpan.Zero), s.Period!.Start);
        Assert.Equal(WonBetween(new DateTime(2017, 11, 1), new DateTime(2018, 1, 1)), s.Period.Revenue);
    }
}
