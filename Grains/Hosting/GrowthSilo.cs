using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace Growth.Grains.Hosting;

/// <summary>The one place that configures a Growth silo, used by the Silo host, the Dashboard's embedded silo and tests.</summary>
public static class GrowthSilo
{
    /// <summary>Grain storage every Growth grain uses.</summary>
    public const string StorageName = "growth";

    /// <summary>
    /// The key of the clock the domain asks for (workspace time, simulation ticks). Kept apart from the runtime's
    /// own TimeProvider so tests can stop the domain's clock without freezing Orleans' timers.
    /// </summary>
    public const string ClockKey = "growth-clock";

    /// <summary>Configuration section with the silo's settings.</summary>
    public const string Section = "Orleans";

    /// <summary>
    /// Embedded default: one silo on loopback with in-memory storage (nothing to install; data is not durable).
    /// Ports come from <c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c> (defaults 11111 and 30000).
    /// </summary>
    public static ISiloBuilder UseGrowth(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var siloPort = section.GetValue("SiloPort", 11111);
        var gatewayPort = section.GetValue("GatewayPort", 30000);
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "growth", clusterId: section.GetValue("ClusterId", "growth-dev")!);
        return silo.AddGrowthGrains();
    }

    /// <summary>Storage and services the grains need, without choosing clustering (tests choose their own).</summary>
    public static ISiloBuilder AddGrowthGrains(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageName);
        silo.Services.AddGrowthSerialization();
        silo.Services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        return silo;
    }

    /// <summary>
    /// The pure domain model carries no Orleans attributes; its types cross grain boundaries as JSON.
    /// Both silos and clients must register this.
    /// </summary>
    public static IServiceCollection AddGrowthSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: type => type.Namespace == typeof(Model.JourneyState).Namespace));
}
