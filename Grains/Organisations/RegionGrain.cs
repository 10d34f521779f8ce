using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Organisations;

[GenerateSerializer]
public sealed class RegionRecord
{
    [Id(0)] public RegionProfile? Region { get; set; }
    [Id(1)] public string[] TeamIds { get; set; } = [];
    [Id(2)] public int[] Capacity { get; set; } = [];
    [Id(3)] public int[] Loads { get; set; } = [];
}

/// <summary>A region: sends each incoming lead to the team a tag rule named, else to its least-loaded team (relative to capacity).</summary>
public sealed class RegionGrain(
    [PersistentState("region", GrainStorage.Name)] IPersistentState<RegionRecord> record) : Grain, IRegionGrain
{
    string Workspace => Keys.Split(this.GetPrimaryKeyString()).Workspace;

    public async Task ConfigureAsync(RegionProfile region, IReadOnlyList<TeamProfile> teams)
    {
        if (teams.Count == 0) throw new DomainException($"region {region.Id} needs at least one team");
        record.State = new RegionRecord
        {
            Region = region,
            TeamIds = teams.Select(t => t.Id).ToArray(),
            Capacity = teams.Select(t => t.Reps.Sum(r => r.Capacity)).ToArray(),
            Loads = new int[teams.Count],
        };
        await record.WriteStateAsync();
    }

    public async Task ReconfigureAsync(RegionProfile region, IReadOnlyList<TeamProfile> teams)
    {
        if (teams.Count == 0) throw new DomainException($"region {region.Id} needs at least one team");
        var old = record.State;
        record.State = new RegionRecord
        {
            Region = region,
            TeamIds = teams.Select(t => t.Id).ToArray(),
            Capacity = teams.Select(t => t.Reps.Sum(r => r.Capacity)).ToArray(),
            Loads = teams.Select(t => Array.IndexOf(old.TeamIds, t.Id) is var i and >= 0 && i < old.Loads.Length ? old.Loads[i] : 0).ToArray(),
        };
        await record.WriteStateAsync();
    }

    public async Task<IReadOnlyList<RepAssignment>> RouteAsync(IReadOnlyList<NewLead> leads, IReadOnlyList<RepRelease> releases)
    {
        var s = record.State;
        if (s.Region is null) throw new DomainException($"region {this.GetPrimaryKeyString()} is not configured", DomainErrorKind.NotFound);
        foreach (var group in releases.GroupBy(r => r.TeamId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = Array.IndexOf(s.TeamIds, group.Key);
            if (index < 0) continue;
            s.Loads[index] = Math.Max(0, s.Loads[index] - group.Count());
            await Team(group.Key).ReleaseAsync(group.Select(r => r.RepId).ToList());
        }
        var teamOfLead = new int[leads.Count];
        for (var i = 0; i < leads.Count; i++)
        {
            // A tag rule's team takes the lead; else the least-loaded team.
            var best = leads[i].TeamId is { } named ? Array.IndexOf(s.TeamIds, named) : -1;
            if (best < 0)
            {
                best = 0;
                for (var t = 1; t < s.TeamIds.Length; t++)
                    if ((double)s.Loads[t] / Math.Max(1, s.Capacity[t]) < (double)s.Loads[best] / Math.Max(1, s.Capacity[best])) best = t;
            }
            teamOfLead[i] = best;
            s.Loads[best]++;
        }
        var result = new RepAssignment[leads.Count];
        for (var t = 0; t < s.TeamIds.Length; t++)
        {
            var indexes = Enumerable.Range(0, leads.Count).Where(i => teamOfLead[i] == t).ToList();
            if (indexes.Count == 0) continue;
            var assigned = await Team(s.TeamIds[t]).AssignTaggedAsync(indexes.Select(i => leads[i].Tags).ToList());
            for (var k = 0; k < indexes.Count; k++) result[indexes[k]] = assigned[k];
        }
        await record.WriteStateAsync();
        return result;
    }

    ITeamGrain Team(string teamId) => GrainFactory.GetGrain<ITeamGrain>(Keys.Of(Workspace, teamId));
}
