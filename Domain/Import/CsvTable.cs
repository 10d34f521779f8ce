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
/// A CSV export read into memory, only its mapped columns, with them located in the header. The file itself is read
/// as a stream (never held whole) and values repeated down a column (owners, stages, dates) share one string, so a
/// million-row deals export stays a few hundred bytes a row; the import needs two passes over the pipeline (date
/// orders and join checks first), so the mapped columns are kept.
/// </summary>
internal sealed class CsvTable
{
    CsvTable(string name, IReadOnlyDictionary<string, int> columns, IReadOnlyList<CsvRecord> records, IReadOnlyList<string> notes)
    {
        Name = name;
        Columns = columns;
        Records = records;
        Notes = notes;
    }

    public string Name { get; }
    /// <summary>Index of each mapped column in a record's fields, by the mapped name.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }
    /// <summary>Data rows in file order; rows whose fields are all empty, and a report footer, are left out.</summary>
    public IReadOnlyList<CsvRecord> Records { get; }
    /// <summary>What the report should say about how the file was read (a footer skipped, the encoding guessed).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads <paramref name="source"/>; throws <see cref="CrmImportException"/> when the header lacks a column.</summary>
    /// <param name="optionalColumns">Columns kept when the header has them (absent ones are not in <see cref="Columns"/>).</param>
    public static CsvTable Read(CrmSource source, IReadOnlyList<string> requiredColumns, IReadOnlyList<string>? optionalColumns = null)
    {
        // Malformed rows are reported by the reader before it returns them; keyed by record number (header = 1).
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            TrackLineNumbers = true,
            PoolStrings = true,
            OnMalformedRecord = m => malformed.TryAdd(m.RecordNumber, m.Reason),
        };
        using var csv = CsvReader.Create(source.Reader, options, leaveOpen: true);
        var header = csv.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            throw new CrmImportException(source.Name, "the file is empty: no header row");
        var (columns, wanted) = Locate(source.Name, csv, header, requiredColumns, optionalColumns ?? []);

        var records = new List<CsvRecord>();
        var footer = new ReportFooter();
        while (csv.Read())
        {
            var count = csv.FieldCount;
            // Spreadsheets pad exports with rows of bare commas: not data, so not counted.
            var blank = true;
            for (var i = 0; i < count && blank; i++) blank = csv.IsEmpty(i);
            if (blank) continue;
            var line = (int)csv.LineNumber;
            if (footer.Take(csv, line)) continue;
            records.AddRange(footer.Release(text => Array.ConvertAll(wanted, w => w == 0 ? text : ""), header.Count));
            var fields = new string[wanted.Length];
            for (var i = 0; i < wanted.Length; i++) fields[i] = wanted[i] < count ? csv.GetString(wanted[i]).Trim() : "";
            var problem = malformed.Remove(csv.RowNumber + 1, out var reason)
                ? $"malformed CSV ({reason})"
                : count != header.Count ? $"{count} fields where the header has {header.Count}" : null;
            records.Add(new CsvRecord(line, fields, problem));
        }
        var notes = new List<string>();
        if (source.Note is { } note) notes.Add(note);
        if (footer.Note(source.Name, records.Count) is { } skipped) notes.Add(skipped);
        return new CsvTable(source.Name, columns, records, notes);
    }

    /// <summary>The mapped columns' positions among the kept fields, and each kept field's position in the file.</summary>
    static (Dictionary<string, int> Columns, int[] Wanted) Locate(string name, CsvReader csv, IReadOnlyList<string> header, IReadOnlyList<string> required,
        IReadOnlyList<string> optional)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var wanted = new List<int>();
        var missing = new List<string>();
        foreach (var column in required.Concat(optional.Where(c => !required.Contains(c, StringComparer.Ordinal))).Distinct(StringComparer.Ordinal))
        {
            if (!csv.TryGetFieldIndex(column, out var index))
            {
                if (!optional.Contains(column, StringComparer.Ordinal) || required.Contains(column, StringComparer.Ordinal)) missing.Add(column);
                continue;
            }
            var at = wanted.IndexOf(index);
            if (at < 0)
            {
                at = wanted.Count;
                wanted.Add(index);
            }
            columns[column] = at;
        }
        if (missing.Count > 0)
            throw new CrmImportException(name,
                $"the header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (header: {string.Join(", ", header)})",
                missing);
        return (columns, wanted.ToArray());
    }
}
