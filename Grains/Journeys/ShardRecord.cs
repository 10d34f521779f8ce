using Growth.Domain.Journeys;

namespace Growth.Grains.Journeys;

/// <summary>Persisted part of a shard: its journeys, when each is next due and whether it left memory.</summary>
[GenerateSerializer]
public sealed class ShardRecord
{
    /// <summary>The list as shards kept it before <see cref="Entries"/>: read once, moved into Entries on activation.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset?> Journeys { get; set; } = [];
    [Id(1)] public Dictionary<string, ShardEntry> Entries { get; set; } = [];
}

/// <summary>
/// What a shard keeps of one journey, activated or not: when it is next due (UTC ticks, 0: nothing due) and whether it
/// went to sleep (<see cref="Dormancy"/>). A struct of 16 bytes beside the id: a dormant journey costs its shard this
/// entry, not an activation.
/// </summary>
[GenerateSerializer]
public struct ShardEntry
{
    [Id(0)] public long DueTicks;
    [Id(1)] public bool Dormant;

    public readonly DateTimeOffset? NextDue => DueTicks == 0 ? null : new DateTimeOffset(DueTicks, TimeSpan.Zero);

    public static ShardEntry Of(DateTimeOffset? nextDue, bool dormant) => new() { DueTicks = nextDue?.UtcTicks ?? 0, Dormant = dormant };
}
