using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Grains.Organisations;

/// <summary>A region: routes its incoming leads to its teams (least loaded relative to capacity). Key: "{workspace}/{regionId}".</summary>
public interface IRegionGrain : IGrainWithStringKey
{
    Task ConfigureAsync(RegionProfile region, IReadOnlyList<TeamProfile> teams);

    /// <summary>Takes changed teams (a setup change): teams that stay keep their open load.</summary>
    Task ReconfigureAsync(RegionProfile region, IReadOnlyList<TeamProfile> teams);

    /// <summary>Applies releases, then assigns each lead (in order) to a team and rep.</summary>
    Task<IReadOnlyList<RepAssignment>> RouteAsync(IReadOnlyList<NewLead> leads, IReadOnlyList<RepRelease> releases);
}

/// <summary>A rep whose open load dropped because a lead or opportunity closed.</summary>
[GenerateSerializer, Immutable]
public sealed record RepRelease([property: Id(0)] string RegionId, [property: Id(1)] string TeamId, [property: Id(2)] string RepId);
