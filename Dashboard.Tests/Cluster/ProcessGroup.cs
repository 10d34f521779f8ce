using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Host processes started from the solution's build output (<c>dotnet Silo.dll</c>, <c>dotnet Dashboard.dll</c>),
/// each on its own free HTTP port, killed at the end whatever happened. Their output is kept for the test log.
/// </summary>
public sealed class ProcessGroup(ITestOutputHelper output) : IAsyncDisposable
{
    public List<HostProcess> Processes { get; } = [];

    public HostProcess Start(string name, string project, Dictionary<string, string> environment)
    {
        var process = HostProcess.Start(name, project, environment);
        Processes.Add(process);
        return process;
    }

    public Task WaitReadyAsync(TimeSpan limit) => Task.WhenAll(Processes.Select(p => p.WaitReadyAsync(limit)));

    public ValueTask DisposeAsync()
    {
        foreach (var p in Processes)
        {
            p.Kill();
            output.WriteLine($"--- {p.Name} (last lines) ---");
            foreach (var line in p.Tail()) output.WriteLine(line);
            p.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
