using System.Diagnostics;
using System.Net.Sockets;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A real Azurite table service (npm package azurite, installed by test.sh) on a free loopback port, in memory,
/// for the tests of durable storage and clustering.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>How long Azurite may take to listen: about 2 s on a quiet machine, 34 s seen at a load average of 50 (a guard, not a timing assertion).</summary>
    static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(120);

    Process? process;
    public int Port { get; } = DashboardHost.FreePort();
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    static string Executable()
    {
        if (Environment.GetEnvironmentVariable("GROWTH_AZURITE_TABLE") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".azurite", "node_modules", ".bin", "azurite-table");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("azurite-table not found: ./test.sh installs it (npm install --prefix .azurite azurite@3.37.0) and sets GROWTH_AZURITE_TABLE");
    }

    public async Task InitializeAsync()
    {
        process = Process.Start(new ProcessStartInfo(Executable(),
            ["--tableHost", "127.0.0.1", "--tablePort", Port.ToString(), "--inMemoryPersistence", "--disableTelemetry", "--silent"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartGuard && !process.HasExited)
            {
                await tick.WaitForNextTickAsync();
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{Port} within {StartGuard.TotalSeconds:0} s (exited: {process.HasExited})", e);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.Dispose();
        return Task.CompletedTask;
    }
}
