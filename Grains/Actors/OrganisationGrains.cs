using Growth.Grains.Contracts;
using Growth.Grains.Hosting;
using Growth.Grains.Model;

namespace Growth.Grains.Actors;

/// <summary>A rep's profile: the source the team's roster is built from.</summary>
public sealed class RepGrain(
    [PersistentState("rep", GrowthSilo.StorageName)] IPersistentState<RepRecord> record) : Grain, IRepGrain
{
    public async Task SetProfileAsync(RepProfile profile)
    {
        if (profile.Skills.Length != Enum.GetValues<ConversationStep>().Length)
            throw new DomainException($"rep {profile.Id} needs one skill per conversation step ({Enum.GetValues<ConversationStep>().Length}), got {profile.Skills.Length}");
        if (profile.Skills.Any(s => s is < 0 or > 1)) throw new DomainException($"rep {profile.Id}: skills must be between 0 and 1");
        if (profile.Capacity <= 0) throw new DomainException($"rep {profile.Id}: capacity must be positive (was {profile.Capacity})");
        record.State.Profile = profile;
        await record.WriteStateAsync();
    }

    public Task<RepProfile?> GetProfileAsync() => Task.FromResult(record.State.Profile);
}

[GenerateSerializer]
public sealed class RepRecord
{
    [Id(0)] public RepProfile? Profile { get; set; }
}

[GenerateSerializer]
public sealed class TeamRecord
{
    [Id(0)] public TeamProfile? Team { get; set; }
    [Id(1)] public int[] Loads { get; set; } = [];
    [Id(2)] public long Assigned { get; set; }
}

/// <summary>A team: hands each incoming lead to a rep by its rule and keeps every rep's open load.</summary>
public sealed class TeamGrain(
    [PersistentState("team", GrowthSilo.StorageName)] IPersistentState<TeamRecord> record) : Grain, ITeamGrain
{
    public async Task ConfigureAsync(TeamProfile team)
    {
        if (team.Reps.Count == 0) throw new DomainException($"team {team.Id} needs at least one rep");
        record.State = new TeamRecord { Team = team, Loads = new int[team.Reps.Count] };
        await record.WriteStateAsync();
    }

    public async Task<IReadOnlyList<RepAssignment>> AssignAsync(int leads)
    {
        var team = record.State.Team ?? throw new DomainException($"team {this.GetPrimaryKeyString()} is not configured", DomainErrorKind.NotFound);
        var loads = record.State.Loads;
        var result = new List<RepAssignment>(leads);
        for (var i = 0; i < leads; i++)
        {
            var pick = LeadAssignment.Pick(team.Rule, team.Reps, loads, record.State.Assigned++);
            var rep = team.Reps[pick];
            result.Add(new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, loads[pick], rep.Capacity));
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

[GenerateSerializer]
public sealed class RegionRecord
{
    [Id(0)] public RegionProfile? Region { get; set; }
    [Id(1)] public string[] TeamIds { get; set; } = [];
    [Id(2)] public int[] Capacity { get; set; } = [];
    [Id(3)] public int[] Loads { get; set; } = [];
}

/// <summary>A region: sends each incoming lead to its least-loaded team (relative to capacity).</summary>
public sealed class RegionGrain(
    [PersistentState("region", GrowthSilo.StorageName)] IPersistentState<RegionRecord> record) : Grain, IRegionGrain
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
            var best = 0;
            for (var t = 1; t < s.TeamIds.Length; t++)
                if ((double)s.Loads[t] / Math.Max(1, s.Capacity[t]) < (double)s.Loads[best] / Math.Max(1, s.Capacity[best])) best = t;
            teamOfLead[i] = best;
            s.Loads[best]++;
        }
        var result = new RepAssignment[leads.Count];
        for (var t = 0; t < s.TeamIds.Length; t++)
        {
            var indexes = Enumerable.Range(0, leads.Count).Where(i => teamOfLead[i] == t).ToList();
            if (indexes.Count == 0) continue;
            var assigned = await Team(s.TeamIds[t]).AssignAsync(indexes.Count);
            for (var k = 0; k < indexes.Count; k++) result[indexes[k]] = assigned[k];
        }
        await record.WriteStateAsync();
        return result;
    }

    ITeamGrain Team(string teamId) => GrainFactory.GetGrain<ITeamGrain>(Keys.Of(Workspace, teamId));
}

[GenerateSerializer]
public sealed class CampaignRecord
{
    [Id(0)] public CampaignProfile? Campaign { get; set; }
    [Id(1)] public BehaviourParameters? Parameters { get; set; }
    [Id(2)] public ulong Rng { get; set; }
    [Id(3)] public long LeadCount { get; set; }
    [Id(4)] public long Touches { get; set; }
    [Id(5)] public decimal Spend { get; set; }
}

/// <summary>A campaign: spends its budget and brings leads of its channel's quality.</summary>
public sealed class CampaignGrain(
    [PersistentState("campaign", GrowthSilo.StorageName)] IPersistentState<CampaignRecord> record) : Grain, ICampaignGrain
{
    public async Task ConfigureAsync(CampaignProfile campaign, ParametersRef parameters, ulong seed)
    {
        if (campaign.DailyBudget < 0) throw new DomainException($"campaign {campaign.Id}: daily budget must not be negative (was {campaign.DailyBudget})");
        if (!parameters.Value.Channels.ContainsKey(campaign.Channel))
            throw new DomainException($"campaign {campaign.Id}: no lead quality is defined for channel {campaign.Channel}");
        record.State = new CampaignRecord { Campaign = campaign, Parameters = parameters.Value, Rng = seed };
        await record.WriteStateAsync();
    }

    public async Task<CampaignBatch> RunAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var s = record.State;
        var campaign = s.Campaign ?? throw new DomainException($"campaign {this.GetPrimaryKeyString()} is not configured", DomainErrorKind.NotFound);
        var rng = new Prng(s.Rng);
        var (touches, spend, generated) = CampaignReach.Run(campaign, s.Parameters ?? BehaviourParameters.Default, rng, from, to);
        var leads = new List<NewLead>(generated.Count);
        foreach (var g in generated)
            leads.Add(new NewLead($"{campaign.Id}-{++s.LeadCount}", g.At, g.RegionId, campaign.Id, campaign.Channel, g.Persona));
        s.Rng = rng.State;
        s.Touches += touches;
        s.Spend += spend;
        await record.WriteStateAsync();
        return new CampaignBatch(campaign.Id, touches, spend, leads);
    }

    public Task<CampaignProfile?> GetProfileAsync() => Task.FromResult(record.State.Campaign);
}
