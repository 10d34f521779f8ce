using System.Diagnostics;
using Growth.Domain.Journeys;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>
/// What the forecast and the Pipeline page read per request, before and after the record read model: every journey's
/// state from the shards (<see cref="IJourneyShardGrain.StatesAsync"/>, each journey called, dormant ones woken) against
/// the deals from the shards' record rows (<see cref="IJourneyShardGrain.DealStatesAsync"/>, no journey called). The
/// default demo (seed 42) simulated for some days on one embedded silo, dormancy on, memory storage.
/// </summary>
public static class DealReadScenario
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public sealed record Result(long Journeys, int Deals, int Dormant, double StatesMs, double RowsMs, int WokenByStates, int WokenByRows);

    public static async Task<Result> RunAsync(int days)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(Measure.FreePort(), Measure.FreePort()).AddGrowthGrains()
            .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10)));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        const string ws = "bench-deals";
        var sim = grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 42, Start = T0 });
        await sim.RunForAsync(TimeSpan.FromDays(days));
        var shards = Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i))).ToList();
        var counts = await Task.WhenAll(shards.Select(s => s.CountAsync()));
        var management = grains.GetGrain<IManagementGrain>(0);
        var type = grains.GetGrain<IJourneyGrain>(Keys.Of(ws, "any")).GetGrainId().Type;

        // Activated journeys just after a read, less those before it: the dormant ones the read woke.
        async Task<(double Ms, int Woken, int Rows)> ReadAsync(Func<IJourneyShardGrain, Task<IReadOnlyList<JourneyState>>> read)
        {
            var before = (await management.GetActiveGrains(type)).Count;
            var watch = Stopwatch.StartNew();
            var rows = (await Task.WhenAll(shards.Select(read))).Sum(r => r.Count);
            var ms = watch.Elapsed.TotalMilliseconds;
            return (ms, Math.Max(0, (await management.GetActiveGrains(type)).Count - before), rows);
        }

        var deals = 0;
        var rowsWoken = 0;
        var rowsMs = await Measure.MedianAsync(async _ => { var r = await ReadAsync(s => s.DealStatesAsync()); (deals, rowsWoken) = (r.Rows, Math.Max(rowsWoken, r.Woken)); return r.Ms; });
        var statesWoken = 0;
        var statesMs = await Measure.MedianAsync(async _ =>
        {
            // Let the journeys woken by the previous read go back to sleep first (bounded wait): each read starts as a request would.
            for (var i = 0; i < 600 && (await management.GetActiveGrains(type)).Count > counts.Sum(c => c.Journeys) - counts.Sum(c => c.Dormant); i++) await Task.Delay(50);
            var r = await ReadAsync(s => s.StatesAsync());
            statesWoken = Math.Max(statesWoken, r.Woken);
            return r.Ms;
        });
        await host.StopAsync();
        return new Result(counts.Sum(c => (long)c.Journeys), deals, counts.Sum(c => c.Dormant), statesMs, rowsMs, statesWoken, rowsWoken);
    }
}
