namespace Growth.Domain.Journeys;

/// <summary>
/// When a journey may leave memory: nothing of it is due within <see cref="Horizon"/> of the simulated now (a lost,
/// disqualified or churned journey has nothing due at all; a retained customer waits weeks for its next repurchase).
/// Its shard keeps when it is next due and wakes it then; an ingested event or a reader wakes it too.
/// </summary>
/// <param name="Horizon">
/// Simulated time within which a journey with something due stays in memory. Default 7 simulated days (assumed: a
/// week keeps every open lead, whose follow-ups come every few days, in memory, and lets customers waiting weeks
/// for a repurchase go). Shorter saves memory and costs a reactivation (a storage read) per wake-up.
/// </param>
public sealed record Dormancy(TimeSpan Horizon)
{
    /// <summary>Default horizon: 7 simulated days (assumed, see the parameter).</summary>
    public static readonly Dormancy Default = new(TimeSpan.FromDays(7));

    /// <summary>Journeys never leave memory (every journey stays activated, as before dormancy): for comparisons.</summary>
    public static readonly Dormancy Off = new(TimeSpan.MaxValue);

    /// <summary>False for <see cref="Off"/>.</summary>
    public bool Enabled => Horizon != TimeSpan.MaxValue;

    /// <summary>True when nothing is due before <paramref name="now"/> + <see cref="Horizon"/> (null: nothing is due ever).</summary>
    public bool IsDormant(DateTimeOffset? nextDue, DateTimeOffset now) =>
        Enabled && (nextDue is not { } due || due - now > Horizon);

    /// <summary>
    /// After external events (ingestion): only a closed journey (lost, disqualified, churned) with nothing due goes to
    /// sleep; an open live journey is likely to hear from its CRM again soon, and waking it costs a storage read.
    /// </summary>
    public bool IsDormantAfterEvents(JourneyState state, DateTimeOffset? nextDue) =>
        state.IsClosed && (state.LastEventAt is { } at ? IsDormant(nextDue, at) : nextDue is null);
}
