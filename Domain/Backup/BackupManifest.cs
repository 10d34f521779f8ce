namespace Growth.Domain.Backup;

/// <summary>One file inside a backup: its name, how many lines (records) it holds, its size and SHA-256 (of its uncompressed bytes).</summary>
public sealed record BackupEntry(string Name, long Lines, long Bytes, string Sha256);

/// <summary>
/// The first thing a restore reads (<c>manifest.json</c> in the backup's zip, written last): what the backup is, of
/// which workspace, when, what it holds (records per part, ledger entries), a checksum per file, and the figures the
/// restored workspace must show.
/// </summary>
public sealed record BackupManifest
{
    /// <summary>The one format name a Growth backup carries.</summary>
    public const string FormatName = "growth-workspace-backup";
    /// <summary>The format version this build writes and reads (a restore refuses any other).</summary>
    public const int CurrentVersion = 1;
    public const string FileName = "manifest.json";
    public const string RecordsFile = "records.jsonl";
    public const string LedgerFile = "ledger.jsonl";

    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = CurrentVersion;
    public string Workspace { get; init; } = "";
    public string Kind { get; init; } = "";
    public DateTimeOffset ExportedAt { get; init; }
    /// <summary>Where the simulation's clock stood (null: no simulation).</summary>
    public DateTimeOffset? SimulatedNow { get; init; }
    /// <summary>The simulation was running and was paused for the export (the restored copy stays paused).</summary>
    public bool WasRunning { get; init; }
    public int SetupVersion { get; init; }
    /// <summary>True: <see cref="LedgerFile"/> is the source's money ledger. False: the source kept none (in-memory storage).</summary>
    public bool LedgerKept { get; init; }
    /// <summary>Records per part (journey, setup, ...) and "ledger" for ledger entries.</summary>
    public SortedDictionary<string, long> Counts { get; init; } = new(StringComparer.Ordinal);
    public IReadOnlyList<BackupEntry> Entries { get; init; } = [];
    public BackupFigures? Figures { get; init; }
    /// <summary>What a backup does not carry, in words (shown to whoever reads the file).</summary>
    public IReadOnlyList<string> NotIncluded { get; init; } = [];

    /// <summary>Why this manifest cannot be restored by this build (empty: it can), each naming the field.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (Format != FormatName) return [$"format is \"{Format}\", not a Growth workspace backup (\"{FormatName}\")"];
        if (FormatVersion != CurrentVersion)
            return [$"formatVersion is {FormatVersion}; this build reads version {CurrentVersion} only (restore it with the Growth version that wrote it, or export it again)"];
        var problems = new List<string>();
        if (Workspace.Length == 0) problems.Add("workspace is missing");
        if (Figures is null) problems.Add("figures are missing");
        foreach (var name in new[] { RecordsFile, LedgerFile })
            if (Entries.Count(e => e.Name == name) != 1) problems.Add($"entries must list {name} once");
        return problems;
    }
}
