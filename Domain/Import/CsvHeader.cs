using CsvHelper;

namespace Growth.Domain.Import;

/// <summary>The header row of a CSV file, read on its own (to propose a preset before anything is imported).</summary>
public static class CsvHeader
{
    /// <summary>The column names of <paramref name="source"/>'s first row, trimmed; empty for an empty file.</summary>
    public static IReadOnlyList<string> Read(CrmSource source)
    {
        using var csv = CsvReader.Create(source.Reader, new CsvReaderOptions { Separator = ',', TrimWhitespace = true }, leaveOpen: true);
        return csv.Headers.Select(h => h.Trim()).ToArray();
    }
}
