using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Domain.Pool;

/// <summary>A lead as the pool view lists it.</summary>
/// <param name="Since">Unassigned or returned: when it entered the pool (its last activity); overdue: when it was assigned.</param>
/// <param name="Reason">Why it is (or was last) in the pool; null for a lead that never returned.</param>
public sealed record PoolLead(string JourneyId, string? RegionId, string? TeamId, string? RepId, Channel? Channel, string? CampaignId,
    DateTimeOffset? Since, int Returns, string? Reason);

/// <summary>One team's first-contact record: leads overdue now, leads contacted after the deadline, leads returned untouched.</summary>
public sealed record TeamDeadlines(string TeamId, int OverdueNow, int ContactedLate, int ReturnedUntouched)
{
    public int Breaches => OverdueNow + ContactedLate + ReturnedUntouched;
}

/// <summary>
/// The lead pool as one shard (or, merged, the workspace) sees it: open leads waiting in the pool (<see cref="InPool"/>),
/// leads with no rep (<see cref="Unassigned"/>), leads their rep has not contacted by the first-contact deadline
/// (<see cref="Overdue"/>), leads that went back to the pool at least once (<see cref="Returned"/>, with the reason), the
/// open leads counted by tag (source, campaign, segment, product, custom), and each team's deadline breaches. Lists hold at most their limit,
/// oldest first; the counts are whole.
/// </summary>
public sealed record PoolSlice(
    int InPool, int Unassigned, int Overdue, int Returned, int OpenLeads,
    IReadOnlyList<PoolLead> Waiting, IReadOnlyList<PoolLead> OverdueLeads, IReadOnlyList<PoolLead> ReturnedLeads,
    IReadOnlyDictionary<string, int> ByTag, IReadOnlyList<TeamDeadlines> Teams)
{
    public static PoolSlice Empty { get; } = new(0, 0, 0, 0, 0, [], [], [], new Dictionary<string, int>(), []);
}

/// <summary>Cuts and merges the pool view from the record rows the shards keep (no journey is called). Pure.</summary>
public static class LeadPoolView
{
    /// <summary>The reason shown for a returned lead whose row carries none (ingested data): by whether it was ever contacted.</summary>
    public const string NoContactReason = "no first contact by the deadline";
    public const string UnansweredReason = "unanswered follow-ups";

    /// <summary>The shard's cut of the pool, inside <paramref name="scope"/>, as of <paramref name="now"/>.</summary>
    public static PoolSlice Slice(IEnumerable<CustomerRecord> rows, FigureScope scope, DateTimeOffset now, double deadlineHours, int limit)
    {
        var deadline = TimeSpan.FromHours(deadlineHours);
        var waiting = new List<PoolLead>();
        var overdue = new List<PoolLead>();
        var returned = new List<PoolLead>();
        var byTag = new Dictionary<string, int>(StringComparer.Ordinal);
        var teams = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int inPool = 0, unassigned = 0, open = 0;
        foreach (var row in rows)
        {
            if (!row.IsLead || !scope.Includes(row.RegionId, row.TeamId, row.RepId)) continue;
            var openLead = row.Status == JourneyStatus.Prospect;
            var team = row.TeamId is { } t ? teams.TryGetValue(t, out var c) ? c : teams[t] = new int[3] : null;
            if (row.Returns > 0)
            {
                returned.Add(Lead(row, row.LastActivityAt));
                if (row.FirstContactAt is null && team is not null) team[2]++;
            }
            // Late contact is measured on leads that never returned (a returned lead's clock restarted with its new rep).
            if (row.Returns == 0 && row.FirstContactAt is { } contact && row.AssignedAt is { } assigned && contact - assigned > deadline && team is not null) team[1]++;
            if (!openLead) continue;
            open++;
            foreach (var tag in Tags(row)) byTag[tag] = byTag.GetValueOrDefault(tag) + 1;
            if (row.InPool) { inPool++; waiting.Add(Lead(row, row.LastActivityAt)); }
            else if (row.RepId is null) { unassigned++; waiting.Add(Lead(row, row.CreatedAt)); }
            // An uncontacted lead's last event is its (re)assignment: the deadline runs from there.
            else if (row.FirstContactAt is null && (row.LastActivityAt ?? row.AssignedAt) is { } at && now - at > deadline)
            {
                overdue.Add(Lead(row, at));
                if (team is not null) team[0]++;
            }
        }
        return new PoolSlice(inPool, unassigned, overdue.Count, returned.Count, open,
            Oldest(waiting, limit), Oldest(overdue, limit), Oldest(returned, limit), byTag,
            teams.Where(x => x.Value.Any(v => v > 0)).Select(x => new TeamDeadlines(x.Key, x.Value[0], x.Value[1], x.Value[2])).ToList());
    }

    /// <summary>The record list a by-tag count is of: open leads carrying <paramref name="tag"/> (the count equals the list in the same scope).</summary>
    public static RecordQuery TagQuery(string tag) => new() { Kind = RecordKind.Leads, Status = JourneyStatus.Prospect, Tag = tag };

    /// <summary>The workspace's pool from every shard's slice.</summary>
    public static PoolSlice Merge(IEnumerable<PoolSlice> slices, int limit)
    {
        var all = slices.ToList();
        var byTag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (tag, n) in all.SelectMany(s => s.ByTag)) byTag[tag] = byTag.GetValueOrDefault(tag) + n;
        var teams = all.SelectMany(s => s.Teams).GroupBy(t => t.TeamId, StringComparer.Ordinal)
            .Select(g => new TeamDeadlines(g.Key, g.Sum(t => t.OverdueNow), g.Sum(t => t.ContactedLate), g.Sum(t => t.ReturnedUntouched)))
            .OrderByDescending(t => t.Breaches).ThenBy(t => t.TeamId, StringComparer.Ordinal).ToList();
        return new PoolSlice(all.Sum(s => s.InPool), all.Sum(s => s.Unassigned), all.Sum(s => s.Overdue), all.Sum(s => s.Returned),
            all.Sum(s => s.OpenLeads), Oldest(all.SelectMany(s => s.Waiting), limit), Oldest(all.SelectMany(s => s.OverdueLeads), limit),
            Oldest(all.SelectMany(s => s.ReturnedLeads), limit),
            byTag.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Value), teams);
    }

    /// <summary>
    /// The tags an open lead is counted under: its source (channel), its campaign and the tags it keeps (segment, product,
    /// custom): each as the record lists' tag filter takes it (<see cref="RecordQuery.Tag"/>).
    /// </summary>
    static IEnumerable<string> Tags(CustomerRecord row)
    {
        if (row.Channel is { } channel) yield return "source:" + Organisations.LeadTags.SourceName(channel);
        if (row.CampaignId is { } campaign) yield return "campaign:" + campaign;
        foreach (var tag in Organisations.LeadTagText.Split(row.Tags)) yield return tag;
    }

    static PoolLead Lead(CustomerRecord row, DateTimeOffset? since) =>
        new(row.JourneyId, row.RegionId, row.TeamId, row.RepId, row.Channel, row.CampaignId, since, row.Returns,
            row.Returns == 0 ? null : row.PoolReason ?? (row.FirstContactAt is null ? NoContactReason : UnansweredReason));

    static List<PoolLead> Oldest(IEnumerable<PoolLead> leads, int limit) =>
        leads.OrderBy(l => l.Since ?? DateTimeOffset.MaxValue).ThenBy(l => l.JourneyId, StringComparer.Ordinal).Take(limit).ToList();
}
