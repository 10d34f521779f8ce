using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Growth.Dashboard.Tests;

/// <summary>One host process of a <see cref="ProcessGroup"/>: started, waited for until ready, killed, its last lines kept.</summary>
public sealed class HostProcess : IDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> lines = new();
    readonly ConcurrentQueue<string> standardOutput = new();
    readonly ConcurrentQueue<string> fatal = new();
    public string Name { get; }
    public Uri BaseAddress { get; }

    HostProcess(string name, Process process, Uri baseAddress) => (Name, this.process, BaseAddress) = (name, process, baseAddress);

    public static HostProcess Start(string name, string project, Dictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{DashboardHost.FreePort()}");
        return Start(name, project, new(environment) { ["ASPNETCORE_URLS"] = address.ToString() }, address, ["--urls", address.ToString()]);
    }

    /// <summary>
    /// Started the way a container starts it: no --urls, only the environment (which names ASPNETCORE_URLS, e.g.
    /// http://+:PORT); reached at <paramref name="reachAt"/>.
    /// </summary>
    public static HostProcess StartAsContainer(string name, string project, Dictionary<string, string> environment, Uri reachAt) =>
        Start(name, project, environment, reachAt, []);

    static HostProcess Start(string name, string project, Dictionary<string, string> environment, Uri address, string[] args)
    {
        var dll = BuildOutput(project);
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var host = new HostProcess(name, Process.Start(start)!, address);
        host.process.OutputDataReceived += (_, e) => { host.Keep(e.Data); host.KeepOutput(e.Data); };
        host.process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    void Keep(string? line)
    {
        if (line is null) return;
        if (fatal.Count < 10 && FatalLine.IsMatch(line)) fatal.Enqueue(line);
        lines.Enqueue(line);
        while (lines.Count > 200) lines.TryDequeue(out _);
    }

    /// <summary>The first lines the host wrote to stdout only (stderr apart), up to 500.</summary>
    void KeepOutput(string? line)
    {
        if (line is not null && standardOutput.Count < 500) standardOutput.Enqueue(line);
    }

    public IReadOnlyList<string> StandardOutput => standardOutput.ToList();

    public IEnumerable<string> Tail() => lines.TakeLast(40);

    /// <summary>
    /// The lines that say why a host died, whatever came after them: a .NET crash ("Unhandled exception.", "Process
    /// terminated.") or Orleans' fatal error handler ("FATAL EXCEPTION from …", e.g. a silo told it is dead). A failure
    /// message leads with these, since a CI summary shows only its first line and the last 40 lines are often the
    /// stack of the crash rather than its reason.
    /// </summary>
    public string Why() => string.Join('\n', fatal.IsEmpty ? Tail() : fatal.Concat(["--- last lines ---"]).Concat(Tail()));

    static readonly System.Text.RegularExpressions.Regex FatalLine =
        new(@"Unhandled exception\.|Process terminated\.|FATAL EXCEPTION|I have been told I am dead");

    public async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}: {Why()}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (clock.Elapsed > limit) throw new TimeoutException($"{Name} was not ready within {limit.TotalSeconds} s: {string.Join('\n', Tail())}");
            await tick.WaitForNextTickAsync();
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    /// <summary>
    /// SIGTERM, as Kubernetes sends it to a pod in a rolling update and docker stop to a container: the host's
    /// normal stop. Waits until the process has exited (a guard, not a measure) and answers its exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan guard)
    {
        const int SigTerm = 15;
        if (kill(process.Id, SigTerm) != 0) throw new InvalidOperationException($"SIGTERM to {Name} failed (errno {Marshal.GetLastPInvokeError()})");
        using var timeout = new CancellationTokenSource(guard);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{Name} had not exited {guard.TotalSeconds} s after SIGTERM: {Why()}"); }
        return process.ExitCode;
    }

    public void Dispose() => process.Dispose();

    /// <summary>Runs the built host with arguments (e.g. "healthcheck") and the environment; its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string project, string[] args, Dictionary<string, string> environment, TimeSpan limit)
    {
        var dll = BuildOutput(project);
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{project} {string.Join(' ', args)} did not exit within {limit.TotalSeconds} s");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The built entry assembly of a project of the solution, in the configuration these tests were built in.</summary>
    static string BuildOutput(string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent?.Name ?? "Release"; // .../bin/{configuration}/net10.0
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Growth.sln"))) continue;
            var dll = Path.Combine(dir.FullName, project, "bin", configuration, "net10.0", $"Growth.{project}.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first (dotnet build Growth.sln -c {configuration})");
        }
        throw new InvalidOperationException($"Growth.sln not found above {here.FullName}");
    }
}
