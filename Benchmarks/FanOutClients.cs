using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Growth.Benchmarks;

/// <summary>
/// The fan-out scenario's SignalR clients, in a child process of their own so that their receiving and reading of
/// each update is not counted as the server's CPU time. Commands on standard input, one line each:
/// <c>arm N</c> (answer "armed"; then, once every client has seen a snapshot with at least N journeys, "done" and each
/// client's receive time as Stopwatch timestamps, or "timeout" and how many had), <c>quit</c>.
/// </summary>
public static class FanOutClients
{
    public const string Mode = "fan-out-clients";
    /// <summary>Environment variable with the signed-in cookies, "name=value; name=value" (kept off the command line).</summary>
    public const string CookieVariable = "GROWTH_BENCH_COOKIES";

    /// <summary>What a client reads of a snapshot: the rest of it is skipped, not built.</summary>
    sealed record Probe(long Version, long Journeys);

    public static async Task<int> RunAsync(string[] args)
    {
        var (hubUrl, count, workspace) = (args[1], int.Parse(args[2]), args[3]);
        var uri = new Uri(hubUrl);
        var cookies = new CookieContainer();
        foreach (var pair in (Environment.GetEnvironmentVariable(CookieVariable) ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries))
            cookies.Add(new Cookie(pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..], "/", uri.Host));

        long target = 0, received = 0;
        var stamps = new long[count];
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = new HubConnection[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hubUrl, HttpTransportType.WebSockets, o => { o.SkipNegotiation = true; o.Cookies = cookies; })
                .Build();
            connection.On<Probe>("snapshot", p =>
            {
                var t = Volatile.Read(ref target);
                if (t > 0 && p.Journeys >= t && Interlocked.CompareExchange(ref stamps[i], Stopwatch.GetTimestamp(), 0) == 0
                    && Interlocked.Increment(ref received) == count)
                    Volatile.Read(ref all).TrySetResult();
            });
            connection.On<string, object>("notable", (_, _) => { });
            await connection.StartAsync(ct);
            await connection.InvokeAsync<Probe?>("Subscribe", workspace, ct);
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
        await Parallel.ForEachAsync(connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (c, _) => await c.DisposeAsync());
        return 0;
    }
}
