using Growth.Domain.Simulation;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.Logging;

namespace Growth.Grains.Simulation;

/// <summary>The simulation's real-time clock: a timer that runs the steps real time grants, and the keep-alive reminder.</summary>
public sealed partial class SimulationGrain
{
    void StartTimer()
    {
        if (timer is not null) return;
        clock = new SimulationClock(time.GetUtcNow());
        timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { Interleave = false, KeepAlive = true });
    }

    async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!S.Running || stop.Stopping) return;
        var (granted, dropped) = clock.Tick(time.GetUtcNow(), S.Settings.Speed);
        var steps = 0;
        try { for (; steps < granted && !cancellationToken.IsCancellationRequested; steps++) await StepAsync(); }
        catch (SiloStoppingException) when (stop.Stopping) { return; } // the step repeats after a restart, from the saved clock
        clock.Unrun(granted - steps);
        if (dropped > TimeSpan.Zero && steps == granted) logger.LogDebug("Simulation {Workspace} is behind real time; dropping {Owed} of simulated time", Workspace, dropped);
        if (steps > 0)
        {
            await FlushShardsAsync();
            await record.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The shards' journey lists are saved before the clock: after a crash the simulation repeats steps from its
    /// saved clock, and every journey started since is still on a shard's list (starting it again changes nothing).
    /// </summary>
    Task FlushShardsAsync() => Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).FlushAsync()));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != KeepAlive) return;
        // Activation already started the timer of a running simulation; a stopped one needs no reminder.
        if (!S.Running) await StopKeepAliveAsync();
    }

    async Task StopKeepAliveAsync()
    {
        if (await this.GetReminder(KeepAlive) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
