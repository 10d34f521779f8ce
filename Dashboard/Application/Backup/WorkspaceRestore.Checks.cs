using Growth.Domain.Backup;
using Growth.Domain.Workspaces;
using Growth.Grains.Backup;
using Growth.Grains.Workspaces;
using Orleans.Serialization;

namespace Growth.Dashboard.Application.Backup;

/// <summary>The checks of a backup's files and lines, before a restore writes anything.</summary>
public sealed partial class WorkspaceRestore
{
    static void Verify(BackupManifest manifest, string name, long lines, long bytes, string sha256)
    {
        var expected = manifest.Entries.Single(e => e.Name == name);
        if (expected.Lines != lines || expected.Bytes != bytes)
            throw new InvalidDataException($"{name} holds {lines} lines ({bytes} bytes), the manifest says {expected.Lines} ({expected.Bytes} bytes): the file is truncated or was changed");
        if (!string.Equals(expected.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{name}: its SHA-256 is {sha256}, the manifest says {expected.Sha256}: the file was changed or damaged");
    }

    static (BackupPart Part, object Record) Decode(Serializer serializer, BackupLine line, long number)
    {
        var where = $"{BackupManifest.RecordsFile} line {number}";
        var part = BackupParts.Named(line.Part ?? "") ?? throw new InvalidDataException(
            $"{where}: unknown part '{line.Part}' (known: {string.Join(", ", BackupParts.All.Select(p => p.Name))})");
        if (part == BackupParts.Shard) throw new InvalidDataException($"{where}: shard records are rebuilt from the journeys, never read from a backup");
        if (part.ByWorkspace ? line.Id != "" : !Names.IsValidId(line.Id))
            throw new InvalidDataException($"{where}: id '{line.Id}' is not valid for part {part.Name} ({(part.ByWorkspace ? "must be empty" : Names.IdRule)})");
        try { return (part, part.Decode(serializer, Convert.FromBase64String(line.Data ?? ""))); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException($"{where}: the {part.Name} record '{line.Id}' is not readable ({e.Message})", e);
        }
    }

    /// <summary>The shard an archive line is for ("shard-{i}"), or why not.</summary>
    static int ArchiveShard(string id, long number) =>
        id.StartsWith("shard-", StringComparison.Ordinal) && int.TryParse(id.AsSpan("shard-".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < Keys.ShardCount
            ? i : throw new InvalidDataException($"{BackupManifest.RecordsFile} line {number}: shardArchive id '{id}' is not shard-0 to shard-{Keys.ShardCount - 1}");

    static async Task<long> CopyAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes) return total;
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return total;
    }
}
