using System.Text;
using System.Text.Unicode;

namespace Growth.Domain.Import;

/// <summary>
/// One CSV export to read: its name (for messages, such as "sales_pipeline.csv") and its text.
/// The caller owns the reader; the import reads it to the end and does not dispose it.
/// </summary>
/// <param name="Note">What the report should say about how the file was read (its encoding guessed), or null.</param>
public sealed record CrmSource(string Name, TextReader Reader, string? Note = null)
{
    /// <summary>Windows-1252, the code page spreadsheets on Western Windows save "CSV" in.</summary>
    const int WindowsLatin1 = 1252;

    /// <summary>Bytes read at a time while checking that a file without a byte order mark is UTF-8.</summary>
    const int ChunkBytes = 1 << 16;

    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A source over a stream of bytes, decoded as <see cref="Decode"/> says, read as it goes (never held whole). A
    /// seekable stream (a file, an upload) is read twice when it has no byte order mark: once to check it is UTF-8,
    /// then to decode it; a stream that cannot seek is copied to memory first. The stream is left open.
    /// </summary>
    public static CrmSource FromStream(string name, Stream stream)
    {
        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }
        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var headLength = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        head = head[..headLength];
        stream.Position = start;
        Encoding? byMark = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8
            : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) ? Encoding.UTF32
            : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : null;
        if (byMark is not null) return new(name, new StreamReader(stream, byMark, detectEncodingFromByteOrderMarks: true, leaveOpen: true));
        var badRow = FirstNonUtf8Row(stream);
        stream.Position = start;
        if (badRow is null) return new(name, new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true));
        return new(name, new StreamReader(stream, Latin1(), detectEncodingFromByteOrderMarks: false, leaveOpen: true),
            WindowsLatin1Note(name, badRow.Value));
    }

    /// <summary>A source over CSV text held in a string.</summary>
    public static CrmSource FromText(string name, string text) => new(name, new StringReader(text));

    /// <summary>
    /// The text of an export's bytes. A byte order mark decides the encoding (UTF-8, UTF-16 LE or BE, UTF-32 LE);
    /// without one, the bytes are UTF-8 if they are valid UTF-8 and Windows-1252 otherwise (assumed: an export that
    /// is not UTF-8 comes from a Western spreadsheet; a byte sequence invalid in UTF-8 is almost never valid text
    /// that was meant as UTF-8, so the fallback does not misread UTF-8 files). The import says so in its notes.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        using var reader = FromStream("", new MemoryStream(bytes.ToArray())).Reader;
        return reader.ReadToEnd();
    }

    /// <summary>The note of a file read as Windows-1252: it names the row of the first byte that is not UTF-8.</summary>
    public static string WindowsLatin1Note(string name, int row) =>
        $"{name} is not UTF-8 (row {row} has the first byte that is not) and has no byte order mark: it was read as Windows-1252, " +
        "the encoding of Western spreadsheets; save it as UTF-8 if names look wrong";

    /// <summary>The line (1 = header) holding the first byte sequence that is not UTF-8; null when the whole stream is UTF-8.</summary>
    static int? FirstNonUtf8Row(Stream stream)
    {
        var buffer = new byte[ChunkBytes + 4];
        var chars = new char[ChunkBytes + 4];
        int carried = 0, read, line = 1;
        while ((read = stream.Read(buffer, carried, ChunkBytes)) > 0 || carried > 0)
        {
            var length = carried + read;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false,
                isFinalBlock: read == 0);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData) return line;
            if (read == 0) return null;
            // An incomplete sequence at the end of the chunk is carried into the next one.
            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
        }
        return null;
    }

    // The code pages provider is part of the shared framework; asked directly, so nothing global is registered.
    static Encoding Latin1() => CodePagesEncodingProvider.Instance.GetEncoding(WindowsLatin1)!;
}
