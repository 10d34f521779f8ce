using System.Text.Json;
using System.Text.Json.Nodes;
using Growth.Domain.Import;

namespace Growth.Dashboard.Application.Import;

/// <summary>
/// What an upload of a CRM export holds, for the API and the import page alike: the files (<see cref="FileFields"/>; the
/// teams and products files only when the mapping names them), an optional <see cref="PresetField"/> (Maven by default,
/// <see cref="CrmPresets"/>) and optional column-mapping fields named like the properties of <see cref="CrmColumnMapping"/>
/// (camelCase), put over the preset.
/// </summary>
public static class CrmUpload
{
    /// <summary>The fields that carry the files: the layout's (<see cref="RequiredFiles"/>) and the optional event files (<see cref="EventFields"/>).</summary>
    public static readonly string[] FileFields = ["pipeline", "teams", "products", "leads", .. EventFiles.Fields];

    /// <summary>The optional event files' fields (payments, orders, activities): any layout takes them, none needs them.</summary>
    public static IReadOnlyList<string> EventFields => EventFiles.Fields;

    /// <summary>The form field naming the preset the mapping fields are put over.</summary>
    public const string PresetField = "preset";

    /// <summary>The optional form field with the history's "now" (yyyy-MM-dd): its last event's date when absent.</summary>
    public const string NowField = "now";

    /// <summary>The history's "now" from <see cref="NowField"/> (null when empty), or why it cannot be read.</summary>
    public static (DateTimeOffset? Now, string? Error) NowOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null)
            : (null, $"field {NowField} '{text}' is not a date written yyyy-MM-dd");
    }

    static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web);

    /// <summary>The mapping's field names (camelCase), the file names and the preset name excepted.</summary>
    public static IReadOnlyList<string> MappingFields { get; } = Json(CrmColumnMapping.Maven).Select(p => p.Key)
        .Where(k => !k.EndsWith("File", StringComparison.Ordinal) && k != PresetField).ToList();

    /// <summary>The presets' names, Maven first.</summary>
    public static IReadOnlyList<string> Presets { get; } = CrmPresets.All.Select(p => p.Preset!).ToList();

    /// <summary>The preset's column for each of <see cref="MappingFields"/> ("" where it has none).</summary>
    public static Dictionary<string, string> DefaultMapping(string? preset = null) => FieldsOf(CrmPresets.Named(preset ?? "maven") ?? CrmColumnMapping.Maven);

    /// <summary>The column of <paramref name="mapping"/> for each of <see cref="MappingFields"/> ("" where it has none).</summary>
    public static Dictionary<string, string> FieldsOf(CrmColumnMapping mapping)
    {
        var node = Json(mapping);
        return MappingFields.ToDictionary(f => f, f => node[f]?.GetValue<string>() ?? "");
    }

    /// <summary>The file fields a mapping needs: the pipeline, and the teams, products and leads files when it names them.</summary>
    public static IReadOnlyList<string> RequiredFiles(CrmColumnMapping mapping) => FileFields.Where(f => f switch
    {
        "teams" => mapping.TeamsFile is not null,
        "products" => mapping.ProductsFile is not null,
        "leads" => mapping.LeadsFile is not null,
        "pipeline" => true,
        _ => false,
    }).ToList();

    /// <summary>
    /// The preset (<see cref="PresetField"/>, Maven if none: a built-in one or one of <paramref name="saved"/>) with
    /// <paramref name="fields"/> put over it; or what field is unknown or empty.
    /// </summary>
    public static (CrmColumnMapping? Mapping, string? Error) MappingOf(IEnumerable<KeyValuePair<string, string>> fields, IReadOnlyList<NamedMapping>? saved = null)
    {
        var list = fields.ToList();
        var presetName = list.FirstOrDefault(f => string.Equals(f.Key, PresetField, StringComparison.OrdinalIgnoreCase)).Value;
        var preset = string.IsNullOrWhiteSpace(presetName) ? CrmColumnMapping.Maven
            : CrmPresets.Named(presetName) ?? saved?.FirstOrDefault(p => string.Equals(p.Name, presetName.Trim(), StringComparison.OrdinalIgnoreCase))?.Mapping;
        if (preset is null)
            return (null, $"preset '{presetName}' is unknown; the presets are {string.Join(", ", Presets)}" +
                (saved is { Count: > 0 } ? $", and this workspace's saved ones {string.Join(", ", saved.Select(p => p.Name))}" : ""));
        var node = Json(preset);
        foreach (var (name, value) in list)
        {
            if (string.Equals(name, PresetField, StringComparison.OrdinalIgnoreCase)) continue;
            var key = MappingFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (key is null) return (null, $"form field '{name}' is not a column mapping; the mapping fields are {string.Join(", ", MappingFields)}");
            if (string.IsNullOrWhiteSpace(value)) return (null, $"column mapping '{name}' is empty");
            node[key] = value.Trim();
        }
        return (node.Deserialize<CrmColumnMapping>(MappingJson), null);
    }

    static JsonObject Json(CrmColumnMapping mapping) => JsonSerializer.SerializeToNode(mapping, MappingJson)!.AsObject();
}
