using Growth.Domain.Journeys;
using Growth.Domain.Setup;

namespace Growth.Domain.Import;

/// <summary>What a lead's origin is mapped to: a campaign of the workspace's own (its id and name) and its channel, or a channel only.</summary>
/// <param name="CampaignId">The workspace's campaign the origin's leads join; null when the origin is mapped to a channel only (it stays a campaign of its own).</param>
public sealed record OriginTarget(string? CampaignId, string? CampaignName, Channel Channel);

/// <summary>
/// The campaigns and channels a lead's origin may be mapped to (<see cref="CrmColumnMapping.OriginChannels"/>): the
/// workspace's own campaigns from its setup (<see cref="ChannelsSetup"/>, by id or name) and the channels they run on;
/// when the setup has no campaign, Growth's channels (the fixed list of <see cref="Channel"/>) are the fallback.
/// Names are matched ignoring case and surrounding spaces; a campaign's id wins over another's name.
/// </summary>
public sealed record OriginTargets
{
    /// <summary>The workspace's own campaigns; empty: none set up, Growth's channels are the targets.</summary>
    public IReadOnlyList<CampaignSetup> Campaigns { get; init; } = [];

    /// <summary>No campaign of the workspace's own: origins map to Growth's channels.</summary>
    public static OriginTargets Fixed { get; } = new();

    /// <summary>The targets of a workspace with this setup's channels (none: <see cref="Fixed"/>).</summary>
    public static OriginTargets Of(ChannelsSetup? channels) => channels is { Campaigns.Count: > 0 } ? new() { Campaigns = channels.Campaigns } : Fixed;

    /// <summary>Whether the targets are the workspace's own campaigns (not the fixed list).</summary>
    public bool OwnCampaigns => Campaigns.Count > 0;

    /// <summary>
    /// The channels an origin may name: those the workspace's campaigns run on, in the setup's order, and Referral (leads
    /// customers bring: never a campaign's channel in a setup, so always a channel of the workspace); else every channel.
    /// </summary>
    public IReadOnlyList<Channel> Channels => OwnCampaigns
        ? Campaigns.Select(c => c.Channel).Append(Channel.Referral).Distinct().ToArray()
        : Enum.GetValues<Channel>();

    /// <summary>The target named <paramref name="name"/>: a campaign by id, then by name, then a channel; null when none is.</summary>
    public OriginTarget? Find(string name)
    {
        var key = name.Trim();
        var campaign = Campaigns.FirstOrDefault(c => string.Equals(c.Id, key, StringComparison.OrdinalIgnoreCase))
            ?? Campaigns.FirstOrDefault(c => string.Equals(c.Name.Trim(), key, StringComparison.OrdinalIgnoreCase));
        if (campaign is not null) return new OriginTarget(campaign.Id, campaign.Name, campaign.Channel);
        var channel = Channels.Cast<Channel?>().FirstOrDefault(c => string.Equals(c.ToString(), key, StringComparison.OrdinalIgnoreCase));
        return channel is { } found ? new OriginTarget(null, null, found) : null;
    }

    /// <summary>What may be named, for a refusal: the workspace's campaigns (id, channel) and channels, or Growth's channels.</summary>
    public string Allowed => OwnCampaigns
        ? $"the workspace's campaigns are {string.Join(", ", Campaigns.Select(c => $"{c.Name} ({c.Id}, {c.Channel})"))}; its channels are {string.Join(", ", Channels)}"
        : $"the workspace's setup has no campaigns, so the channels are Growth's: {string.Join(", ", Channels)}";

    /// <summary>
    /// The entries of "origin=target; ..." as written, each with what its target is (null when it names no campaign or
    /// channel of the workspace); an entry that is not origin=target has an empty origin or target. Never throws (the page
    /// shows each entry beside what it maps to).
    /// </summary>
    public IReadOnlyList<OriginEntry> Entries(string? map) =>
        (map ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
        {
            var parts = entry.Split('=', StringSplitOptions.TrimEntries);
            return parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0
                ? new OriginEntry(entry, "", "", null)
                : new OriginEntry(entry, parts[0], parts[1], Find(parts[1]));
        }).ToArray();

    /// <summary>
    /// Reads "origin=target; ..." into each origin's target; throws <see cref="CrmImportException"/> naming the entry
    /// and the unknown campaign or channel, with what may be named, for an entry that is not origin=target or names none.
    /// </summary>
    public IReadOnlyDictionary<string, OriginTarget> Parse(string file, string? map)
    {
        var targets = new Dictionary<string, OriginTarget>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries(map))
        {
            if (entry.Origin.Length == 0)
                throw new CrmImportException(file, $"origin channel entry '{entry.Text}' is not origin=campaign or origin=channel; {Allowed}");
            targets[entry.Origin] = entry.Resolved
                ?? throw new CrmImportException(file, $"origin channel entry '{entry.Text}': '{entry.Target}' is not a campaign or channel of the workspace; {Allowed}");
        }
        return targets;
    }
}

/// <summary>One entry of an origin mapping as written: the origin, the target named, and what that is (null: nothing the workspace has).</summary>
public sealed record OriginEntry(string Text, string Origin, string Target, OriginTarget? Resolved);
