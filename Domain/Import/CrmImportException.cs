namespace Growth.Domain.Import;

/// <summary>
/// A whole file cannot be imported (empty, or its header lacks mapped columns). Problems of single rows
/// are never thrown: they are rejected or fixed up in the <see cref="ImportReport"/>.
/// </summary>
public sealed class CrmImportException : Exception
{
    public CrmImportException(string fileName, string message, IReadOnlyList<string>? missingColumns = null)
        : base($"{fileName}: {message}")
    {
        FileName = fileName;
        MissingColumns = missingColumns ?? [];
    }

    /// <summary>The file that was refused.</summary>
    public string FileName { get; }

    /// <summary>Mapped columns its header lacks (empty when the file was refused for another reason).</summary>
    public IReadOnlyList<string> MissingColumns { get; }
}
