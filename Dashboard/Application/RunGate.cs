namespace Growth.Dashboard.Application;

/// <summary>
/// A test host's hold on long runs, so a browser test can see a run part-way and cancel it without waiting on time:
/// while held, a projection's chunks after the first <see cref="Hold"/> lets through, and an import at its commit
/// point, wait until released or cancelled (an import passes once more as it begins to store, and waits there until
/// released: it can no longer be cancelled). Registered only by test hosts; without one, runs never wait.
/// </summary>
public sealed class RunGate
{
    readonly Lock sync = new();
    TaskCompletionSource released = Released();
    int passes = int.MaxValue;

    static TaskCompletionSource Released()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    /// <summary>Lets <paramref name="passes"/> more waits through, then holds the rest until <see cref="Release"/>.</summary>
    public void Hold(int passes)
    {
        lock (sync)
        {
            this.passes = passes;
            if (released.Task.IsCompleted) released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets every wait through, now and later.</summary>
    public void Release()
    {
        lock (sync)
        {
            passes = int.MaxValue;
            released.TrySetResult();
        }
    }

    /// <summary>Passes at once while not held (or while passes are left); else waits for <see cref="Release"/> or the cancel.</summary>
    public Task PassAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (released.Task.IsCompleted || passes > 0)
            {
                if (passes != int.MaxValue) passes--;
                return Task.CompletedTask;
            }
            return released.Task.WaitAsync(cancellationToken);
        }
    }
}
