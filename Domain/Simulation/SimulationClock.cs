namespace Growth.Domain.Simulation;

/// <summary>
/// Turns real time into whole simulated steps at a speed (simulated days per real second). Simulated time not yet
/// stepped is owed to the next tick; a tick runs at most <see cref="MaxStepsPerTick"/> steps, and if the host
/// cannot keep up the rest is dropped (the simulation slows rather than piling up).
/// </summary>
public sealed class SimulationClock
{
    /// <summary>Simulated time covered by one step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromHours(1);

    /// <summary>Most steps one tick may run.</summary>
    public const int MaxStepsPerTick = 96;

    DateTimeOffset lastTick;
    TimeSpan owed;

    /// <summary>Starts counting real time from <paramref name="now"/> with nothing owed.</summary>
    public SimulationClock(DateTimeOffset now) => lastTick = now;

    /// <summary>
    /// How many steps to run for the real time since the last tick at <paramref name="speed"/> simulated days per
    /// second, and how much simulated time was dropped because that would exceed <see cref="MaxStepsPerTick"/>.
    /// </summary>
    public (int Steps, TimeSpan Dropped) Tick(DateTimeOffset now, double speed)
    {
        var real = now - lastTick;
        lastTick = now;
        owed += TimeSpan.FromDays(real.TotalSeconds * speed);
        var steps = (int)Math.Min(MaxStepsPerTick, owed.Ticks / Step.Ticks);
        owed -= Step * steps;
        if (steps < MaxStepsPerTick || owed < Step) return (steps, TimeSpan.Zero);
        var dropped = owed;
        owed = TimeSpan.Zero;
        return (steps, dropped);
    }

    /// <summary>Gives back steps a tick was granted but did not run (it was cancelled), so they are owed again.</summary>
    public void Unrun(int steps) => owed += Step * steps;
}
