using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Growth.Dashboard.Application.Backup;

/// <summary>One line of <c>records.jsonl</c>: a stored grain record, by part and id relative to the workspace, as base64 of its Orleans serialization.</summary>
public sealed record BackupLine(string Part, string Id, string Data);

/// <summary>The JSON of a backup's files (camelCase, enums by name) and a writer of JSON lines that counts and hashes what it writes.</summary>
public static class BackupJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}

/// <summary>Writes JSON lines to a stream, counting lines and bytes and hashing them (SHA-256) for the manifest.</summary>
public sealed class JsonLinesWriter(Stream stream) : IDisposable
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    public long Lines { get; private set; }
    public long Bytes { get; private set; }

    public async Task WriteAsync<T>(T value, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, BackupJson.Options);
        await WriteRawAsync(bytes, cancellationToken);
        await WriteRawAsync("\n"u8.ToArray(), cancellationToken);
        Lines++;
    }

    async Task WriteRawAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        hash.AppendData(bytes);
        Bytes += bytes.Length;
        await stream.WriteAsync(bytes, cancellationToken);
    }

    public Domain.Backup.BackupEntry Entry(string name) => new(name, Lines, Bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));

    public void Dispose() => hash.Dispose();
}

/// <summary>Reads JSON lines back, counting and hashing them the same way, and names the line of anything unreadable.</summary>
public sealed class JsonLinesReader(Stream stream, string file) : IDisposable
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly StreamReader reader = new(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
    public long Lines { get; private set; }
    public long Bytes { get; private set; }

    /// <summary>Every line as <typeparamref name="T"/>; throws <see cref="InvalidDataException"/> naming the file and line of one that is not.</summary>
    public async IAsyncEnumerable<T> ReadAsync<T>([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            hash.AppendData(bytes);
            Bytes += bytes.Length;
            Lines++;
            T? value;
            try { value = JsonSerializer.Deserialize<T>(line, BackupJson.Options); }
            catch (JsonException e) { throw new InvalidDataException($"{file} line {Lines}: not a readable record ({e.Message})", e); }
            yield return value ?? throw new InvalidDataException($"{file} line {Lines}: empty record");
        }
    }

    public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose()
    {
        hash.Dispose();
        reader.Dispose();
    }
}
