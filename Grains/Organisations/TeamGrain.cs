using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Organisations;

[GenerateSerializer]
public sealed class TeamRecord
{
    [Id(0)] public TeamProfile? Team { get; set; }
    [Id(1)] public int[] Loads { get; set; } = [];
    [Id(2)] public long Assigned { get; set; }
}

/// <summary>A team: hands each incoming lead to a rep by its rule and keeps every rep's open load.</summary>
public sealed class TeamGrain(
    [PersistentState("team", GrainStorage.Name)] IPersistentState<TeamRecord> record) : Grain, ITeamGrain
{
    public async Task ConfigureAsync(TeamProfile team)
    {
        if (team.Reps.Count == 0) throw new DomainException($"team {team.Id} needs at least one rep");
        record.State = new TeamRecord { Team = team, Loads = new int[team.Reps.Count] };
        await record.WriteStateAsync();
    }

    public async Task ReconfigureAsync(TeamProfile team)
    {
        if (team.Reps.Count == 0) throw new DomainException($"team {team.Id} needs at least one rep");
        var old = record.State.Team;
        var loads = new int[team.Reps.Count];
        if (old is not null)
            for (var i = 0; i < team.Reps.Count; i++)
                if (IndexOf(old, team.Reps[i].Id) is var index and >= 0 && index < record.State.Loads.Length) loads[i] = record.State.Loads[index];
        record.State = new TeamRecord { Team = team, Loads = loads, Assigned = record.State.Assigned };
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<RepAssignment>> AssignAsync(int leads) => AssignTaggedAsync(new LeadTags?[leads]);

    public async Task<IReadOnlyList<RepAssignment>> AssignTaggedAsync(IReadOnlyList<LeadTags?> leads)
    {
        var team = record.State.Team ?? throw new DomainException($"team {this.GetPrimaryKeyString()} is not configured", DomainErrorKind.NotFound);
        var loads = record.State.Loads;
        var result = new List<RepAssignment>(leads.Count);
        for (var i = 0; i < leads.Count; i++)
        {
            var pick = LeadAssignment.Pick(team.Rule, team.Reps, loads, record.State.Assigned++, leads[i], team.RegionId);
            var rep = team.Reps[pick];
            result.Add(new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, loads[pick], rep.Capacity, rep.HireDate));
            loads[pick]++;
        }
        await record.WriteStateAsync();
        return result;
    }

    public async Task ReleaseAsync(IReadOnlyList<string> repIds)
    {
        var team = record.State.Team;
        if (team is null || repIds.Count == 0) return;
        foreach (var repId in repIds)
        {
            var index = IndexOf(team, repId);
            if (index >= 0 && record.State.Loads[index] > 0) record.State.Loads[index]--;
        }
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, int>> GetLoadsAsync()
    {
        var team = record.State.Team;
        IReadOnlyDictionary<string, int> loads = team is null
            ? new Dictionary<string, int>()
            : team.Reps.Select((r, i) => (r.Id, record.State.Loads[i])).ToDictionary(x => x.Id, x => x.Item2);
        return Task.FromResult(loads);
    }

    public Task<TeamProfile?> GetProfileAsync() => Task.FromResult(record.State.Team);

    static int IndexOf(TeamProfile team, string repId)
    {
        for (var i = 0; i < team.Reps.Count; i++) if (team.Reps[i].Id == repId) return i;
        return -1;
    }
}
