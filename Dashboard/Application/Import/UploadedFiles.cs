using Growth.Domain.Import;
using Microsoft.AspNetCore.Components.Forms;

namespace Growth.Dashboard.Application.Import;

/// <summary>A file chosen on the import page: its name, where its bytes wait on disk, and how many there are.</summary>
public sealed record UploadedFile(string Name, string Path, long Bytes);

/// <summary>Why a chosen file was not taken: over the limit (the files together), or unreadable (the browser's error).</summary>
/// <param name="OthersBytes">Bytes of the other files already chosen, counted against the same limit.</param>
public sealed record UploadProblem(string File, long Bytes, long OthersBytes, string? Unreadable);

/// <summary>
/// The files chosen on the import page, by field (<see cref="CrmUpload.FileFields"/>). Each is streamed from the browser
/// (<see cref="IBrowserFile.OpenReadStream"/> with what is left of the upload limit, the files together, as the API
/// counts it) straight into a temporary file, never held in memory; the import then reads it as a seekable stream
/// (<see cref="CrmSource.FromStream"/>: checked for UTF-8, then decoded as it is read), as it reads a form upload.
/// A file over the limit is refused by its size before a byte is read. The temporary files go when replaced or disposed;
/// each is named after this process (<see cref="StaleUploads"/>), so those of a process that died are deleted when the next one starts.
/// </summary>
public sealed class UploadedFiles(ImportOptions limits, string? folder = null) : IDisposable
{
    /// <summary>Bytes copied at a time from the browser to disk.</summary>
    const int CopyBuffer = 1 << 16;

    readonly Dictionary<string, UploadedFile> files = [];
    readonly string folder = folder ?? StaleUploads.Folder;

    /// <summary>The file chosen for <paramref name="field"/>, or null.</summary>
    public UploadedFile? this[string field] => files.GetValueOrDefault(field);

    public bool Has(string field) => files.ContainsKey(field);

    /// <summary>The bytes of every file chosen.</summary>
    public long TotalBytes => files.Values.Sum(f => f.Bytes);

    /// <summary>
    /// Streams <paramref name="file"/> to disk as the file of <paramref name="field"/> (replacing the one chosen before);
    /// null when taken, or why not (nothing of it is kept then, and the file chosen before stays).
    /// </summary>
    public async Task<UploadProblem?> AddAsync(string field, IBrowserFile file, CancellationToken cancellationToken = default)
    {
        var others = files.Where(f => f.Key != field).Sum(f => f.Value.Bytes);
        var left = limits.MaxUploadBytes - others;
        // Refused before a byte is read: the browser says how large the file is.
        if (file.Size > left) return new UploadProblem(file.Name, file.Size, others, null);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, StaleUploads.NameFor(Environment.ProcessId));
        try
        {
            long copied;
            // The browser's stream stops at what is left of the limit whatever the size it claimed (IOException past it).
            await using (var upload = file.OpenReadStream(left, cancellationToken))
            await using (var disk = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBuffer, FileOptions.Asynchronous))
            {
                await upload.CopyToAsync(disk, CopyBuffer, cancellationToken);
                copied = disk.Length;
            }
            Remove(field);
            files[field] = new UploadedFile(file.Name, path, copied);
            return null;
        }
        catch (IOException e)
        {
            File.Delete(path);
            return new UploadProblem(file.Name, file.Size, others, e.Message);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The file of <paramref name="field"/> as an export to import, streamed from disk; the caller disposes the stream.</summary>
    public (CrmSource Source, Stream Stream) Open(string field)
    {
        var file = files[field];
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer, FileOptions.SequentialScan);
        return (CrmSource.FromStream(file.Name, stream), stream);
    }

    /// <summary>Forgets the file of <paramref name="field"/> and deletes its bytes.</summary>
    public void Remove(string field)
    {
        if (!files.Remove(field, out var file)) return;
        try { File.Delete(file.Path); }
        catch (IOException) { /* still open by a reader that ends soon; the temporary folder is the system's to clear */ }
    }

    public void Dispose()
    {
        foreach (var field in files.Keys.ToList()) Remove(field);
    }
}
