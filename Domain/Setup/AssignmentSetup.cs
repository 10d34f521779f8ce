using Growth.Domain.Journeys;

namespace Growth.Domain.Setup;

/// <summary>
/// The tags the simulation puts on each lead besides its source (channel and campaign) and the product it asks about
/// (drawn by the catalogue's mix): a segment drawn by the segments' shares, and custom tags on a share of leads.
/// </summary>
public sealed record LeadTagsSetup
{
    /// <summary>Segments leads come from; their shares add up to 1 (none: leads carry no segment).</summary>
    public IReadOnlyList<SegmentShareSetup> Segments { get; init; } = [];
    /// <summary>Custom tags, each on its share of leads (from every channel, or only the channels named).</summary>
    public IReadOnlyList<CustomTagSetup> Custom { get; init; } = [];
}

public sealed record SegmentShareSetup
{
    public string Name { get; init; } = "";
    /// <summary>Share of leads from this segment, 0..1.</summary>
    public double Share { get; init; }
}

public sealed record CustomTagSetup
{
    public string Name { get; init; } = "";
    /// <summary>Share of leads (of the channels named) carrying the tag, 0..1.</summary>
    public double Share { get; init; }
    /// <summary>Channels whose leads may carry it; empty: every channel.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];
}

/// <summary>
/// One assignment rule, tried in order: a lead whose tags match every criterion given goes to the rule's team (or,
/// with only a region, to that region's least-loaded team). A lead no rule matches stays in its own region (the default).
/// Within the team the team's own rule picks the rep (<c>organisation...teams[].assignment</c>).
/// </summary>
public sealed record TagRuleSetup
{
    /// <summary>Channels the lead came through (empty: any).</summary>
    public IReadOnlyList<Channel> Sources { get; init; } = [];
    /// <summary>Campaign ids (empty: any).</summary>
    public IReadOnlyList<string> Campaigns { get; init; } = [];
    /// <summary>Segments from <c>rules.tags.segments</c> (empty: any).</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];
    /// <summary>Product ids of interest (empty: any).</summary>
    public IReadOnlyList<string> Products { get; init; } = [];
    /// <summary>Custom tags from <c>rules.tags.custom</c>; the lead needs one of them (empty: any).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Region the leads go to (may be left out when the team is given).</summary>
    public string? Region { get; init; }
    /// <summary>Team the leads go to; none: the region's least-loaded team.</summary>
    public string? Team { get; init; }
}
