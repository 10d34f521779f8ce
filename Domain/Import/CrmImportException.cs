namespace Growth.Domain.Import;

/// <summary>
/// A whole file cannot be imported (empty, or its header lacks mapped columns). Problems of single rows
/// are never thrown: they are rejected or fixed up in the <see cref="ImportReport"/>.
/// </summary>
public sealed class CrmImportException : Exception
{
    public CrmImportException(string fileName, string message, IReadOnlyList<string>? missingColumns = null)
        // A reading that names its file already (a date column's) is not prefixed twice.
        : base(message.StartsWith($"{fileName}: ", StringComparison.Ordinal) ? message : $"{fileName}: {message}")
    {
        FileName = fileName;
        Problem = message.StartsWith($"{fileName}: ", StringComparison.Ordinal) ? message[(fileName.Length + 2)..] : message;
        MissingColumns = missingColumns ?? [];
    }

    /// <summary>
    /// An import in which no row could be imported: refused whole, since storing it would only replace the workspace's
    /// organisation with one that has no deals. The message gives the counts and the reasons.
    /// </summary>
    public static CrmImportException NothingImported(string fileName, ImportReport report)
    {
        var reasons = string.Join("; ", report.RejectedByReason.Select(r => $"{r.Key}: {r.Value:N0}"));
        var first = report.Rejected.Count > 0 ? $" (first: {report.Rejected[0]})" : "";
        return new CrmImportException(fileName,
            report.RowsRead == 0 ? "the file has a header but no data rows; nothing was imported"
            : $"none of its {report.RowsRead:N0} rows could be imported; rejected {reasons}{first}") { Report = report };
    }

    /// <summary>What was read of the rows when the import was refused for importing nothing; null otherwise.</summary>
    public ImportReport? Report { get; private init; }

    /// <summary>What is wrong with the file, without its name (the message is "file: problem").</summary>
    public string Problem { get; }

    /// <summary>The file that was refused.</summary>
    public string FileName { get; }

    /// <summary>Mapped columns its header lacks (empty when the file was refused for another reason).</summary>
    public IReadOnlyList<string> MissingColumns { get; }
}
