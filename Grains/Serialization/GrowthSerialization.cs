using Growth.Domain.Journeys;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Growth.Grains.Serialization;

public static class GrowthSerialization
{
    /// <summary>
    /// The pure domain model carries no Orleans attributes; its types cross grain boundaries as JSON, apart from
    /// the hot journey types, which have Orleans surrogates (<see cref="ModelSurrogates"/>).
    /// Both silos and clients must register this.
    /// </summary>
    public static IServiceCollection AddGrowthSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: type => type.Assembly == typeof(JourneyState).Assembly && !ModelSurrogates.Types.Contains(type)));
}
