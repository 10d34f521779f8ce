using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Growth.Benchmarks;

/// <summary>One figure of the benchmark table.</summary>
public sealed record Row(string Scenario, string Metric, double Value, string Unit, string Target, bool? Met);

/// <summary>Timing helpers: warm-up, then the median of several runs.</summary>
public static class Measure
{
    public const int Runs = 5;

    /// <summary>Runs <paramref name="run"/> once to warm up, then <see cref="Runs"/> times; returns the median.</summary>
    public static async Task<double> MedianAsync(Func<int, Task<double>> run)
    {
        await run(-1);
        var values = new List<double>();
        for (var i = 0; i < Runs; i++) values.Add(await run(i));
        values.Sort();
        return values[values.Count / 2];
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The machine's load average over 1, 5 and 15 minutes (it is shared: each figure is printed with it).</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory:N0} GiB, {Environment.OSVersion}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}";
    }
}
