using Growth.Domain.Workspaces;

namespace Growth.Domain.Setup.Validation;

/// <summary>Rules for regions, teams and reps.</summary>
internal static class OrganisationRules
{
    /// <summary>Most open leads and opportunities a rep may carry (a sanity bound, assumed).</summary>
    public const int MaxCapacity = 10_000;

    /// <summary>Earliest and latest hire dates accepted (sanity bounds, assumed).</summary>
    public static readonly DateOnly EarliestHire = new(1900, 1, 1), LatestHire = new(2100, 12, 31);

    static readonly string[] SkillNames = ["opening", "rapport", "topic", "trialClose", "objectionHandling", "close"];

    /// <summary>An empty organisation is valid: the simulation's defaults fill it in.</summary>
    public static void Check(OrganisationSetup organisation, SetupIndex index, ProblemList problems)
    {
        var regionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var teamIds = new Dictionary<string, string>(StringComparer.Ordinal);
        // rep id → (path of its first place, team id there)
        var repPlaces = new Dictionary<string, (string Path, string Team)>(StringComparer.Ordinal);
        for (var r = 0; r < organisation.Regions.Count; r++)
        {
            var region = organisation.Regions[r];
            var at = SetupPath.Item("organisation", "regions", r);
            if (problems.Id(SetupPath.Field(at, "id"), region.Id)) problems.Unique(SetupPath.Field(at, "id"), region.Id, "region", regionIds);
            problems.Text(SetupPath.Field(at, "name"), region.Name);
            if (region.Teams.Count == 0) problems.Add(SetupPath.Field(at, "teams"), "a region needs at least one team");
            for (var t = 0; t < region.Teams.Count; t++)
                Team(region.Teams[t], SetupPath.Item(at, "teams", t), index, teamIds, repPlaces, problems);
        }
    }

    static void Team(TeamSetup team, string at, SetupIndex index, Dictionary<string, string> teamIds,
        Dictionary<string, (string Path, string Team)> repPlaces, ProblemList problems)
    {
        if (problems.Id(SetupPath.Field(at, "id"), team.Id)) problems.Unique(SetupPath.Field(at, "id"), team.Id, "team", teamIds);
        problems.Text(SetupPath.Field(at, "name"), team.Name);
        problems.Text(SetupPath.Field(at, "leader"), team.Leader);
        problems.Defined(SetupPath.Field(at, "assignment"), team.Assignment);
        if (team.Reps.Count == 0) problems.Add(SetupPath.Field(at, "reps"), "a team needs at least one rep");
        for (var i = 0; i < team.Reps.Count; i++)
        {
            var rep = team.Reps[i];
            var repAt = SetupPath.Item(at, "reps", i);
            var idAt = SetupPath.Field(repAt, "id");
            if (problems.Id(idAt, rep.Id) && !repPlaces.TryAdd(rep.Id, (repAt, team.Id)))
            {
                var first = repPlaces[rep.Id];
                problems.Add(idAt, first.Team == team.Id
                    ? $"rep '{rep.Id}' is listed twice in team {team.Id} (also at {first.Path})"
                    : $"rep '{rep.Id}' is also in team {first.Team} ({first.Path})");
            }
            Rep(rep, repAt, index, problems);
        }
    }

    static void Rep(RepSetup rep, string at, SetupIndex index, ProblemList problems)
    {
        problems.Text(SetupPath.Field(at, "name"), rep.Name);
        if (rep.Role is { } role && !Names.IsValidId(role))
            problems.Add(SetupPath.Field(at, "role"), $"rep '{rep.Id}' has role '{role}', which must be {Names.IdRule}");
        if (rep.Capacity is < 1 or > MaxCapacity)
            problems.Add(SetupPath.Field(at, "capacity"), $"must be between 1 and {MaxCapacity} (was {rep.Capacity})");
        var skills = rep.Skills.ToArray();
        for (var s = 0; s < skills.Length; s++)
            if (!(skills[s] is >= 0 and <= 1)) problems.Share(SetupPath.Field(SetupPath.Field(at, "skills"), SkillNames[s]), skills[s]);
        problems.Share(SetupPath.Field(at, "incentive"), rep.Incentive);
        problems.Between(SetupPath.Field(at, "optimism"), rep.Optimism, -1, 1);
        problems.AtLeast(SetupPath.Field(at, "quota"), rep.Quota, 0m);
        if (rep.HireDate is { } hired && (hired < EarliestHire || hired > LatestHire))
            problems.Add(SetupPath.Field(at, "hireDate"),
                $"must be between {ProblemList.Show(EarliestHire)} and {ProblemList.Show(LatestHire)} (was {ProblemList.Show(hired)})");
        Territory(rep.Territory, SetupPath.Field(at, "territory"), index, problems);
    }

    static void Territory(TerritorySetup territory, string at, SetupIndex index, ProblemList problems)
    {
        for (var i = 0; i < territory.Segments.Count; i++)
            if (string.IsNullOrWhiteSpace(territory.Segments[i])) problems.Add(SetupPath.Item(at, "segments", i), "must not be empty");
        for (var i = 0; i < territory.Regions.Count; i++)
            if (!index.Regions.Contains(territory.Regions[i] ?? ""))
                problems.Add(SetupPath.Item(at, "regions", i), $"unknown region '{territory.Regions[i]}'");
        if (index.Products.Count == 0) return; // no catalogue yet: product lines cannot be checked
        for (var i = 0; i < territory.ProductLines.Count; i++)
            if (!index.Series.Contains(territory.ProductLines[i] ?? ""))
                problems.Add(SetupPath.Item(at, "productLines", i), $"unknown product line '{territory.ProductLines[i]}' (no product in the catalogue has this series)");
    }
}
