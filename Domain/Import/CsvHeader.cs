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

    /// <summary>
    /// The distinct values of <paramref name="column"/> (trimmed, blanks left out), in the order the file first names
    /// them, at most <paramref name="limit"/>; read as a stream to the end or until the limit. Empty when the header
    /// lacks the column (the import itself says so).
    /// </summary>
    public static IReadOnlyList<string> Values(CrmSource source, string column, int limit)
    {
        using var csv = CsvReader.Create(source.Reader, new CsvReaderOptions { Separator = ',', TrimWhitespace = true, PoolStrings = true }, leaveOpen: true);
        var values = new List<string>();
        if (!csv.TryGetFieldIndex(column, out var index)) return values;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (values.Count < limit && csv.Read())
        {
            if (index >= csv.FieldCount) continue;
            var value = csv.GetString(index).Trim();
            if (value.Length > 0 && seen.Add(value)) values.Add(value);
        }
        return values;
    }
}
