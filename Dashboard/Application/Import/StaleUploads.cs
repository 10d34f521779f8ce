using System.Diagnostics;

namespace Growth.Dashboard.Application.Import;

/// <summary>
/// The import page's temporary upload files (<see cref="UploadedFiles"/>) left behind by a process that died before it
/// could delete them. Each file is named after the process that wrote it (<c>{process id}-{guid}.csv</c>), so a host
/// starting deletes those whose process has ended: no process has that id, or the one that has it started after the
/// file was last written (the id was reused: a container's process is id 1 after every restart, so this host's own id
/// is judged the same way, and a second host in the same process keeps the first one's files). Files of a running
/// process are kept: hosts on one machine share the folder. A file named without a process id was written by a build
/// before this one: it goes once it is a day old (assumed: no upload waits on the page that long), since such a build
/// may still be running beside this one. Nothing else in the folder is touched.
/// </summary>
public static class StaleUploads
{
    /// <summary>The folder the page's uploads wait in: growth-import in the system's temporary folder.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "growth-import");

    /// <summary>Age after which a file named without a process id is deleted (assumed).</summary>
    public static readonly TimeSpan UnnamedAge = TimeSpan.FromDays(1);

    /// <summary>A new upload file's name for the process <paramref name="processId"/>.</summary>
    public static string NameFor(int processId) => $"{processId}-{Guid.NewGuid():N}.csv";

    /// <summary>Deletes the stale upload files in <see cref="Folder"/>, as a host starts; returns how many.</summary>
    public static int Clean() => Clean(Folder, StartedAt, DateTime.UtcNow);

    /// <summary>
    /// Deletes the upload files in <paramref name="folder"/> whose process has ended: <paramref name="startedAt"/> says
    /// none has its id (null) or one started after the file was last written; and those named without a process id
    /// older than <see cref="UnnamedAge"/> at <paramref name="now"/>. Returns how many were deleted.
    /// </summary>
    public static int Clean(string folder, Func<int, DateTime?> startedAt, DateTime now)
    {
        if (!Directory.Exists(folder)) return 0;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.csv"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var dash = name.IndexOf('-');
            var written = File.GetLastWriteTimeUtc(path);
            bool stale;
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), out var writer)) stale = startedAt(writer) is not { } started || written < started;
            // {guid}.csv: the name an earlier build gave its uploads.
            else stale = name.Length == 32 && Guid.TryParseExact(name, "N", out _) && now - written > UnnamedAge;
            if (!stale) continue;
            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (IOException) { /* gone already, or held open: the next start tries again */ }
            catch (UnauthorizedAccessException) { /* another user's file in a shared folder: not ours to delete */ }
        }
        return deleted;
    }

    /// <summary>
    /// When the process with id <paramref name="processId"/> started (UTC); null when none runs. One that cannot be
    /// asked counts as started long ago, so its files are kept.
    /// </summary>
    public static DateTime? StartedAt(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime.ToUniversalTime();
        }
        catch (ArgumentException) { return null; }
        catch (InvalidOperationException) { return null; }
        catch (System.ComponentModel.Win32Exception) { return DateTime.MinValue; }
        catch (UnauthorizedAccessException) { return DateTime.MinValue; }
    }
}

/// <summary>Deletes the stale upload files of dead processes as the host starts (<see cref="StaleUploads"/>).</summary>
public sealed class StaleUploadCleanup(ILogger<StaleUploadCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var deleted = StaleUploads.Clean();
        if (deleted > 0) logger.LogInformation("Deleted {Count} temporary upload file(s) left in {Folder} by processes that ended", deleted, StaleUploads.Folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
