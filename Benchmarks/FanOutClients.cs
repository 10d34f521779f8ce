using System.Diagnostics;

namespace Growth.Benchmarks;

/// <summary>
/// The fan-out scenario's SignalR clients (<see cref="RawHubClient"/>: the hub's JSON protocol over a bare WebSocket), in a child process of their own so that their receiving and reading of
/// each update is not counted as the server's CPU time. Commands on standard input, one line each:
/// <c>arm N</c> (answer "armed"; then, once every client has seen a snapshot with at least N journeys, "done" and each
/// client's receive time as Stopwatch timestamps, or "timeout" and how many had), <c>quit</c>.
/// </summary>
public static class FanOutClients
{
    public const string Mode = "fan-out-clients";
    /// <summary>Environment variable with the signed-in cookies, "name=value; name=value" (kept off the command line).</summary>
    public const string CookieVariable = "GROWTH_BENCH_COOKIES";

    public static async Task<int> RunAsync(string[] args)
    {
        var (hubUrl, count, workspace) = (args[1], int.Parse(args[2]), args[3]);
        var cookieHeader = Environment.GetEnvironmentVariable(CookieVariable) ?? "";

        long target = 0, received = 0;
        var stamps = new long[count];
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = new RawHubClient[count];
        // SignalR's keep-alive from the clients' side, every 10 s (the server drops a client silent for 30 s), from the
        // first connection on: connecting a thousand can take a minute on a busy machine.
        using var stop = new CancellationTokenSource();
        var pinging = PingAsync(connections, stop.Token);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var connection = new RawHubClient(journeys =>
            {
                var t = Volatile.Read(ref target);
                if (t > 0 && journeys >= t && Interlocked.CompareExchange(ref stamps[i], Stopwatch.GetTimestamp(), 0) == 0
                    && Interlocked.Increment(ref received) == count)
                    Volatile.Read(ref all).TrySetResult();
            });
            await connection.StartAsync(new Uri(hubUrl), cookieHeader, workspace, ct);
            connections[i] = connection;
        });
        Console.WriteLine("ready");

        while (Console.ReadLine() is { } line && line != "quit")
        {
            var parts = line.Split(' ');
            if (parts[0] != "arm") { Console.WriteLine($"unknown command {parts[0]}"); continue; }
            Array.Clear(stamps);
            Interlocked.Exchange(ref received, 0);
            Volatile.Write(ref all, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            Volatile.Write(ref target, long.Parse(parts[1]));
            Console.WriteLine("armed");
            try
            {
                await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
                Console.WriteLine("done " + string.Join(' ', stamps));
            }
            catch (TimeoutException)
            {
                Console.WriteLine($"timeout {Interlocked.Read(ref received)}");
            }
            Volatile.Write(ref target, 0);
        }
        stop.Cancel();
        await pinging;
        await Parallel.ForEachAsync(connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (c, _) => await c.DisposeAsync());
        return 0;
    }

    static async Task PingAsync(RawHubClient[] connections, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                foreach (var c in connections)
                    try { if (c is not null) await c.PingAsync(stop); }
                    catch (System.Net.WebSockets.WebSocketException) { }
        }
        catch (OperationCanceledException) { }
    }
}
