using Growth.Domain.Figures;
using Growth.Domain.Records;

namespace Growth.Domain.Journeys;

/// <summary>
/// The retention rule (<see cref="Simulation.OperatingRules.ArchiveClosedAfterDays"/>, setup <c>rules.archiveClosedAfterDays</c>):
/// a journey that closed (lost, disqualified or churned) with nothing left due, whose closing and last activity are more
/// than that many days before now (the simulated clock; for ingested journeys the newest event their shard accepted), is archived. It leaves its shard's list and schedule, the record lists
/// and memory (its stored state too); what it added to the figures stays in its shard's archived totals
/// (<see cref="ArchivedTotals"/>), so every live figure is the same with the rule on as off. Its shard remembers its id
/// and when it was archived: opening it says so, and events sent for it are refused (<see cref="Refusal"/>).
/// </summary>
public static class Archiving
{
    /// <summary>Default retention: 365 days after closing (assumed: a year of lost and churned journeys stays listed).</summary>
    public const int DefaultDays = 365;

    /// <summary>Longest retention a setup may give (100 years).</summary>
    public const int MaxDays = 36_600;

    /// <summary>Whether the row's journey is closed for good as far as the rule goes (lost, disqualified, churned).</summary>
    public static bool Closes(JourneyStatus status) => status is JourneyStatus.Disqualified or JourneyStatus.Lost or JourneyStatus.Churned;

    /// <summary>When the journey closed, for the rule: the later of its closing and its last activity (null: not closed).</summary>
    public static DateTimeOffset? ClosedAt(CustomerRecord row)
    {
        if (!Closes(row.Status)) return null;
        var (closed, last) = (row.ClosedAt, row.LastActivityAt);
        return closed is null ? last ?? row.CreatedAt : last is null || closed >= last ? closed : last;
    }

    /// <summary>The instant from which a journey closed at <paramref name="closedAt"/> is archived (null: never, the rule is off).</summary>
    public static DateTimeOffset? ArchivableFrom(DateTimeOffset closedAt, int days) =>
        days <= 0 ? null : closedAt.AddDays(days);

    /// <summary>Whether the journey of <paramref name="row"/> (<paramref name="nothingDue"/>: its shard holds nothing due for it) may be archived at <paramref name="now"/>.</summary>
    public static bool Archivable(CustomerRecord row, bool nothingDue, DateTimeOffset now, int days) =>
        nothingDue && ClosedAt(row) is { } at && ArchivableFrom(at, days) is { } from && from <= now;

    /// <summary>What an event sent for an archived journey is refused with (the sender sends it under a new journey id).</summary>
    public static string Refusal(string journeyId, DateTimeOffset archivedAt) =>
        $"journey {journeyId} was archived on {archivedAt.UtcDateTime:yyyy-MM-dd} (closed longer ago than rules.archiveClosedAfterDays): send its events under a new journey id";

    /// <summary>What opening an archived journey answers.</summary>
    public static string Opened(string workspace, string journeyId, DateTimeOffset archivedAt) =>
        $"journey {journeyId} of workspace {workspace} was archived on {archivedAt.UtcDateTime:yyyy-MM-dd}: its figures stay in the totals, its record and timeline are no longer kept";
}

/// <summary>
/// What a shard's archived journeys added to the figures, by group: the part of a recount no journey answers for any
/// more. A journey's share is <see cref="Tally.Of"/> its final state, the same it gave every recount while it was kept.
/// </summary>
public sealed class ArchivedTotals
{
    readonly Dictionary<GroupKey, Tally> totals = [];

    public void Add(JourneyState state) => Add(GroupKey.Of(state), Tally.Of(state));

    public void Add(GroupKey key, Tally change)
    {
        if (!totals.TryGetValue(key, out var sum)) totals[key] = sum = new Tally();
        sum.Add(change);
    }

    public void Clear() => totals.Clear();

    /// <summary>The totals as deltas (copies: the caller may change them).</summary>
    public List<TallyDelta> Deltas() =>
        [.. totals.Where(t => !t.Value.IsZero).Select(t => { var copy = new Tally(); copy.Add(t.Value); return new TallyDelta(t.Key, copy); })];

    /// <summary>Totals holding <paramref name="deltas"/> (as stored).</summary>
    public static ArchivedTotals Of(IEnumerable<TallyDelta> deltas)
    {
        var t = new ArchivedTotals();
        foreach (var d in deltas) t.Add(d.Key, d.Change);
        return t;
    }
}
