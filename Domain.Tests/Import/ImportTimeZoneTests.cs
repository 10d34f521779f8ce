using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// An imported history's quarter is the company's: in a Shanghai-zoned workspace an order won at 2017-12-31 20:00 UTC
/// (2018-01-01 04:00 in Shanghai) falls in 2018 Q1, whose baseline starts at Shanghai's midnight (16:00 UTC the day before).
/// </summary>
public sealed class ImportTimeZoneTests
{
    const string Shanghai = "Asia/Shanghai";
    static readonly DateTimeOffset LastWin = new(2017, 12, 31, 20, 0, 0, TimeSpan.Zero);

    /// <summary>The Maven sample moved 20 hours later: its last close (2017-12-31 00:00 UTC) becomes 20:00 UTC that day.</summary>
    static IEnumerable<(string, IReadOnlyList<JourneyEvent>)> Shifted =>
        MavenImportTests.Sample.Value.Journeys.Select(j =>
            (j.Id, (IReadOnlyList<JourneyEvent>)j.Events.Select(e => e with { At = e.At.AddHours(20) }).ToList()));

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

    static decimal WonOnLastDay => MavenSample.Deals.Where(d => d.Stage == "Won" && d.Closed == new DateTime(2017, 12, 31)).Sum(d => d.Value);

    [Fact]
    public void In_a_Shanghai_workspace_an_order_at_20_00_UTC_on_31_December_lands_in_2018_Q1()
    {
        var h = EventTimeHistory.Replay(Shifted, timeZone: Shanghai);
        Assert.Equal(LastWin, h.Now);
        Assert.Equal(new DateTimeOffset(2017, 12, 31, 16, 0, 0, TimeSpan.Zero), h.Baseline.Start);
        var s = SnapshotBuilder.Build("maven", h.Now, 1, Figures(), MavenImportTests.Sample.Value.Organisation,
            new SnapshotExtras { Baseline = h.Baseline, History = h.History, FromHistory = true, TimeZone = Shanghai });
        Assert.Equal(new DateTimeOffset(2017, 12, 31, 16, 0, 0, TimeSpan.Zero), s.Period!.Start);
        // The quarter holds exactly the orders won on the last day (the sample has some), nothing from 2017 Q4 before it.
        Assert.True(WonOnLastDay > 0);
        Assert.Equal(WonOnLastDay, s.Period.Revenue);
    }

    [Fact]
    public void Without_a_zone_the_same_order_stays_in_2017_Q4()
    {
        var h = EventTimeHistory.Replay(Shifted);
        Assert.Equal(new DateTimeOffset(2017, 10, 1, 0, 0, 0, TimeSpan.Zero), h.Baseline.Start);
    }
}
