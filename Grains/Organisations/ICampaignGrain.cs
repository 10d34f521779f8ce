using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Simulation;

namespace Growth.Grains.Organisations;

/// <summary>A marketing campaign: budget, channel, reach, the leads it brings. Key: "{workspace}/{campaignId}".</summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    Task ConfigureAsync(CampaignProfile campaign, ParametersRef parameters, ulong seed);

    /// <summary>Takes a changed profile and parameters (a setup change) and keeps its random state and counters.</summary>
    Task UpdateAsync(CampaignProfile campaign, ParametersRef parameters);

    /// <summary>Spends the budget over [from, to) and returns the reach and leads it bought.</summary>
    Task<CampaignBatch> RunAsync(DateTimeOffset from, DateTimeOffset to);

    Task<CampaignProfile?> GetProfileAsync();
}

/// <summary>A campaign's activity over one step: reach and spend, and the leads it produced.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignBatch(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] long Touches,
    [property: Id(2)] decimal Spend,
    [property: Id(3)] IReadOnlyList<NewLead> Leads);

/// <summary>A lead waiting to be routed to a team and rep.</summary>
/// <param name="TeamId">The team a tag rule sent it to; null: the region's least-loaded team.</param>
/// <param name="Tags">Its tags (segment, product, custom), for the team's territory-owner rule; null: untagged.</param>
[GenerateSerializer, Immutable]
public sealed record NewLead(
    [property: Id(0)] string LeadId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string RegionId,
    [property: Id(3)] string? CampaignId,
    [property: Id(4)] Channel Channel,
    [property: Id(5)] LeadPersona Persona,
    [property: Id(6)] string? TeamId = null,
    [property: Id(7)] LeadTags? Tags = null);
