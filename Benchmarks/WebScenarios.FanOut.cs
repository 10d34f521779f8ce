using System.Diagnostics;

namespace Growth.Benchmarks;

/// <summary>What the fan-out scenario measured for one number of clients.</summary>
public sealed record FanOutResult(
    int Clients, double P99Millis, double ServerCpuMillisPerUpdate, double ClientsCpuMillisPerUpdate,
    double SerialisationsPerUpdate, long SnapshotBytes, double IdleServerCpuMillisPerSecond, double ServerCpuAboveIdleMillisPerUpdate);

public sealed partial class WebScenarios
{
    readonly SnapshotWrites snapshotWrites = new();

    /// <summary>
    /// p99 delivery delay of an update to <paramref name="clients"/> SignalR clients on one workspace, and the server's
    /// CPU per update. The clients run in a child process (<see cref="FanOutClients"/>), so this process's CPU time is
    /// the web host's and its silo's (and the small batch posted per update), not the clients' reading of the updates.
    /// </summary>
    public async Task<FanOutResult> FanOutAsync(int clients)
    {
        var workspace = $"bench-fanout-{clients}";
        await PostAsync(workspace, Batch(5));
        await using var child = await ChildProcess.StartAsync(FanOutClients.Mode, [$"{baseUrl}/hubs/growth", clients.ToString(), workspace],
            new Dictionary<string, string> { [FanOutClients.CookieVariable] = cookies.GetCookieHeader(new Uri(baseUrl)) },
            TimeSpan.FromMinutes(10));

        // What the server spends with the clients connected and nothing to send (keep-alive pings, timers).
        var idleCpu = Measure.Cpu();
        var idleWatch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(quick ? 1 : 3));
        var idlePerSecond = (Measure.Cpu() - idleCpu).TotalMilliseconds / idleWatch.Elapsed.TotalSeconds;

        var updates = quick ? 5 : 20;
        long journeys = 1;
        var delays = new List<double>();
        var writes = snapshotWrites.Count;
        var cpu = Measure.Cpu();
        var clientsCpu = child.Cpu();
        var loop = Stopwatch.StartNew();
        for (var u = 0; u < updates; u++)
        {
            var batch = Batch(50);
            journeys += batch.Length / 5;
            var armed = await child.AskAsync($"arm {journeys}", TimeSpan.FromSeconds(30));
            if (armed != "armed") throw new InvalidOperationException($"the clients answered '{armed}' to arm");
            var posted = Stopwatch.GetTimestamp();
            await PostAsync(workspace, batch);
            var answer = await child.ReadAsync(TimeSpan.FromSeconds(90));
            if (!answer.StartsWith("done ")) throw new TimeoutException($"update {u} did not reach all {clients} clients within 60 s ({answer})");
            delays.AddRange(answer[5..].Split(' ').Select(s => Stopwatch.GetElapsedTime(posted, long.Parse(s)).TotalMilliseconds));
        }
        var serverCpu = (Measure.Cpu() - cpu).TotalMilliseconds / updates;
        // The same minus what the server would have spent idle over the loop's wall time: the cost of the updates themselves.
        var aboveIdle = serverCpu - idlePerSecond * loop.Elapsed.TotalSeconds / updates;
        var clientCpu = (child.Cpu() - clientsCpu).TotalMilliseconds / updates;
        var serialisations = (snapshotWrites.Count - writes) / (double)updates;
        delays.Sort();
        return new FanOutResult(clients, Measure.Percentile(delays, 0.99), serverCpu, clientCpu, serialisations, snapshotWrites.LastBytes, idlePerSecond, aboveIdle);
    }
}
