using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Import;

/// <summary>
/// The sales teams file as an <see cref="Organisation"/>: a region per regional office, a team per manager
/// (led by the manager, in the office of the manager's first agent), a rep per agent. Also finds the rep,
/// team and region of an agent named in the pipeline.
/// </summary>
internal sealed class SalesDirectory
{
    /// <summary>Skills of an imported rep: average at every step, since a CRM export says nothing about skill.</summary>
    const double AverageSkill = 0.5;
    const int ImportedRepCapacity = 40;

    readonly Dictionary<string, RepPlacement> byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, RepPlacement> byKey = new(StringComparer.Ordinal);
    readonly List<Office> offices = [];
    readonly List<Team> teams = [];

    sealed record Office(string Id, string Name, List<string> TeamIds);
    sealed record Team(string Id, string Manager, string RegionId, List<RepProfile> Reps);

    /// <summary>Reads the teams file; rows that cannot be used are skipped with a note.</summary>
    public static SalesDirectory Read(CsvTable table, CrmColumnMapping mapping, ICollection<string> notes)
    {
        var directory = new SalesDirectory();
        int agent = table.Columns[mapping.TeamAgent], manager = table.Columns[mapping.TeamManager], office = table.Columns[mapping.TeamOffice];
        foreach (var row in table.Records)
        {
            var skip = row.Problem
                ?? (row[agent].Length == 0 ? "no agent" : null)
                ?? (row[manager].Length == 0 ? $"agent '{row[agent]}' has no manager" : null)
                ?? (row[office].Length == 0 ? $"agent '{row[agent]}' has no regional office" : null)
                ?? (directory.Knows(row[agent]) ? $"agent '{row[agent]}' listed again" : null);
            if (skip is not null) notes.Add($"{table.Name} line {row.Line}: {skip}; row skipped");
            else directory.Add(row[agent], row[manager], row[office], $"{table.Name} line {row.Line}", notes);
        }
        return directory;
    }

    /// <summary>Region and team of every rep when the export has no teams file (assumed: one team, one region).</summary>
    public const string AllRepsTeam = "All reps", AllRegion = "All";

    /// <summary>
    /// The reps of an export without a teams file: one per distinct value of the owner column, in the order the
    /// pipeline first names them, all in one team (<see cref="AllRepsTeam"/>) of one region, as the export says nothing
    /// of teams. Owners differing only in spaces and case are one rep.
    /// </summary>
    public static SalesDirectory FromOwners(CsvTable pipeline, string ownerColumn, ICollection<string> notes)
    {
        var directory = new SalesDirectory();
        var index = pipeline.Columns[ownerColumn];
        foreach (var row in pipeline.Records)
            if (row.Problem is null && row[index].Length > 0 && !directory.Knows(row[index]))
                directory.Add(row[index], AllRepsTeam, AllRegion, $"{pipeline.Name} line {row.Line}", notes);
        notes.Add($"no teams file: {directory.byName.Count} reps from column {ownerColumn} of {pipeline.Name}, in one team '{AllRepsTeam}' of region '{AllRegion}'");
        return directory;
    }

    /// <summary>Whether an agent of this name, or one that would get the same id, is already placed.</summary>
    bool Knows(string agent) =>
        byKey.ContainsKey(CrmNames.MatchKey(agent)) || byName.Values.Any(p => p.RepId == CrmNames.Slug(agent));

    void Add(string agent, string manager, string officeName, string where, ICollection<string> notes)
    {
        var team = TeamOf(manager, OfficeOf(officeName));
        if (!string.Equals(team.RegionId, CrmNames.Slug(officeName), StringComparison.Ordinal))
            notes.Add($"{where}: manager '{manager}' already leads a team in {team.RegionId}; agent '{agent}' counted there, not in {officeName}");
        var rep = new RepProfile
        {
            Id = CrmNames.Slug(agent),
            Name = agent,
            TeamId = team.Id,
            Skills = Enumerable.Repeat(AverageSkill, Enum.GetValues<ConversationStep>().Length).ToArray(),
            Capacity = ImportedRepCapacity,
        };
        team.Reps.Add(rep);
        var placement = new RepPlacement(rep.Id, team.Id, team.RegionId);
        byName[agent] = placement;
        byKey[CrmNames.MatchKey(agent)] = placement;
    }

    Office OfficeOf(string name)
    {
        var id = CrmNames.Slug(name);
        var office = offices.Find(o => o.Id == id);
        if (office is null) offices.Add(office = new Office(id, name, []));
        return office;
    }

    Team TeamOf(string manager, Office office)
    {
        var id = CrmNames.Slug(manager);
        var team = teams.Find(t => t.Id == id);
        if (team is null)
        {
            teams.Add(team = new Team(id, manager, office.Id, []));
            office.TeamIds.Add(id);
        }
        return team;
    }

    /// <summary>The agent's placement, and whether it was found only ignoring spaces and case; null if unknown.</summary>
    public (RepPlacement? Placement, bool Loose) Find(string agent)
    {
        if (byName.TryGetValue(agent, out var exact)) return (exact, false);
        return byKey.TryGetValue(CrmNames.MatchKey(agent), out var loose) ? (loose, true) : (null, false);
    }

    /// <summary>The organisation, in the order the teams file first names each office, manager and agent.</summary>
    public Organisation ToOrganisation() => new()
    {
        Regions = offices.Select(o => new RegionProfile { Id = o.Id, Name = o.Name, TeamIds = o.TeamIds.ToArray() }).ToArray(),
        Teams = teams.Select(t => new TeamProfile
        {
            Id = t.Id,
            Name = t.Manager,
            RegionId = t.RegionId,
            LeaderName = t.Manager,
            Reps = t.Reps.ToArray(),
        }).ToArray(),
        Campaigns = [],
    };
}
