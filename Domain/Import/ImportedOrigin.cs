using Growth.Domain.Journeys;

namespace Growth.Domain.Import;

/// <summary>
/// An origin of a leads export as this import maps it: the campaign its leads join (the workspace's own, or one of its
/// own named after it) and their channel, with the first of its leads in file order. An imported lead keeps the campaign
/// and channel it was created with (its <c>LeadCreated</c> event cannot be replaced: the same id with other content is a
/// conflict), so a workspace that imported the origin before is asked, by these leads, what the origin was mapped to then.
/// </summary>
/// <param name="LeadIds">The origin's first <see cref="LeadsAsked"/> leads, in file order.</param>
public sealed record ImportedOrigin(string Origin, string CampaignId, Channel? Channel, IReadOnlyList<string> LeadIds)
{
    /// <summary>Leads of each origin asked about; the first that the workspace has decides.</summary>
    public const int LeadsAsked = 20;

    /// <summary>
    /// Why this import cannot map the origin as it does, when its lead <paramref name="leadId"/> was imported with the
    /// campaign <paramref name="importedCampaignId"/> and channel <paramref name="importedChannel"/>; null when the same.
    /// </summary>
    public string? ChangeFrom(string leadId, string? importedCampaignId, Channel? importedChannel) =>
        importedCampaignId == CampaignId && importedChannel == Channel ? null
        : $"origin '{Origin}' was imported into this workspace as campaign '{importedCampaignId ?? "none"}' ({Name(importedChannel)}; lead {leadId}), " +
          $"and this import maps it to campaign '{CampaignId}' ({Name(Channel)})";

    /// <summary>
    /// The refusal of an import that maps origins anew (<paramref name="changes"/>, from <see cref="ChangeFrom"/>): an
    /// imported lead keeps its campaign and channel, so the origin is mapped as before, or imported into a new workspace.
    /// </summary>
    public static string Refusal(IReadOnlyList<string> changes) =>
        $"{string.Join("; ", changes)}: an imported lead keeps the campaign and channel it was created with, so map each origin as before " +
        "or import into a new workspace; nothing was stored";

    static string Name(Channel? channel) => channel?.ToString() ?? "no channel";
}
