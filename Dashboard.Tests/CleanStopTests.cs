using System.Collections.Concurrent;
using System.Diagnostics;
using Growth.Dashboard.Hosting;
using Growth.Grains.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Stopping the default run (the web host with its embedded silo, in-memory storage, the demo simulating on the
/// real clock) ends quietly: no Error entries. It used to log about 100,000 lines of stack traces after 45 s of the
/// demo (journeys writing their state to in-memory storage grains already gone, placement retries).
/// </summary>
[Collection(ClusterFailoverTests.Alone)]
public sealed class CleanStopTests(ITestOutputHelper output)
{
    sealed class Recorder : ILoggerProvider
    {
        public readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        sealed class Logger(Recorder recorder, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) recorder.Entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : $" | {exception.GetType().Name}: {exception.Message}")));
            }
        }
    }

    [Fact]
    public async Task Stopping_the_default_run_with_the_demo_simulating_logs_no_errors()
    {
        var recorder = new Recorder();
        var app = DashboardApp.Build(
        [
            "--urls", "http://127.0.0.1:0", $"--Orleans:SiloPort={DashboardHost.FreePort()}", $"--Orleans:GatewayPort={DashboardHost.FreePort()}",
            $"--Orleans:ClusterId=stop-{Guid.NewGuid():N}", "--Demo:Speed=20", "--Demo:ExistingCustomers=100",
        ], builder => builder.Logging.AddProvider(recorder));
        await app.StartAsync();
        // Until the demo has journeys in flight: many leads, so many journey grains hold unwritten state.
        var demo = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ISimulationGrain>(DemoWorkspace.Name);
        var clock = Stopwatch.StartNew();
        using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200)))
            while ((await demo.GetStatusAsync()).Leads < 300)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "the demo did not reach 300 leads within 90 s");
                await tick.WaitForNextTickAsync();
            }
        var before = recorder.Entries.Count;

        await app.StopAsync();
        await app.DisposeAsync();

        var stop = recorder.Entries.Skip(before).ToList();
        output.WriteLine($"{stop.Count} log entries during the stop");
        foreach (var (level, category, message) in stop.Where(e => e.Level >= LogLevel.Warning)) output.WriteLine($"{level} {category}: {message}");
        Assert.DoesNotContain(recorder.Entries, e => e.Level >= LogLevel.Error);
        Assert.True(stop.Count(e => e.Level >= LogLevel.Warning) <= 5, $"{stop.Count(e => e.Level >= LogLevel.Warning)} warnings during the stop");
    }
}
