using Growth.Domain.Progress;

namespace Growth.Dashboard.Application.Import;

/// <summary>
/// Reads an export's text for the import and counts what has been read (characters of all the files' characters), so
/// the page shows how far the reading has truly got; each read first checks <paramref name="cancellationToken"/>, so a
/// cancelled import stops while reading, before anything is stored.
/// </summary>
sealed class ProgressReader(TextReader inner, ProgressCounter counter, CancellationToken cancellationToken) : TextReader
{
    public override int Peek()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.Peek();
    }

    public override int Read()
    {
        cancellationToken.ThrowIfCancellationRequested();
        var c = inner.Read();
        if (c >= 0) counter.Add(1);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = inner.Read(buffer);
        if (read > 0) counter.Add(read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
