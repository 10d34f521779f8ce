using Growth.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>
/// The durable-index scenario's silo, in a process of its own so that it can be killed:
/// <c>index-silo connection serviceId clusterId siloPort gatewayPort</c>. The product's silo set-up (<see cref="GrowthSilo.UseGrowth"/>)
/// on table storage, one silo on loopback. Commands on standard input: <c>quit</c> stops it (the scenario kills it instead).
/// </summary>
public static class DurableIndexSilo
{
    public const string Mode = "index-silo";

    public static async Task<int> RunAsync(string[] args)
    {
        var (connection, service, cluster, siloPort, gatewayPort) = (args[1], args[2], args[3], args[4], args[5]);
        var builder = ChildSiloHost.Builder();
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "AzureTable", ["Storage:ConnectionString"] = connection, ["Orleans:ServiceId"] = service,
            ["Orleans:ClusterId"] = cluster, ["Orleans:SiloPort"] = siloPort, ["Orleans:GatewayPort"] = gatewayPort,
            ["Orleans:ResponseTimeoutSeconds"] = "600",
        });
        builder.UseOrleans(silo =>
        {
            silo.UseGrowth(builder.Configuration);
            // Hundreds of journeys activating at once, each reading its row from one Azurite process, on a loaded
            // machine under nice: Orleans' 30 s activation limit cut a first 500,000 run short at 11,500 journeys.
            silo.Configure<Orleans.Configuration.GrainCollectionOptions>(o => o.ActivationTimeout = TimeSpan.FromMinutes(10));
        });
        return await ChildSiloHost.ServeAsync(builder, _ => null);
    }
}
