namespace Growth.Domain.Setup;

/// <summary>One field that a new version changed: its path and its value before and after (as written in JSON; null when absent).</summary>
public sealed record SetupChange(string Path, string? Before, string? After)
{
    public override string ToString() => $"{Path}: {Before ?? "(none)"} → {After ?? "(none)"}";
}

/// <summary>
/// One version of a workspace's setup: its number (1, 2, ...), who made it and when, a note, what it changed
/// against the version before, and the simulated time a running simulation took it up (null until then or
/// when nothing runs).
/// </summary>
public sealed record SetupVersionInfo(
    int Number, DateTimeOffset At, string By, string Note, IReadOnlyList<SetupChange> Changes, DateTimeOffset? EffectiveAt);
