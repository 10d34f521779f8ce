namespace Growth.Dashboard.Application.Import;

/// <summary>
/// One import's cancel and its commit point, decided once and atomically: until the import commits (it has read and
/// checked every file and is about to store), <see cref="TryCancel"/> stops it and nothing is stored; once it has
/// committed, a cancel is refused (false) and the import runs to its end, because stopping while the journeys are
/// stored would leave part of the history in the workspace. A cancel and the commit racing each other never both win.
/// </summary>
public sealed class ImportRun : IDisposable
{
    const int Reading = 0, Cancelled = 1, Committing = 2;
    readonly CancellationTokenSource cancel = new();
    int state = Reading;

    /// <summary>Cancels the reading (the import passes it to every read of the files).</summary>
    public CancellationToken Token => cancel.Token;

    /// <summary>Whether the import has passed its commit point: a cancel is refused from then on.</summary>
    public bool Committed => Volatile.Read(ref state) == Committing;

    /// <summary>Whether a cancel was accepted (the import stops before storing anything).</summary>
    public bool IsCancellationRequested => Volatile.Read(ref state) == Cancelled;

    /// <summary>Cancels the import if it has not committed yet (true); false once it is storing, and then it runs to its end.</summary>
    public bool TryCancel()
    {
        var was = Interlocked.CompareExchange(ref state, Cancelled, Reading);
        if (was == Committing) return false;
        cancel.Cancel();
        return true;
    }

    /// <summary>The commit point: from here a cancel is refused; throws <see cref="OperationCanceledException"/> if a cancel came first.</summary>
    public void Commit()
    {
        if (Interlocked.CompareExchange(ref state, Committing, Reading) != Reading) throw new OperationCanceledException(Token);
    }

    public void Dispose() => cancel.Dispose();
}
