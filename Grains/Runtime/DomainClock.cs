namespace Growth.Grains.Runtime;

/// <summary>
/// The key of the clock the domain asks for (workspace time, simulation ticks). Kept apart from the runtime's own
/// TimeProvider so tests can stop the domain's clock without freezing Orleans' timers.
/// </summary>
public static class DomainClock
{
    public const string Key = "growth-clock";
}
