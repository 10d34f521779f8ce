using System.Diagnostics;

namespace Growth.Benchmarks;

/// <summary>
/// This benchmark program run again as a child process in one of its helper modes (SignalR clients, a silo), spoken to
/// one line at a time over its standard input and output: work kept out of the process whose CPU time is measured.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    readonly Process process;
    readonly Task stderr;
    readonly List<string> errors = [];

    ChildProcess(Process process)
    {
        this.process = process;
        stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
                lock (errors) if (errors.Count < 40) errors.Add(line);
        });
    }

    public int Id => process.Id;

    /// <summary>Starts <c>Growth.Benchmarks &lt;mode&gt; args...</c> and waits for its first line, "ready".</summary>
    public static async Task<ChildProcess> StartAsync(string mode, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? readyWithin = null)
    {
        var exe = Environment.ProcessPath!;
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Run as `dotnet Growth.Benchmarks.dll` or as the app host: the child is started the same way.
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        info.ArgumentList.Add(mode);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var child = new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start the {mode} child process"));
        var ready = await child.ReadAsync(readyWithin ?? TimeSpan.FromMinutes(3));
        if (ready != "ready") throw child.Failed($"answered '{ready}' instead of ready");
        return child;
    }

    /// <summary>Sends one command line and reads the one line that answers it.</summary>
    public async Task<string> AskAsync(string command, TimeSpan within)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        return await ReadAsync(within);
    }

    /// <summary>Reads the next line the child writes.</summary>
    public async Task<string> ReadAsync(TimeSpan within)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(within);
        return line ?? throw Failed("ended");
    }

    InvalidOperationException Failed(string what)
    {
        string tail;
        lock (errors) tail = string.Join(Environment.NewLine, errors.TakeLast(10));
        return new InvalidOperationException($"child process {process.Id} {what}{(tail.Length > 0 ? ":" + Environment.NewLine + tail : "")}");
    }

    /// <summary>Kills the child at once (SIGKILL, as a crash): it neither finishes what it was doing nor writes again.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>The child's CPU time so far (user and system, all its threads).</summary>
    public TimeSpan Cpu()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await process.StandardInput.WriteLineAsync("quit");
                process.StandardInput.Close();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
        catch (Exception e) when (e is TimeoutException or IOException)
        {
            process.Kill(entireProcessTree: true);
        }
        await stderr.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        process.Dispose();
    }
}
