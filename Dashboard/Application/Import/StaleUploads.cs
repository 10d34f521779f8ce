using System.Diagnostics;

namespace Growth.Dashboard.Application.Import;

/// <summary>
/// The import page's temporary upload files (<see cref="UploadedFiles"/>) left behind by a process that died before it
/// could delete them. Each file is named after the process that wrote it (<c>{process id}-{guid}.csv</c>), so a host
/// starting deletes those of processes no longer running, and those bearing its own id (left by an earlier process
/// that had the same id: a container's process is id 1 after every restart). Files of a running process are kept: two
/// hosts on one machine share the folder. A file named without a process id was written by a build before this one and
/// is deleted too. Nothing else in the folder is touched.
/// </summary>
public static class StaleUploads
{
    /// <summary>The folder the page's uploads wait in: growth-import in the system's temporary folder.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "growth-import");

    /// <summary>A new upload file's name for the process <paramref name="processId"/>.</summary>
    public static string NameFor(int processId) => $"{processId}-{Guid.NewGuid():N}.csv";

    /// <summary>Deletes the stale upload files in <see cref="Folder"/>, as this process starts; returns how many.</summary>
    public static int Clean() => Clean(Folder, Environment.ProcessId, IsRunning);

    /// <summary>
    /// Deletes the upload files in <paramref name="folder"/> whose process is not <paramref name="isRunning"/> or is
    /// <paramref name="ownProcessId"/> (this process has written none yet); returns how many were deleted.
    /// </summary>
    public static int Clean(string folder, int ownProcessId, Func<int, bool> isRunning)
    {
        if (!Directory.Exists(folder)) return 0;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.csv"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var dash = name.IndexOf('-');
            bool stale;
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), out var writer)) stale = writer == ownProcessId || !isRunning(writer);
            // {guid}.csv: the name an earlier build gave its uploads.
            else stale = name.Length == 32 && Guid.TryParseExact(name, "N", out _);
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

    /// <summary>Whether a process with id <paramref name="processId"/> is running.</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
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
