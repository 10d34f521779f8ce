using Growth.Grains.LiveFeed;

namespace Growth.Dashboard.Live;

/// <summary>
/// Hands one subscriber the live updates of its workspace, latest first: at most one delivery in flight and one
/// waiting. An update that arrives while one waits replaces it (keeping its notable events), so a slow subscriber
/// skips the states it had no time for instead of queueing them, and a fast one receives every update.
/// </summary>
sealed class LatestWins(Func<LiveUpdate, Task> deliver, ILogger logger)
{
    readonly object gate = new();
    LiveUpdate? waiting;
    bool delivering, closed;
    Task loop = Task.CompletedTask;

    /// <summary>The delivery under way (completed when none is): tests wait on it instead of sleeping.</summary>
    internal Task Delivering => Volatile.Read(ref loop);

    /// <summary>Takes an update; never blocks and never runs the subscriber on the caller's thread.</summary>
    public void Offer(LiveUpdate update)
    {
        lock (gate)
        {
            if (closed) return;
            if (delivering)
            {
                waiting = update.Replacing(waiting);
                return;
            }
            delivering = true;
        }
        Volatile.Write(ref loop, DeliverAsync(update));
    }

    /// <summary>Drops the waiting update and takes no more.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            waiting = null;
        }
    }

    async Task DeliverAsync(LiveUpdate first)
    {
        await Task.Yield();
        for (var next = first; next is not null; next = Next())
        {
            try { await deliver(next); }
            catch (Exception e) { logger.LogDebug(e, "A live subscriber failed to take an update"); }
        }
    }

    LiveUpdate? Next()
    {
        lock (gate)
        {
            var next = waiting;
            waiting = null;
            if (next is null) delivering = false;
            return next;
        }
    }
}
