using CsvHelper;

namespace Growth.Domain.Import;

/// <summary>One data row of a CSV file: its line in the file (the header is line 1) and its trimmed fields.</summary>
/// <param name="Problem">Why the row cannot be trusted (bad quoting, wrong number of fields), or null.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem)
{
    /// <summary>The field in column <paramref name="index"/>; empty when the row is short.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index] : "";
}

/// <summary>
/// A CSV export read whole into memory, with its mapped columns located in the header. CRM exports are
/// small (thousands of rows) and the import needs two passes over the pipeline, so reading whole is simplest.
/// </summary>
internal sealed class CsvTable
{
    CsvTable(string name, IReadOnlyDictionary<string, int> columns, IReadOnlyList<CsvRecord> records)
    {
        Name = name;
        Columns = columns;
        Records = records;
    }

    public string Name { get; }
    /// <summary>Index of each mapped column, by the mapped name.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }
    /// <summary>Data rows in file order; rows whose fields are all empty are left out.</summary>
    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Reads <paramref name="source"/>; throws <see cref="CrmImportException"/> when the header lacks a column.</summary>
    public static CsvTable Read(CrmSource source, IReadOnlyList<string> requiredColumns)
    {
        // Malformed rows are reported by the reader before it returns them; keyed by record number (header = 1).
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            TrackLineNumbers = true,
            OnMalformedRecord = m => malformed.TryAdd(m.RecordNumber, m.Reason),
        };
        using var csv = CsvReader.Create(source.Reader, options, leaveOpen: true);
        var header = csv.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            throw new CrmImportException(source.Name, "the file is empty: no header row");
        var columns = Locate(source.Name, csv, header, requiredColumns);

        var records = new List<CsvRecord>();
        while (csv.Read())
        {
            var fields = csv.Current.ToArray().Select(f => f.Trim()).ToArray();
            // Spreadsheets pad exports with rows of bare commas: not data, so not counted.
            if (Array.TrueForAll(fields, f => f.Length == 0)) continue;
            var problem = malformed.TryGetValue(csv.RowNumber + 1, out var reason)
                ? $"malformed CSV ({reason})"
                : fields.Length != header.Count ? $"{fields.Length} fields where the header has {header.Count}" : null;
            records.Add(new CsvRecord((int)csv.LineNumber, fields, problem));
        }
        return new CsvTable(source.Name, columns, records);
    }

    static Dictionary<string, int> Locate(string name, CsvReader csv, IReadOnlyList<string> header, IReadOnlyList<string> required)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var column in required.Distinct(StringComparer.Ordinal))
        {
            if (csv.TryGetFieldIndex(column, out var index)) columns[column] = index;
            else missing.Add(column);
        }
        if (missing.Count > 0)
            throw new CrmImportException(name,
                $"the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (header: {string.Join(", ", header)})",
                missing);
        return columns;
    }
}
