namespace Growth.Domain.Progress;

/// <summary>What a long run counts its work in.</summary>
public enum ProgressUnit
{
    /// <summary>Monte Carlo paths of a projection (a chunk is 250).</summary>
    Paths,
    /// <summary>Characters of the files an import reads (the files' text, decoded).</summary>
    Characters,
    /// <summary>Journeys an import applies to the workspace.</summary>
    Journeys,
    /// <summary>Steps of a run made of a few phases (a calibration).</summary>
    Steps,
}

/// <summary>
/// How far a long run has got: <see cref="Done"/> of <see cref="Total"/> <see cref="Unit"/>s in phase <see cref="Phase"/>
/// (0 first; a run of several phases counts each from 0). Counts only what has really been done: a chunk of paths
/// run, a character read, a journey applied.
/// </summary>
public sealed record RunProgress(ProgressUnit Unit, long Done, long Total, int Phase = 0)
{
    /// <summary>The share done, 0..1 (0 while the total is unknown).</summary>
    public double Share => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);

    /// <summary>Whether the phase's work is all done.</summary>
    public bool Complete => Total > 0 && Done >= Total;

    /// <summary>The start of a phase: nothing done of <paramref name="total"/>.</summary>
    public static RunProgress Start(ProgressUnit unit, long total, int phase = 0) => new(unit, 0, total, phase);

    /// <summary>
    /// The farther of this and <paramref name="next"/>: a later phase, or more done in the same phase. Reports from
    /// parallel workers may arrive out of order; what a person sees never goes back.
    /// </summary>
    public RunProgress Advance(RunProgress? next) =>
        next is null || next.Phase < Phase || next.Phase == Phase && next.Done < Done ? this : next;
}

/// <summary>
/// Counts work done by parallel workers (each adds what it finished) and reports the running total to
/// <paramref name="sink"/>. Thread-safe; one per run, never shared between runs.
/// </summary>
public sealed class ProgressCounter(ProgressUnit unit, long total, IProgress<RunProgress>? sink, int phase = 0)
{
    long done;

    /// <summary>What has been counted so far.</summary>
    public long Done => Interlocked.Read(ref done);

    /// <summary>The total the run counts towards.</summary>
    public long Total => total;

    /// <summary>Reports the start (nothing done yet).</summary>
    public void Begin() => sink?.Report(RunProgress.Start(unit, total, phase));

    /// <summary>Adds <paramref name="count"/> finished units (never more than the total is reported).</summary>
    public void Add(long count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "work done cannot be negative");
        var now = Interlocked.Add(ref done, count);
        sink?.Report(new RunProgress(unit, Math.Min(now, total), total, phase));
    }
}
