using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

public class SimulationClockTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Real_time_becomes_whole_steps_and_the_rest_is_owed_to_the_next_tick()
    {
        var clock = new SimulationClock(T0);
        // 2 simulated days per second: 0.1 s is 4.8 simulated hours, so 4 steps now and 0.8 h owed.
        Assert.Equal((4, TimeSpan.Zero), clock.Tick(T0.AddSeconds(0.1), 2));
        // The next 0.1 s brings 4.8 h more: 5.6 h owed, 5 steps.
        Assert.Equal((5, TimeSpan.Zero), clock.Tick(T0.AddSeconds(0.2), 2));
    }

    [Fact]
    public void A_tick_runs_at_most_96_steps_and_drops_what_it_cannot_catch_up()
    {
        var clock = new SimulationClock(T0);
        // 10 s at 2 days/s is 480 simulated hours: 96 run, 384 hours dropped.
        Assert.Equal((96, TimeSpan.FromHours(384)), clock.Tick(T0.AddSeconds(10), 2));
        Assert.Equal((0, TimeSpan.Zero), clock.Tick(T0.AddSeconds(10), 2));
    }

    [Fact]
    public void Steps_a_cancelled_tick_did_not_run_are_owed_again()
    {
        var clock = new SimulationClock(T0);
        Assert.Equal(4, clock.Tick(T0.AddSeconds(0.1), 2).Steps);
        clock.Unrun(3);
        Assert.Equal(3, clock.Tick(T0.AddSeconds(0.1), 2).Steps);
    }
}
