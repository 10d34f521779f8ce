using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Growth.Dashboard.Application.Backup;
using Growth.Domain.Backup;
using Growth.Grains.Backup;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>Backups changed the ways a file goes wrong: a new manifest (checksums kept), or a record changed behind the manifest's back.</summary>
public static class BackupFiles
{
    /// <summary>The backup with its manifest rewritten by <paramref name="change"/>; every other file as it was.</summary>
    public static byte[] WithManifest(byte[] backup, Func<BackupManifest, BackupManifest> change) => Rewrite(backup, (name, bytes) =>
        name == BackupManifest.FileName
            ? JsonSerializer.SerializeToUtf8Bytes(change(JsonSerializer.Deserialize<BackupManifest>(bytes, BackupJson.Options)!), BackupJson.Options)
            : bytes);

    /// <summary>The backup with one character of the first record's data changed (the manifest still has the old checksum).</summary>
    public static byte[] WithRecordChanged(byte[] backup) => Rewrite(backup, (name, bytes) =>
    {
        if (name != BackupManifest.RecordsFile) return bytes;
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("\"data\":\"", StringComparison.Ordinal) + 10;
        return Encoding.UTF8.GetBytes(text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..]);
    });

    static byte[] Rewrite(byte[] backup, Func<string, byte[], byte[]> change)
    {
        using var input = new ZipArchive(new MemoryStream(backup), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in input.Entries)
            {
                using var read = new MemoryStream();
                using (var from = entry.Open()) from.CopyTo(read);
                using var to = zip.CreateEntry(entry.FullName).Open();
                to.Write(change(entry.FullName, read.ToArray()));
            }
        return output.ToArray();
    }

    public static ByteArrayContent Zip(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/zip");
        return content;
    }

    /// <summary>No workspace of the name, in the directory or in storage: no journeys, setup, simulation or stored record.</summary>
    public static async Task AssertNothingOfAsync(DashboardHost host, string workspace)
    {
        Assert.Null(await host.Grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync());
        Assert.DoesNotContain(await host.Grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync(), e => e.Name == workspace);
        for (var i = 0; i < Keys.ShardCount; i++)
            Assert.Empty(await host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).JourneyIdsAsync());
        var store = host.Grains.GetGrain<IBackupStoreGrain>(0);
        foreach (var part in BackupParts.All.Where(p => p.ByWorkspace))
            Assert.Empty(await store.ReadAsync(part.Name, workspace, [""]));
        Assert.Null(await host.Grains.GetGrain<ISetupGrain>(workspace).GetAsync());
        Assert.False((await host.Grains.GetGrain<ISimulationGrain>(workspace).GetStatusAsync()).Created);
    }
}
