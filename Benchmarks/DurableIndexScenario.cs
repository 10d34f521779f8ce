using System.Diagnostics;
using System.Net.Sockets;
using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;
using Growth.Hosting;
using Growth.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>
/// The durable index at size (issue 22): N journeys ingested into one workspace on a real Azurite table service by an
/// Orleans client, every one acknowledged, into a silo in a process of its own (<see cref="DurableIndexSilo"/>); then the
/// silo process is killed (SIGKILL) and a new silo process of the same service reads the storage as it was left.
/// Figures: journeys found, spot reads of journeys, time to recover (the new silo's start and its shards reading their
/// pages), and the index rows written. Azurite: GROWTH_AZURITE_TABLE or .azurite/node_modules/.bin/azurite-table
/// (test.sh installs it).
/// </summary>
public static class DurableIndexScenario
{
    const string Workspace = "bench-index";
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Journeys read one by one after the crash (every N-th acknowledged, at least this many).</summary>
    const int SpotReads = 1_000;

    public sealed record Result(long Created, long Found, bool SameIds, double IngestSeconds, double SiloStartSeconds, double IndexReadSeconds, long PageWrites, long PageRows,
        double SiloCpuMsPerJourney, double AzuriteCpuMsPerJourney, int BatchesSentAgain, int SpotRead, int SpotFound, double SpotReadSeconds);

    /// <param name="journeys">Leads to ingest.</param>
    /// <param name="budget">Ingesting stops when this much time has passed (the leads acknowledged by then are the ones
    /// checked after the crash); null: all of them.</param>
    public static async Task<Result> RunAsync(int journeys, TimeSpan? budget = null)
    {
        var port = Measure.FreePort();
        using var azurite = await StartAzuriteAsync(port);
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var service = $"bench-{Guid.NewGuid():N}"[..16];

        await using var first = await StartSiloAsync(connection, service);
        var firstClient = await ConnectAsync(first, service);
        var grains = firstClient.Host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IWorkspaceGrain>(Workspace).EnsureAsync(WorkspaceKind.Live);
        var t0 = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        var (siloCpu, azuriteCpu) = (first.Silo.Cpu(), azurite.Cpu);
        var (lastDone, lastSeconds, lastSilo, lastAzurite, step) = (0, 0.0, siloCpu, azuriteCpu, Math.Max(10_000, journeys / 20));
        var ids = new List<string>(journeys);
        var retried = 0;
        // As the ingestion endpoint sends them: batches of 200 leads, each acknowledged once its shard's list is durable;
        // the shards in turn (round by round, so all of them grow alike), two batches at a time (1,600 journeys activating
        // at once on Azurite timed out on the loaded 2-core machine; two keep the silo and Azurite busy while the other answers).
        var batches = Enumerable.Range(0, journeys).Select(i => $"cust-{i:D8}").GroupBy(Keys.ShardOf)
            .SelectMany(shard => shard.Chunk(200).Select((chunk, round) => (Shard: shard.Key, Round: round, Ids: chunk)))
            .OrderBy(b => b.Round).ThenBy(b => b.Shard).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, _) =>
        {
            if (budget is { } most && watch.Elapsed > most) return;
            var shard = grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, batch.Shard));
            var leads = batch.Ids.Select(id => new JourneyBatch(id, [new JourneyEvent { Id = "created", Kind = EventKind.LeadCreated, At = t0, CampaignId = "cmp" }])).ToList();
            // As a sender does: a batch not acknowledged is sent again (a lead it already applied comes back duplicate).
            // On a loaded machine the table client retries a write whose answer was late, and the retry finds the row
            // its first attempt wrote (409): the journey's write fails, and so does the batch.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var outcomes = await shard.IngestAsync(leads);
                    if (outcomes.SelectMany(o => o).FirstOrDefault(o => o.Result != EventResult.Accepted && (attempt == 1 || o.Result != EventResult.Duplicate)) is { } refused)
                        throw new InvalidOperationException($"a lead was not accepted: {refused.Result}");
                    break;
                }
                catch (Exception e) when (e is not InvalidOperationException && attempt < 5)
                {
                    Interlocked.Increment(ref retried);
                    Console.WriteLine($"  durable-index: a batch of shard {batch.Shard} was not acknowledged ({e.GetType().Name}: {e.Message.Split('\n')[0]}); sent again");
                }
            }
            lock (ids)
            {
                ids.AddRange(batch.Ids);
                if (ids.Count - lastDone < step) return;
                // Progress, and whether the cost per journey holds as the tables grow (a store slower per row with size
                // would show here): CPU per journey of the interval, which the machine's load does not change.
                var (now, silo, store) = (watch.Elapsed.TotalSeconds, first.Silo.Cpu(), azurite.Cpu);
                var n = ids.Count - lastDone;
                Console.WriteLine($"  durable-index: {ids.Count:N0} acknowledged in {now:N0} s; last {n:N0}: {n / (now - lastSeconds):N0} journeys/s, " +
                    $"CPU {(silo - lastSilo).TotalMilliseconds / n:N2} ms (silo) + {(store - lastAzurite).TotalMilliseconds / n:N2} ms (Azurite) per journey; load {Measure.Load()}");
                (lastDone, lastSeconds, lastSilo, lastAzurite) = (ids.Count, now, silo, store);
            }
        });
        var ingest = watch.Elapsed.TotalSeconds;
        // Where the CPU went while ingesting: the silo process (Orleans, the grains, the table client) against Azurite's.
        var siloMs = (first.Silo.Cpu() - siloCpu).TotalMilliseconds / ids.Count;
        var azuriteMs = (azurite.Cpu - azuriteCpu).TotalMilliseconds / ids.Count;
        journeys = ids.Count;
        var pageWrites = (await Task.WhenAll(Shards(grains).Select(s => s.PagesWrittenAsync()))).Sum();
        Console.WriteLine($"  durable-index: {journeys:N0} journeys ingested on Azurite in {ingest:N0} s; the silo process is killed now (load {Measure.Load()})");

        // A crash: the silo process is killed, writing nothing more. A new silo process of the same service (another
        // cluster, so it need not wait for the dead one to be voted out) starts on the storage as it was left.
        await firstClient.DisposeAsync();
        await first.Silo.KillAsync();
        watch.Restart();
        await using var second = await StartSiloAsync(connection, service);
        var start = watch.Elapsed.TotalSeconds;
        await using var secondClient = await ConnectAsync(second, service);
        var after = secondClient.Host.Services.GetRequiredService<IGrainFactory>();
        watch.Restart();
        var counts = await Task.WhenAll(Shards(after).Select(s => s.CountAsync()));
        var read = watch.Elapsed.TotalSeconds;
        var found = (await Task.WhenAll(Shards(after).Select(s => s.JourneyIdsAsync()))).SelectMany(l => l).Order(StringComparer.Ordinal).ToList();
        var same = found.SequenceEqual(ids.Order(StringComparer.Ordinal));
        // Rows the list is kept in: its pages (and each shard's own small record, which counts them).
        var pageRows = counts.Sum(c => (c.Journeys + ShardPages.PageSize - 1) / ShardPages.PageSize);
        Console.WriteLine($"  durable-index: the new silo started in {start:N1} s and its shards read {counts.Sum(c => (long)c.Journeys):N0} journeys from their pages in {read:N1} s");
        // Spot reads: journeys of the whole range, each activated from its own row.
        var sample = ids.Where((_, i) => i % Math.Max(1, ids.Count / SpotReads) == 0).ToList();
        watch.Restart();
        var views = new List<JourneyView?>();
        foreach (var chunk in sample.Chunk(50))
            views.AddRange(await Task.WhenAll(chunk.Select(id => after.GetGrain<IJourneyGrain>(Keys.Of(Workspace, id)).GetAsync())));
        var spotSeconds = watch.Elapsed.TotalSeconds;
        var spotFound = views.Count(v => v is { State.EventCount: 1 });
        Console.WriteLine($"  durable-index: {spotFound:N0} of {sample.Count:N0} journeys read one by one in {spotSeconds:N1} s, each with its event");
        return new Result(journeys, counts.Sum(c => (long)c.Journeys), same, ingest, start, read, pageWrites, pageRows, siloMs, azuriteMs, retried,
            sample.Count, spotFound, spotSeconds);
    }

    static IEnumerable<IJourneyShardGrain> Shards(IGrainFactory grains) =>
        Enumerable.Range(0, Keys.ShardCount).Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, i)));

    sealed record SiloProcess(ChildProcess Silo, string Cluster, int Gateway) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Silo.DisposeAsync();
    }

    static async Task<SiloProcess> StartSiloAsync(string connection, string service)
    {
        var (cluster, gateway) = ($"bench-{Guid.NewGuid():N}", Measure.FreePort());
        var silo = await ChildProcess.StartAsync(DurableIndexSilo.Mode, [connection, service, cluster, Measure.FreePort().ToString(), gateway.ToString()]);
        return new SiloProcess(silo, cluster, gateway);
    }

    sealed record Client(IHost Host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // The client only (the silo is not told anything): a stop cut short is fine, the figures are taken.
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await Host.StopAsync(quick.Token); }
            catch (OperationCanceledException) { }
            Host.Dispose();
        }
    }

    static async Task<Client> ConnectAsync(SiloProcess silo, string service)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(silo.Gateway, service, silo.Cluster)
            .Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10))
            .Services.AddGrowthSerialization());
        var host = builder.Build();
        await host.StartAsync();
        return new Client(host);
    }

    sealed class Azurite(Process process) : IDisposable
    {
        /// <summary>CPU time of the Azurite process (node): its own share of the work.</summary>
        public TimeSpan Cpu
        {
            get
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    static async Task<Azurite> StartAzuriteAsync(int port)
    {
        var executable = Environment.GetEnvironmentVariable("GROWTH_AZURITE_TABLE") is { Length: > 0 } configured ? configured
            : Path.GetFullPath(Path.Combine(".azurite", "node_modules", ".bin", "azurite-table"));
        if (!File.Exists(executable)) throw new InvalidOperationException($"azurite-table not found at {executable}: run npm install --prefix .azurite azurite@3.37.0 or set GROWTH_AZURITE_TABLE");
        var info = new ProcessStartInfo(executable, ["--tableHost", "127.0.0.1", "--tablePort", port.ToString(), "--inMemoryPersistence", "--disableTelemetry", "--silent"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Half a million journeys and their pages are held in Azurite's memory: more than node's default heap.
        info.Environment["NODE_OPTIONS"] = "--max-old-space-size=8192";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process);
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(100))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return azurite;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited) { }
        }
    }
}
