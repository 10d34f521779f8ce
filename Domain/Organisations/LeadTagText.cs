using Growth.Domain.Journeys;

namespace Growth.Domain.Organisations;

/// <summary>
/// A lead's tags as text: each "kind:value" (kinds <see cref="Kinds"/>). A journey keeps the tags its channel and campaign
/// do not already say (segment, product, custom: <see cref="KeptKinds"/>) as one text, separated by <see cref="Separator"/>
/// ("segment:distributor;product:pump-x;tag:key-account"): one string, so a shard's rows share it in their string table and a
/// journey's record stays a value. Source and campaign tags are read from the journey's channel and campaign. Pure.
/// </summary>
public static class LeadTagText
{
    public const char Separator = ';';
    public const int MaxTags = 20, MaxLength = 100;
    public static readonly string[] Kinds = ["source", "campaign", "segment", "product", "tag"];
    /// <summary>The kinds a journey keeps in its tags text (source and campaign are its channel and campaign).</summary>
    public static readonly string[] KeptKinds = ["segment", "product", "tag"];

    /// <summary>The kept tags of <paramref name="tags"/> as one text, or null when it has none.</summary>
    public static string? Kept(LeadTags? tags) =>
        tags is null ? null : Join(tags.Texts().Where(t => !t.StartsWith("source:", StringComparison.Ordinal) && !t.StartsWith("campaign:", StringComparison.Ordinal)));

    /// <summary>The tags text of <paramref name="tags"/>: trimmed, blanks and repeats dropped, in order; null when none is left.</summary>
    public static string? Join(IEnumerable<string> tags)
    {
        var kept = new List<string>();
        foreach (var t in tags.Select(t => t.Trim()).Where(t => t.Length > 0))
            if (!kept.Contains(t, StringComparer.Ordinal)) kept.Add(t);
        return kept.Count == 0 ? null : string.Join(Separator, kept);
    }

    /// <summary>The tags a tags text holds (none for null).</summary>
    public static IEnumerable<string> Split(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether the tags text holds <paramref name="tag"/> exactly (no allocation: the shard's filter reads it per row).</summary>
    public static bool Has(string? tags, string tag)
    {
        if (string.IsNullOrEmpty(tags) || tag.Length == 0) return false;
        var at = 0;
        while ((at = tags.IndexOf(tag, at, StringComparison.Ordinal)) >= 0)
        {
            var end = at + tag.Length;
            if ((at == 0 || tags[at - 1] == Separator) && (end == tags.Length || tags[end] == Separator)) return true;
            at = end;
        }
        return false;
    }

    /// <summary>Whether a journey of <paramref name="channel"/>, <paramref name="campaign"/> and kept tags <paramref name="tags"/> carries <paramref name="tag"/>.</summary>
    public static bool Carries(Channel? channel, string? campaign, string? tags, string tag)
    {
        var (kind, value) = Parts(tag);
        return kind switch
        {
            "source" => channel is { } c && LeadTags.SourceName(c) == value,
            "campaign" => campaign == value,
            _ => Has(tags, tag),
        };
    }

    /// <summary>What is wrong with a tags text an event carries (kinds segment, product, tag), or null.</summary>
    public static string? ListProblem(string? tags)
    {
        var all = Split(tags).ToList();
        if (all.Count > MaxTags) return $"tags holds {all.Count} tags; at most {MaxTags} are taken";
        foreach (var t in all)
        {
            if (Problem(t, KeptKinds) is { } p) return p;
        }
        return null;
    }

    /// <summary>What is wrong with one tag as a filter (any kind; a source must be a channel), or null.</summary>
    public static string? FilterProblem(string tag)
    {
        if (Problem(tag, Kinds) is { } p) return p;
        var (kind, value) = Parts(tag);
        var sources = Enum.GetValues<Channel>().Select(LeadTags.SourceName).ToList();
        return kind == "source" && !sources.Contains(value)
            ? $"tag '{tag}': source must be one of {string.Join(", ", sources)}" : null;
    }

    static string? Problem(string tag, string[] kinds)
    {
        var (kind, value) = Parts(tag);
        if (kind is null || !kinds.Contains(kind) || value.Length == 0)
            return $"tag '{tag}' must be kind:value with kind one of {string.Join(", ", kinds)}";
        if (tag.Length > MaxLength) return $"tag '{tag[..20]}…' is longer than {MaxLength} characters (was {tag.Length})";
        return tag.Contains(Separator) ? $"tag '{tag}' must not contain '{Separator}'" : null;
    }

    /// <summary>"segment:smb" as ("segment", "smb"); no kind: (null, the text).</summary>
    public static (string? Kind, string Value) Parts(string tag) =>
        tag.IndexOf(':') is var i and > 0 ? (tag[..i], tag[(i + 1)..]) : (null, tag);
}
