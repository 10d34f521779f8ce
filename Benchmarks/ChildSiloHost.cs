using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>
/// What the benchmark's silo processes (<see cref="ClusterSilo"/>, <see cref="DurableIndexSilo"/>) share: a host whose
/// logs go to standard error (standard output is the line protocol with the parent), and the protocol itself: "ready"
/// once started, then one answer per command line until <c>quit</c>.
/// </summary>
public static class ChildSiloHost
{
    public static HostApplicationBuilder Builder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    /// <summary>Starts the host, says "ready", answers each command (null: unknown) until <c>quit</c> or the end of input, then stops it.</summary>
    public static async Task<int> ServeAsync(HostApplicationBuilder builder, Func<string, string?> answer)
    {
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line && line != "quit")
            Console.WriteLine(answer(line) ?? $"unknown command {line}");
        await host.StopAsync();
        return 0;
    }
}
