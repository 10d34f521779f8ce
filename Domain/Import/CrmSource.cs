namespace Growth.Domain.Import;

/// <summary>
/// One CSV export to read: its name (for messages, such as "sales_pipeline.csv") and its text.
/// The caller owns the reader; the import reads it to the end and does not dispose it.
/// </summary>
public sealed record CrmSource(string Name, TextReader Reader)
{
    /// <summary>A source over a stream of bytes; a byte order mark sets the encoding, UTF-8 otherwise.</summary>
    public static CrmSource FromStream(string name, Stream stream) =>
        new(name, new StreamReader(stream, detectEncodingFromByteOrderMarks: true));

    /// <summary>A source over CSV text held in a string.</summary>
    public static CrmSource FromText(string name, string text) => new(name, new StringReader(text));
}
