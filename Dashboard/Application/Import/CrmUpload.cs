using System.Text.Json;
using Growth.Domain.Import;

namespace Growth.Dashboard.Application.Import;

/// <summary>
/// What an upload of a CRM export holds, for the API and the import page alike: three files (<see cref="FileFields"/>)
/// and optional column-mapping fields named like the properties of <see cref="CrmColumnMapping"/> (camelCase), put
/// over the Maven preset.
/// </summary>
public static class CrmUpload
{
    /// <summary>Largest upload: 32 MiB for the three files together (the Maven sample is under 1 MiB).</summary>
    public const long MaxUploadBytes = 32 * 1024 * 1024;

    /// <summary>The fields that carry the three files.</summary>
    public static readonly string[] FileFields = ["pipeline", "teams", "products"];

    static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web);

    /// <summary>The mapping's field names (camelCase), the file names excepted.</summary>
    public static IReadOnlyList<string> MappingFields { get; } = Maven().Select(p => p.Key).Where(k => !k.EndsWith("File", StringComparison.Ordinal)).ToList();

    /// <summary>The Maven preset's column for each of <see cref="MappingFields"/>.</summary>
    public static Dictionary<string, string> DefaultMapping()
    {
        var maven = Maven();
        // Optional fields (the date formats) have no preset value: "" (detect).
        return MappingFields.ToDictionary(f => f, f => maven[f]?.GetValue<string>() ?? "");
    }

    /// <summary>The Maven preset with <paramref name="fields"/> put over it; or what field is unknown or empty.</summary>
    public static (CrmColumnMapping? Mapping, string? Error) MappingOf(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var node = Maven();
        foreach (var (name, value) in fields)
        {
            var key = MappingFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (key is null) return (null, $"form field '{name}' is not a column mapping; the mapping fields are {string.Join(", ", MappingFields)}");
            if (string.IsNullOrWhiteSpace(value)) return (null, $"column mapping '{name}' is empty");
            node[key] = value.Trim();
        }
        return (node.Deserialize<CrmColumnMapping>(MappingJson), null);
    }

    static System.Text.Json.Nodes.JsonObject Maven() => JsonSerializer.SerializeToNode(CrmColumnMapping.Maven, MappingJson)!.AsObject();
}
