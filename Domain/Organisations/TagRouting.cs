using Growth.Domain.Journeys;

namespace Growth.Domain.Organisations;

/// <summary>
/// One assignment rule: leads whose tags match every criterion it names go to its region (the region's least-loaded
/// team) or straight to its team. An empty criterion matches every lead; a rule with no criteria matches all.
/// </summary>
/// <param name="TeamId">The team the leads go to; null: the region's least-loaded team.</param>
public sealed record TagRule(string RegionId, string? TeamId)
{
    public IReadOnlyList<Channel> Sources { get; init; } = [];
    public IReadOnlyList<string> Campaigns { get; init; } = [];
    public IReadOnlyList<string> Segments { get; init; } = [];
    public IReadOnlyList<string> Products { get; init; } = [];
    /// <summary>Custom tags: the lead must carry at least one of them.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool Matches(LeadTags lead) =>
        (Sources.Count == 0 || Sources.Contains(lead.Source))
        && (Campaigns.Count == 0 || (lead.Campaign is { } c && Campaigns.Contains(c)))
        && (Segments.Count == 0 || (lead.Segment is { } s && Segments.Contains(s)))
        && (Products.Count == 0 || (lead.Product is { } p && Products.Contains(p)))
        && (Tags.Count == 0 || lead.Custom.Any(Tags.Contains));
}

/// <summary>Where a tag rule sends a lead: a region, and a team in it or (null) the region's least-loaded team.</summary>
public sealed record TagRoute(int Rule, string RegionId, string? TeamId);

/// <summary>Ordered tag rules: the first rule a lead matches routes it; no match leaves the default (the lead's own region). Pure.</summary>
public static class TagRouting
{
    /// <summary>The route of the first matching rule, or null when none matches (or there are no rules).</summary>
    public static TagRoute? Route(IReadOnlyList<TagRule> rules, LeadTags lead)
    {
        for (var i = 0; i < rules.Count; i++)
            if (rules[i].Matches(lead)) return new TagRoute(i, rules[i].RegionId, rules[i].TeamId);
        return null;
    }
}

/// <summary>What a rep covers (from the setup's territory); an empty list covers everything on that dimension.</summary>
public sealed record RepTerritory
{
    public IReadOnlyList<string> Segments { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> ProductLines { get; init; } = [];

    public static RepTerritory Everywhere { get; } = new();

    /// <summary>
    /// How well the territory owns a lead of <paramref name="tags"/> in <paramref name="regionId"/>: −1 when it
    /// excludes the lead, else the number of dimensions it names the lead's value on (a named owner beats a generalist).
    /// </summary>
    public int Ownership(LeadTags? tags, string? regionId)
    {
        var score = 0;
        if (!Covers(Segments, tags?.Segment, ref score)) return -1;
        if (!Covers(Regions, regionId, ref score)) return -1;
        if (!Covers(ProductLines, tags?.ProductLine, ref score)) return -1;
        return score;
    }

    static bool Covers(IReadOnlyList<string> list, string? value, ref int score)
    {
        // A lead without this tag (no segments set up, say) is not decided by it.
        if (list.Count == 0 || value is null) return true;
        if (!list.Contains(value)) return false;
        score++;
        return true;
    }
}
