using Growth.Domain.Journeys;

namespace Growth.Domain.Tests.Journeys;

public class DormancyTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly Dormancy Week = Dormancy.Default;

    [Fact]
    public void A_journey_with_nothing_due_or_due_beyond_the_horizon_is_dormant_and_one_due_within_it_is_not()
    {
        Assert.Equal(TimeSpan.FromDays(7), Week.Horizon);
        Assert.True(Week.IsDormant(null, Now));
        Assert.True(Week.IsDormant(Now.AddDays(7).AddHours(1), Now));
        Assert.False(Week.IsDormant(Now.AddDays(7), Now));
        Assert.False(Week.IsDormant(Now.AddHours(2), Now));
    }

    [Fact]
    public void Off_keeps_every_journey_in_memory()
    {
        Assert.False(Dormancy.Off.Enabled);
        Assert.False(Dormancy.Off.IsDormant(null, Now));
        Assert.False(Dormancy.Off.IsDormant(Now.AddYears(5), Now));
    }

    [Fact]
    public void After_external_events_only_a_closed_journey_with_nothing_due_sleeps()
    {
        var lost = new JourneyState { Id = "j", Status = JourneyStatus.Lost, LastEventAt = Now };
        var open = lost with { Status = JourneyStatus.Prospect };
        Assert.True(Week.IsDormantAfterEvents(lost, null));
        Assert.False(Week.IsDormantAfterEvents(lost, Now.AddDays(1)));
        Assert.False(Week.IsDormantAfterEvents(open, null));
        Assert.False(Week.IsDormantAfterEvents(lost with { LastEventAt = null }, Now));
    }
}
