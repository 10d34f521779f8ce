using System.Text.Json;
using System.Text.Json.Nodes;
using Growth.Domain.Training;

namespace Growth.Dashboard.Components.Training;

/// <summary>
/// The scenario being written on the editor page: the file's text, its language, and the simple fields (title and
/// summary) kept in step with the text, so either may be edited.
/// </summary>
public sealed class ScenarioDraft
{
    static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Json { get; set; } = "";
    public string Language { get; set; } = ScenarioLibrary.English;
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>The id the text names (shown; edited in the text).</summary>
    public string Id { get; private set; } = "";
    /// <summary>Every problem of the text as last checked; null before any check.</summary>
    public IReadOnlyList<ScenarioProblem>? Problems { get; set; }

    /// <summary>Starts from a file's text: the fields are read from it.</summary>
    public void Load(string json, string language)
    {
        (Json, Language, Problems) = (json, language, null);
        ReadFields();
    }

    /// <summary>Reads id, title and summary from the text (left as they were if the text is not a JSON object).</summary>
    public void ReadFields()
    {
        if (Node() is not { } root) return;
        Id = Text(root, "id");
        Title = Text(root, "title");
        Summary = Text(root, "summary");
    }

    /// <summary>Writes the title and summary fields into the text (nothing if the text is not a JSON object).</summary>
    public void WriteFields()
    {
        if (Node() is not { } root) return;
        root[Key(root, "title")] = Title;
        root[Key(root, "summary")] = Summary;
        Json = root.ToJsonString(Indented);
        Problems = null;
    }

    JsonObject? Node()
    {
        try { return JsonNode.Parse(Json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject; }
        catch (JsonException) { return null; }
    }

    // The field's own spelling where the text has it (names are read case-insensitively), so no second one is added.
    static string Key(JsonObject root, string name) =>
        root.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    static string Text(JsonObject root, string name) =>
        root.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
