using System.Globalization;
using Growth.Domain.Journeys;
using Growth.Domain.LongRun;
using Growth.Domain.Organisations;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Simulation;

/// <summary>
/// Tells the organisation's grains that reps left and new reps joined (the long run's turnover), and hands the open
/// leads and opportunities of those who left to the reps their team picks, each with the reason. Not a grain: the
/// simulation grain runs it in its own turn, between two steps.
/// </summary>
public sealed class LongRunCrew(IGrainFactory grains, string workspace)
{
    /// <summary>
    /// <paramref name="organisation"/> is the one after the change. New reps get their profiles, the teams and regions
    /// touched are reconfigured (keeping their open loads), then the leavers' open leads are handed over. Returns the
    /// notable events: who left (and how many leads were handed over), who joined.
    /// </summary>
    public async Task<List<NotableEvent>> ChangeAsync(Organisation organisation, IReadOnlyList<RepProfile> leaving, IReadOnlyList<RepProfile> hired, DateTimeOffset at)
    {
        await Task.WhenAll(hired.Select(r => grains.GetGrain<IRepGrain>(Keys.Of(workspace, r.Id)).SetProfileAsync(r)));
        var touched = leaving.Concat(hired).Select(r => r.TeamId).ToHashSet();
        var teams = organisation.Teams.Where(t => touched.Contains(t.Id)).ToList();
        await Task.WhenAll(teams.Select(t => Team(t.Id).ReconfigureAsync(t)));
        var regions = teams.Select(t => t.RegionId).ToHashSet();
        await Task.WhenAll(organisation.Regions.Where(r => regions.Contains(r.Id)).Select(r =>
            grains.GetGrain<IRegionGrain>(Keys.Of(workspace, r.Id)).ReconfigureAsync(r, organisation.Teams.Where(t => t.RegionId == r.Id).ToList())));
        var handedOver = await HandOverAsync(leaving, organisation, at);
        var notes = new List<NotableEvent>();
        foreach (var r in leaving)
            notes.Add(new NotableEvent("RepLeft", $"{r.Name} left {TeamName(organisation, r.TeamId)}: {handedOver.GetValueOrDefault(r.Id)} open leads handed over", at));
        foreach (var r in hired)
            notes.Add(new NotableEvent("RepJoined", $"{r.Name} joined {TeamName(organisation, r.TeamId)} and is ramping up", at));
        return notes;
    }

    /// <summary>The notable event of a fiscal year's quotas set from the plan.</summary>
    public static NotableEvent QuotasSet(YearPlan plan, double growth) => new("QuotasSet",
        string.Create(CultureInfo.InvariantCulture, $"Quotas for the fiscal year set from the plan: {plan.Plan:N0} (last year's revenue {plan.LastYearRevenue:N0} × {1 + growth:0.##})"),
        plan.YearStart);

    /// <summary>Hands the leavers' open journeys (read from the shards' record rows) to their teams; returns how many per leaver.</summary>
    async Task<Dictionary<string, int>> HandOverAsync(IReadOnlyList<RepProfile> leaving, Organisation organisation, DateTimeOffset at)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (leaving.Count == 0 || organisation.Teams.Count == 0) return counts;
        var repIds = leaving.Select(r => r.Id).ToList();
        var open = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).OpenLeadsOfAsync(repIds))))
            .SelectMany(s => s).OrderBy(s => s.JourneyId, StringComparer.Ordinal).ToList();
        var handovers = new List<JourneyHandover>(open.Count);
        foreach (var group in open.GroupBy(o => TeamFor(o, organisation)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var assigned = await Team(group.Key).AssignAsync(group.Count());
            handovers.AddRange(group.Select((o, i) => new JourneyHandover(o.JourneyId, assigned[i])));
        }
        await Task.WhenAll(handovers.GroupBy(h => Keys.ShardOf(h.JourneyId))
            .Select(g => Shard(g.Key).ReassignAsync(g.ToList(), repIds, at, LongRunLive.RepLeftReason)));
        foreach (var o in open) counts[o.RepId] = counts.GetValueOrDefault(o.RepId) + 1;
        return counts;
    }

    static string TeamFor(OpenLead lead, Organisation organisation) =>
        organisation.Teams.FirstOrDefault(t => t.Id == lead.TeamId)?.Id
        ?? organisation.Teams.FirstOrDefault(t => t.RegionId == lead.RegionId)?.Id
        ?? organisation.Teams[0].Id;

    static string TeamName(Organisation organisation, string teamId) => organisation.Teams.FirstOrDefault(t => t.Id == teamId)?.Name ?? teamId;

    ITeamGrain Team(string id) => grains.GetGrain<ITeamGrain>(Keys.Of(workspace, id));
    IJourneyShardGrain Shard(int index) => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, index));
}
