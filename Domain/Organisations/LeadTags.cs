using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Organisations;

/// <summary>
/// The tags a lead carries: its source (channel and campaign), its segment, the product it is interested in (and that
/// product's line), and any custom tags. Assignment rules route on them (<see cref="TagRouting"/>).
/// </summary>
public sealed record LeadTags
{
    public Channel Source { get; init; }
    public string? Campaign { get; init; }
    public string? Segment { get; init; }
    /// <summary>Product id the lead asked about.</summary>
    public string? Product { get; init; }
    /// <summary>The product's line (series), which rep territories name.</summary>
    public string? ProductLine { get; init; }
    public IReadOnlyList<string> Custom { get; init; } = [];

    /// <summary>Every tag as one text each ("source:referral", "segment:smb", "product:gtx", "tag:vip"), for counting.</summary>
    public IEnumerable<string> Texts()
    {
        yield return "source:" + SourceName(Source);
        if (Campaign is not null) yield return "campaign:" + Campaign;
        if (Segment is not null) yield return "segment:" + Segment;
        if (Product is not null) yield return "product:" + Product;
        foreach (var c in Custom) yield return "tag:" + c;
    }

    /// <summary>A channel as the setup file writes it ("paidSearch").</summary>
    public static string SourceName(Channel channel) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(channel.ToString());
}

/// <summary>A segment leads come from and its share of them.</summary>
public sealed record SegmentShare(string Name, double Share);

/// <summary>A product leads ask about: its line and its weight among them (the catalogue's mix).</summary>
public sealed record ProductInterest(string Id, string Line, double Mix);

/// <summary>A custom tag put on a share of leads, from every channel or only the named ones.</summary>
public sealed record CustomTag(string Name, double Share, IReadOnlyList<Channel> Channels);

/// <summary>
/// How the simulation tags its leads: a segment drawn by the segments' shares, a product of interest drawn by the
/// catalogue's mix, each custom tag with its share. Every draw comes from the lead's own seed on a separate stream,
/// so tagging changes no other draw of the journey. Pure.
/// </summary>
public sealed record LeadTagging
{
    public IReadOnlyList<SegmentShare> Segments { get; init; } = [];
    public IReadOnlyList<ProductInterest> Products { get; init; } = [];
    public IReadOnlyList<CustomTag> Custom { get; init; } = [];

    public static LeadTagging None { get; } = new();

    public LeadTags Tag(Channel channel, string? campaign, ulong seed)
    {
        var rng = new Prng(Prng.Derive(seed, "lead-tags"));
        var segment = Segments.Count == 0 ? null : Segments[Pick(Segments.Select(s => s.Share).ToList(), rng.NextDouble())].Name;
        var product = Products.Count == 0 ? null : Products[Pick(Products.Select(p => p.Mix).ToList(), rng.NextDouble())];
        var custom = new List<string>();
        foreach (var tag in Custom)
        {
            // Always draw, so one tag's channel filter does not shift the next tag's draw.
            var hit = rng.Chance(tag.Share);
            if (hit && (tag.Channels.Count == 0 || tag.Channels.Contains(channel))) custom.Add(tag.Name);
        }
        return new LeadTags
        {
            Source = channel, Campaign = campaign, Segment = segment,
            Product = product?.Id, ProductLine = product is { Line.Length: > 0 } ? product.Line : null, Custom = custom,
        };
    }

    /// <summary>Index of the weight the uniform draw <paramref name="u"/> falls in (weights need not sum to 1).</summary>
    static int Pick(IReadOnlyList<double> weights, double u)
    {
        var total = weights.Sum(w => Math.Max(0, w));
        if (total <= 0) return 0;
        var at = u * total;
        for (var i = 0; i < weights.Count; i++)
        {
            at -= Math.Max(0, weights[i]);
            if (at < 0) return i;
        }
        return weights.Count - 1;
    }
}
