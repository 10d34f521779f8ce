using Growth.Dashboard.Application.Import;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The import page's temporary upload files do not pile up when a process dies before deleting them: each is named
/// after its process, and a starting host deletes those whose process has ended (no process has the id, or the one
/// that has it started after the file was written), keeping a running process's (another host's, or a second host's
/// in this process), a recent file of an earlier build, and anything that is not an upload.
/// </summary>
public sealed class StaleUploadsTests : IDisposable
{
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("growth-stale-upload-test-");

    public void Dispose() => folder.Delete(recursive: true);

    static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    sealed class BrowserFile(string name, byte[] bytes) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => bytes.Length;
        public string ContentType => "text/csv";
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(bytes, writable: false);
    }

    string Touch(string name, DateTime written)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, "id,stage\n1,won\n");
        File.SetLastWriteTimeUtc(path, written);
        return name;
    }

    string[] Left() => folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Files_of_ended_processes_are_deleted_and_those_of_running_ones_recent_unnamed_ones_and_other_files_kept()
    {
        const int running = 4242, ended = 7007, reused = 1;
        var hourAgo = Now.AddHours(-1);
        DateTime? StartedAt(int id) => id switch { running => Now.AddHours(-2), reused => Now.AddMinutes(-5), _ => null };
        var keptRunning = Touch($"{running}-{Guid.NewGuid():N}.csv", hourAgo);
        Touch($"{ended}-{Guid.NewGuid():N}.csv", hourAgo);
        Touch($"{ended}-{Guid.NewGuid():N}.csv", Now.AddDays(-3));
        // Written by an earlier process with id 1, before the one now running as 1 started (a container restarted).
        Touch($"{reused}-{Guid.NewGuid():N}.csv", hourAgo);
        var keptReused = Touch($"{reused}-{Guid.NewGuid():N}.csv", Now.AddMinutes(-1));
        // Named by a build before process ids were in the name: kept while a day could not have passed.
        Touch($"{Guid.NewGuid():N}.csv", Now.AddDays(-2));
        var keptUnnamed = Touch($"{Guid.NewGuid():N}.csv", hourAgo);
        var notes = Touch("notes.txt", Now.AddDays(-9));
        var mine = Touch("customers.csv", Now.AddDays(-9));

        Assert.Equal(4, StaleUploads.Clean(folder.FullName, StartedAt, Now));

        Assert.Equal(new[] { keptRunning, keptReused, keptUnnamed, mine, notes }.Order(StringComparer.Ordinal), Left());
        // Once more: nothing left to delete; no folder, nothing to do.
        Assert.Equal(0, StaleUploads.Clean(folder.FullName, StartedAt, Now));
        Assert.Equal(0, StaleUploads.Clean(Path.Combine(folder.FullName, "absent"), StartedAt, Now));
    }

    [Fact]
    public async Task A_chosen_file_is_named_after_this_process_and_kept_while_it_runs_but_not_after_its_id_is_reused()
    {
        using var files = new UploadedFiles(new ImportOptions { MaxUploadMegabytes = 1 }, folder.FullName);
        Assert.Null(await files.AddAsync("pipeline", new BrowserFile("deals.csv", "id,stage\n1,won\n"u8.ToArray())));
        var chosen = Path.GetFileName(files["pipeline"]!.Path);
        Assert.StartsWith($"{Environment.ProcessId}-", chosen);
        // A process id no process can have (above any pid_max): its file is stale.
        Touch($"{int.MaxValue}-{Guid.NewGuid():N}.csv", DateTime.UtcNow.AddMinutes(-1));
        Assert.Null(StaleUploads.StartedAt(int.MaxValue));

        // A host starting now, in this process or beside it: this process runs and wrote the file after it started.
        Assert.Equal(1, StaleUploads.Clean(folder.FullName, StaleUploads.StartedAt, DateTime.UtcNow));
        Assert.Equal(new[] { chosen }, Left());
        // After this process ended, the next one given its id starts later than the file was written: it goes.
        Assert.Equal(1, StaleUploads.Clean(folder.FullName, _ => DateTime.UtcNow.AddMinutes(1), DateTime.UtcNow));
        Assert.Empty(Left());
    }
}
