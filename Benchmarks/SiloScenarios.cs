using System.Diagnostics;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>Scenarios on one embedded silo, configured as the product's embedded default (memory storage).</summary>
public sealed class SiloScenarios(bool quick) : IAsyncDisposable
{
    IHost? host;
    IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();
    /// <summary>Calls in flight at once, for the floor and for journey advances alike.</summary>
    const int Concurrency = 256;
    internal static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Simulated days each journeys run advances, one shard step a day.</summary>
    internal const int Days = 60;
    internal static readonly ParametersRef Parameters = new(BehaviourParameters.Default);

    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Clearing a million journeys is one call per shard and takes longer than the default 30 s response timeout.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(Measure.FreePort(), Measure.FreePort()).AddGrowthGrains()
            .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10))
            // Resetting 100,000 journeys wakes the dormant ones all at once: on a loaded machine their activations queue
            // past the default 30 s and are cancelled.
            .Configure<Orleans.Configuration.GrainCollectionOptions>(o => o.ActivationTimeout = TimeSpan.FromMinutes(10)));
        host = builder.Build();
        await host.StartAsync();
    }

    /// <summary>Empty grain calls per second, <see cref="Concurrency"/> in flight, and CPU time per call.</summary>
    public async Task<(double CallsPerSecond, double CpuMicrosPerCall)> FloorAsync()
    {
        var calls = quick ? 50_000 : 500_000;
        var cpuPerCall = new List<double>();
        var rate = await Measure.MedianAsync(async run =>
        {
            var cpu = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
                async (i, _) => await Grains.GetGrain<IPingGrain>(i % 10_000).PingAsync());
            var seconds = watch.Elapsed.TotalSeconds;
            if (run >= 0) cpuPerCall.Add((Measure.Cpu() - cpu).TotalMicroseconds / calls);
            return calls / seconds;
        });
        cpuPerCall.Sort();
        return (rate, cpuPerCall[cpuPerCall.Count / 2]);
    }

    /// <summary>Journey events per second, CPU time per event and the events of one run with <paramref name="journeys"/> concurrent journeys.</summary>
    public async Task<(double EventsPerSecond, double CpuMicrosPerEvent, long Events)> JourneysAsync(int journeys)
    {
        var cpuPerEvent = new List<double>();
        long lastEvents = 0;
        var rate = await Measure.MedianAsync(async run =>
        {
            var workspace = $"bench-journeys-{run + 1}";
            await StartJourneysAsync(workspace, journeys);
            var shards = Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i))).ToList();
            var cpu = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            long events = 0;
            for (var day = 1; day <= Days; day++)
            {
                var results = await Task.WhenAll(shards.Select(s => s.AdvanceAsync(Parameters, T0.AddDays(day))));
                events += results.Sum(r => r.Events);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            if (run >= 0) cpuPerEvent.Add((Measure.Cpu() - cpu).TotalMicroseconds / Math.Max(1, events));
            lastEvents = events;
            await Task.WhenAll(shards.Select(s => s.ResetAsync()));
            return events / seconds;
        });
        cpuPerEvent.Sort();
        return (rate, cpuPerEvent[cpuPerEvent.Count / 2], lastEvents);
    }

    /// <summary>Managed bytes per active journey, measured with <paramref name="journeys"/> journeys started and held.</summary>
    public async Task<double> MemoryPerJourneyAsync(int journeys, string workspace)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await StartJourneysAsync(workspace, journeys);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perJourney = (after - before) / (double)journeys;
        await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).ResetAsync()));
        return perJourney;
    }

    /// <summary>Starts simulated leads, as the simulation would, spread over the shards.</summary>
    async Task StartJourneysAsync(string workspace, int journeys)
    {
        var starts = Starts(journeys);
        await Parallel.ForEachAsync(starts.GroupBy(s => Keys.ShardOf(s.JourneyId)).SelectMany(g => g.Chunk(500).Select(c => (Shard: g.Key, Starts: c))),
            new ParallelOptions { MaxDegreeOfParallelism = Keys.ShardCount },
            async (batch, _) => await Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, batch.Shard)).StartAsync(batch.Starts, Parameters, T0));
    }

    /// <summary>The simulated leads the journeys scenarios start (the same seed every time, so the plain loop gets the same ones).</summary>
    internal static List<JourneyStart> Starts(int journeys)
    {
        var rng = new Prng(7);
        var quality = BehaviourParameters.Default.Channels[Channel.Events];
        var skills = Enumerable.Repeat(0.6, 6).ToArray();
        return Enumerable.Range(0, journeys).Select(i => new JourneyStart
        {
            JourneyId = $"lead-{i}",
            At = T0.AddMinutes(i % 1440),
            CampaignId = "campaign-1",
            Channel = Channel.Events,
            Persona = LeadPersonas.Draw(rng, quality, BehaviourParameters.Default),
            Rep = new RepAssignment("region-1", "team-1", $"rep-{i % 60}", skills, 0.5, 20, 40),
        }).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (host is null) return;
        await host.StopAsync();
        host.Dispose();
    }
}
