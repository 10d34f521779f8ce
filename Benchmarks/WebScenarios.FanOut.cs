using System.Diagnostics;

namespace Growth.Benchmarks;

/// <summary>What the fan-out scenario measured for one number of clients.</summary>
public sealed record FanOutResult(
    int Clients, double P99Millis, double ServerCpuMillisPerUpdate, double ClientsCpuMillisPerUpdate,
    double SerialisationsPerUpdate, long SnapshotBytes, double IdleServerCpuMillisPerSecond, double ServerCpuAboveIdleMillisPerUpdate,
    double ConnectSeconds, double ConnectServerCpuSeconds, double ConnectGcPauseMillis, double LoopGcPauseMillis, int ClientProcesses,
    string ConnectGcs, string LoopGcs, string LoopAllocations);

public sealed partial class WebScenarios
{
    readonly SnapshotWrites snapshotWrites = new();

    /// <summary>
    /// p99 delivery delay of an update to <paramref name="clients"/> SignalR clients on one workspace, and the server's
    /// CPU per update. The clients run in child processes (<see cref="FanOutClients"/>), so this process's CPU time is
    /// the web host's and its silo's (and the small batch posted per update), not the clients' reading of the updates.
    /// </summary>
    public async Task<FanOutResult> FanOutAsync(int clients, bool allocations = false)
    {
        var workspace = $"bench-fanout-{clients}";
        await PostAsync(workspace, Batch(5));
        // The clients connect a process at a time (each at most ClientsPerProcess): a ramp, not all at once, and no
        // one client process holding thousands of connections in one heap.
        var processes = (clients + ClientsPerProcess - 1) / ClientsPerProcess;
        var children = new List<ChildProcess>();
        var connectWatch = Stopwatch.StartNew();
        var connectCpu = Measure.Cpu();
        var connectPause = GC.GetTotalPauseDuration();
        using var gcs = new GcReasons(allocations).Start();
        try
        {
            for (var p = 0; p < processes; p++)
                children.Add(await ChildProcess.StartAsync(FanOutClients.Mode,
                    [$"{baseUrl}/hubs/growth", (clients / processes + (p < clients % processes ? 1 : 0)).ToString(), workspace],
                    new Dictionary<string, string>
                    {
                        [FanOutClients.CookieVariable] = cookies.GetCookieHeader(new Uri(baseUrl)),
                        // Workstation, concurrent GC in the clients: a server GC per client process would take a heap per core each.
                        ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "1",
                    },
                    TimeSpan.FromMinutes(10)));
            var connected = (connectWatch.Elapsed.TotalSeconds, (Measure.Cpu() - connectCpu).TotalSeconds, (GC.GetTotalPauseDuration() - connectPause).TotalMilliseconds, gcs.TakeSummary());
            return await UpdatesAsync(clients, workspace, children, connected, gcs);
        }
        finally
        {
            foreach (var child in children) await child.DisposeAsync();
        }
    }

    /// <summary>At most this many clients in one client process.</summary>
    const int ClientsPerProcess = 1_000;

    async Task<FanOutResult> UpdatesAsync(int clients, string workspace, List<ChildProcess> children, (double Seconds, double CpuSeconds, double GcPauseMillis, string Gcs) connected, GcReasons gcs)
    {
        // What the server spends with the clients connected and nothing to send (keep-alive pings, timers).
        var idleCpu = Measure.Cpu();
        var idleWatch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(quick ? 1 : 10));
        var idlePerSecond = (Measure.Cpu() - idleCpu).TotalMilliseconds / idleWatch.Elapsed.TotalSeconds;

        var updates = quick ? 5 : 20;
        long journeys = 1;
        var delays = new List<double>();
        var writes = snapshotWrites.Count;
        var cpu = Measure.Cpu();
        var clientsCpu = ClientsCpu(children);
        var loopPause = GC.GetTotalPauseDuration();
        gcs.TakeSummary();
        gcs.TakeAllocations();
        var loop = Stopwatch.StartNew();
        for (var u = 0; u < updates; u++)
        {
            var batch = Batch(50);
            journeys += batch.Length / 5;
            foreach (var child in children)
            {
                var armed = await child.AskAsync($"arm {journeys}", TimeSpan.FromSeconds(30));
                if (armed != "armed") throw new InvalidOperationException($"the clients answered '{armed}' to arm");
            }
            var posted = Stopwatch.GetTimestamp();
            await PostAsync(workspace, batch);
            foreach (var child in children)
            {
                var answer = await child.ReadAsync(TimeSpan.FromSeconds(90));
                if (!answer.StartsWith("done ")) throw new TimeoutException($"update {u} did not reach all {clients} clients within 60 s ({answer})");
                // Stopwatch timestamps are the machine's monotonic clock: comparable across processes.
                delays.AddRange(answer[5..].Split(' ').Select(s => Stopwatch.GetElapsedTime(posted, long.Parse(s)).TotalMilliseconds));
            }
        }
        var serverCpu = (Measure.Cpu() - cpu).TotalMilliseconds / updates;
        var loopGcPause = (GC.GetTotalPauseDuration() - loopPause).TotalMilliseconds / updates;
        // The same minus what the server would have spent idle over the loop's wall time: the cost of the updates themselves.
        var aboveIdle = serverCpu - idlePerSecond * loop.Elapsed.TotalSeconds / updates;
        var clientCpu = (ClientsCpu(children) - clientsCpu).TotalMilliseconds / updates;
        var serialisations = (snapshotWrites.Count - writes) / (double)updates;
        delays.Sort();
        return new FanOutResult(clients, Measure.Percentile(delays, 0.99), serverCpu, clientCpu, serialisations, snapshotWrites.LastBytes, idlePerSecond, aboveIdle,
            connected.Seconds, connected.CpuSeconds, connected.GcPauseMillis, loopGcPause, children.Count, connected.Gcs, gcs.TakeSummary(), gcs.TakeAllocations());
    }

    static TimeSpan ClientsCpu(List<ChildProcess> children) => children.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Cpu());
}
