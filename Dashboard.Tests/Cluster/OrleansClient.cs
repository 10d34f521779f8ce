using Growth.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Growth.Dashboard.Tests;

/// <summary>The test's own Orleans client of the cluster, to see where a grain lives.</summary>
internal sealed class OrleansClient(IHost host) : IAsyncDisposable
{
    public static async Task<OrleansClient> StartAsync(Dictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":"), (string?)s.Value)));
        builder.UseOrleansClient(client => client.UseGrowthClient(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansClient(host);
    }

    /// <summary>The silo port of the silo where the grain of that type and key is active.</summary>
    public async Task<int> SiloPortHostingAsync(string grainType, string key)
    {
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var found = statistics.FirstOrDefault(s => s.GrainId.Type.ToString() == grainType && s.GrainId.Key.ToString() == key)
            ?? throw new InvalidOperationException($"no active {grainType}/{key}; active types: {string.Join(", ", statistics.Select(s => s.GrainId.Type.ToString()).Distinct())}");
        return found.SiloAddress.Endpoint.Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
