using Growth.Domain.Journeys;

namespace Growth.Grains.Journeys;

/// <summary>
/// The shard's own stored record: how many pages its journey list has (<see cref="ShardPageRecord"/>, one stored row
/// each) and the generation they belong to. Before pages (up to 2 Dec 2026) the whole list was kept here, in
/// <see cref="Journeys"/> and then <see cref="Entries"/>, one row of at most 960 KiB in table storage; such a record
/// (and one a restore wrote before restores wrote pages) is read once and moved into pages at activation.
/// </summary>
[GenerateSerializer]
public sealed class ShardRecord
{
    /// <summary>The list as shards kept it before <see cref="Entries"/>: read once, moved into pages on activation.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset?> Journeys { get; set; } = [];
    /// <summary>The list as shards kept it before pages (and as restores wrote it then): read once, moved into pages on activation.</summary>
    [Id(1)] public Dictionary<string, ShardEntry> Entries { get; set; } = [];
    /// <summary>Pages 0 to Pages - 1 may hold journeys; a page not found in storage holds none.</summary>
    [Id(2)] public int Pages { get; set; }
    /// <summary>
    /// Which pages are this shard's (0: none yet): a page of another generation is one left by a reset or a migration
    /// cut short, and is ignored (then written over).
    /// </summary>
    [Id(3)] public long Generation { get; set; }
    /// <summary>Archive pages 0 to ArchivePages - 1 (<see cref="ShardArchive"/>) may hold archived journeys' marks.</summary>
    [Id(195)] public int ArchivePages { get; set; }
    /// <summary>The last archiving whose journeys <see cref="ArchivedTotals"/> counts: a mark of a later one was written by an archiving cut short, and is ignored.</summary>
    [Id(196)] public long ArchivedBatch { get; set; }
    /// <summary>What the archived journeys added to the figures, by group (the part of a recount no journey answers for).</summary>
    [Id(197)] public List<Growth.Domain.Figures.TallyDelta> ArchivedTotals { get; set; } = [];
}

/// <summary>One page of a shard's journey list: up to <see cref="ShardPages.PageSize"/> journeys and their schedule entries.</summary>
[GenerateSerializer]
public sealed class ShardPageRecord
{
    [Id(0)] public long Generation { get; set; }
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
    /// <summary>The page of the shard's list the journey is kept in (not stored: a page's entries are its own).</summary>
    [NonSerialized] public int Page;

    public readonly DateTimeOffset? NextDue => DueTicks == 0 ? null : new DateTimeOffset(DueTicks, TimeSpan.Zero);

    public static ShardEntry Of(DateTimeOffset? nextDue, bool dormant) => new() { DueTicks = nextDue?.UtcTicks ?? 0, Dormant = dormant };
}
