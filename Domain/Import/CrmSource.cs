using System.Text;

namespace Growth.Domain.Import;

/// <summary>
/// One CSV export to read: its name (for messages, such as "sales_pipeline.csv") and its text.
/// The caller owns the reader; the import reads it to the end and does not dispose it.
/// </summary>
public sealed record CrmSource(string Name, TextReader Reader)
{
    /// <summary>Windows-1252, the code page spreadsheets on Western Windows save "CSV" in.</summary>
    const int WindowsLatin1 = 1252;

    /// <summary>
    /// A source over a stream of bytes, decoded as <see cref="Decode"/> says. The stream is read whole (exports are
    /// held in memory to be read twice anyway) and left open.
    /// </summary>
    public static CrmSource FromStream(string name, Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new(name, new StringReader(Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))));
    }

    /// <summary>A source over CSV text held in a string.</summary>
    public static CrmSource FromText(string name, string text) => new(name, new StringReader(text));

    /// <summary>
    /// The text of an export's bytes. A byte order mark decides the encoding (UTF-8, UTF-16 LE or BE, UTF-32 LE);
    /// without one, the bytes are UTF-8 if they are valid UTF-8 and Windows-1252 otherwise (assumed: an export that
    /// is not UTF-8 comes from a Western spreadsheet; a byte sequence invalid in UTF-8 is almost never valid text
    /// that was meant as UTF-8, so the fallback does not misread UTF-8 files).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return Encoding.UTF32.GetString(bytes[4..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // The code pages provider is part of the shared framework; asked directly, so nothing global is registered.
            return CodePagesEncodingProvider.Instance.GetEncoding(WindowsLatin1)!.GetString(bytes);
        }
    }
}
