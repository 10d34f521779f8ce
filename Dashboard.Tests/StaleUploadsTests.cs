using Growth.Dashboard.Application.Import;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The import page's temporary upload files do not pile up when a process dies before deleting them: each is named
/// after its process, and a starting host deletes those of processes no longer running (and of its own id, left by an
/// earlier process that had it), keeping a running host's and anything that is not an upload.
/// </summary>
public sealed class StaleUploadsTests : IDisposable
{
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("growth-stale-upload-test-");

    public void Dispose() => folder.Delete(recursive: true);

    sealed class BrowserFile(string name, byte[] bytes) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => bytes.Length;
        public string ContentType => "text/csv";
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(bytes, writable: false);
    }

    string Touch(string name)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, "id,stage\n1,won\n");
        return name;
    }

    string[] Left() => folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Files_of_ended_processes_and_of_this_process_s_id_are_deleted_those_of_running_ones_and_other_files_kept()
    {
        const int own = 1, running = 4242, ended = 7007;
        var keptRunning = Touch($"{running}-{Guid.NewGuid():N}.csv");
        Touch($"{ended}-{Guid.NewGuid():N}.csv");
        Touch($"{ended}-{Guid.NewGuid():N}.csv");
        // Left by an earlier process with this one's id (a container restarted: id 1 again).
        Touch($"{own}-{Guid.NewGuid():N}.csv");
        // Named by a build before process ids were in the name.
        Touch($"{Guid.NewGuid():N}.csv");
        var notes = Touch("notes.txt");
        var mine = Touch("customers.csv");
        var asked = new List<int>();

        var deleted = StaleUploads.Clean(folder.FullName, own, id => { asked.Add(id); return id == running; });

        Assert.Equal(4, deleted);
        Assert.Equal(new[] { keptRunning, mine, notes }.Order(StringComparer.Ordinal), Left());
        Assert.DoesNotContain(own, asked);
        // Once more: nothing left to delete.
        Assert.Equal(0, StaleUploads.Clean(folder.FullName, own, id => id == running));
        Assert.Equal(0, StaleUploads.Clean(Path.Combine(folder.FullName, "absent"), own, _ => false));
    }

    [Fact]
    public async Task A_chosen_file_is_named_after_this_process_and_survives_another_host_s_start_but_not_this_process_s_end()
    {
        using var files = new UploadedFiles(new ImportOptions { MaxUploadMegabytes = 1 }, folder.FullName);
        Assert.Null(await files.AddAsync("pipeline", new BrowserFile("deals.csv", "id,stage\n1,won\n"u8.ToArray())));
        var chosen = Path.GetFileName(files["pipeline"]!.Path);
        Assert.StartsWith($"{Environment.ProcessId}-", chosen);
        // A file of a process id no process can have (above any pid_max) is stale.
        var dead = Touch($"{int.MaxValue}-{Guid.NewGuid():N}.csv");

        // Another host starting on this machine (its own id is not ours): this process runs, so its upload stays.
        Assert.Equal(1, StaleUploads.Clean(folder.FullName, ownProcessId: -1, StaleUploads.IsRunning));
        Assert.Equal(new[] { chosen }, Left());
        Assert.DoesNotContain(dead, Left());
        // The next process with this id, after this one ended without deleting it: it goes.
        Assert.Equal(1, StaleUploads.Clean(folder.FullName, ownProcessId: Environment.ProcessId, StaleUploads.IsRunning));
        Assert.Empty(Left());
    }
}
