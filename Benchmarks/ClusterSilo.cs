using System.Diagnostics.Metrics;
using System.Net;
using Growth.Grains.Runtime;
using Growth.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Growth.Benchmarks;

/// <summary>
/// One silo of the cluster scenario, in a process of its own: <c>cluster-silo primaryPort siloPort gatewayPort clusterId</c>
/// (the same grains and memory storage as the product's embedded silo, clustered on loopback with the first silo as the
/// primary). Commands on standard input: <c>events</c> answers the journey events this silo applied so far; <c>quit</c> stops it.
/// </summary>
public static class ClusterSilo
{
    public const string Mode = "cluster-silo";

    public static async Task<int> RunAsync(string[] args)
    {
        var (primary, siloPort, gatewayPort, clusterId) = (int.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3]), args[4]);
        long events = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrowthMetrics.MeterName && instrument.Name == "growth.journey.events") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref events, value));
        listener.Start();

        var builder = ChildSiloHost.Builder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primary), clusterId, clusterId)
            .AddGrowthGrains()
            .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10))
            // Every grain placed at random over the silos: the default placement keeps a caller's new grains on its own
            // silo while the silos look alike, which would leave nearly all the work on the simulation's silo.
            .Services.AddSingleton<PlacementStrategy, RandomPlacement>());
        return await ChildSiloHost.ServeAsync(builder, line => line == "events" ? Interlocked.Read(ref events).ToString() : null);
    }
}
