using Growth.Domain.Journeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace Growth.Grains.Serialization;

public static class GrowthSerialization
{
    /// <summary>
    /// The pure domain model carries no Orleans attributes; its types cross grain boundaries as JSON, apart from
    /// the hot journey types, which have Orleans surrogates (<see cref="ModelSurrogates"/>).
    /// Both silos and clients must register this. The model's type names of stored records older than 1 Dec 2026
    /// resolve through <see cref="LegacyModelNames"/> (see <see cref="StoredFormat"/>).
    /// </summary>
    public static IServiceCollection AddGrowthSerialization(this IServiceCollection services)
    {
        services.TryAddSingleton<LegacyModelNames>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITypeConverter, LegacyModelNames>(sp => sp.GetRequiredService<LegacyModelNames>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITypeNameFilter, LegacyModelNames>(sp => sp.GetRequiredService<LegacyModelNames>()));
        return services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: type => type.Assembly == typeof(JourneyState).Assembly && !ModelSurrogates.Types.Contains(type)));
    }
}
