using System.Text;
using Growth.Domain.Setup;

namespace Growth.Dashboard.Application.Setup;

/// <summary>
/// Setup documents as files and request bodies: which format a body or file is in, its download name, and reading
/// a body up to <see cref="MaxBytes"/>.
/// </summary>
public static class SetupFiles
{
    /// <summary>Largest setup document taken, in bytes (assumed: 5 MB holds a setup of well over 10,000 reps; more is a 413).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Content types read as YAML; JSON is <c>application/json</c>, <c>text/json</c> or any <c>+json</c>.</summary>
    public static IReadOnlyList<string> YamlTypes { get; } = ["application/yaml", "text/yaml", "application/x-yaml", "text/x-yaml"];

    public static string ContentType(SetupFileFormat format) => format == SetupFileFormat.Yaml ? "application/yaml" : "application/json";

    public static string Extension(SetupFileFormat format) => format == SetupFileFormat.Yaml ? "yaml" : "json";

    /// <summary>The download name: <c>{workspace}-setup-v{n}.yaml</c> (or <c>.json</c>).</summary>
    public static string FileName(string workspace, int version, SetupFileFormat format) => $"{workspace}-setup-v{version}.{Extension(format)}";

    /// <summary>
    /// The format of a body or file: by content type first, then by the file's extension (<c>.yaml</c>, <c>.yml</c>,
    /// <c>.json</c>), else by its first character (<c>{</c> is JSON, anything else YAML).
    /// </summary>
    public static SetupFileFormat FormatOf(string? contentType, string? fileName, string text)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (YamlTypes.Contains(type)) return SetupFileFormat.Yaml;
        if (type is "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal)) return SetupFileFormat.Json;
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is ".yaml" or ".yml") return SetupFileFormat.Yaml;
        if (extension is ".json") return SetupFileFormat.Json;
        return text.TrimStart().StartsWith('{') ? SetupFileFormat.Json : SetupFileFormat.Yaml;
    }

    /// <summary>A <c>?format=</c> value: json (default) or yaml/yml; null if it names neither.</summary>
    public static SetupFileFormat? Named(string? format) => (format ?? "json").ToLowerInvariant() switch
    {
        "json" => SetupFileFormat.Json,
        "yaml" or "yml" => SetupFileFormat.Yaml,
        _ => null,
    };

    public static Refusal UnknownFormat(string? format) =>
        new(RefusalKind.Invalid, "Unknown format", $"format '{format}' is neither json nor yaml");

    public static Refusal TooLarge { get; } =
        new(RefusalKind.TooLarge, "Setup too large", $"a setup document may be at most {MaxBytes / (1024 * 1024)} MB; nothing was applied");

    /// <summary>Reads a UTF-8 body of at most <see cref="MaxBytes"/>; more is refused as too large without reading it all.</summary>
    public static async Task<Outcome<string>> ReadAsync(Stream body, long? declaredLength, CancellationToken cancellationToken = default)
    {
        if (declaredLength > MaxBytes) return TooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return TooLarge;
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
