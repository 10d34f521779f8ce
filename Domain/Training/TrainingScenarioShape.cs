using System.Reflection;
using System.Text.Json;

namespace Growth.Domain.Training;

/// <summary>
/// Checks a scenario file's shape before it is read, so that every misspelt field, every value of the wrong kind and
/// every unknown name (an objection, a step, a temperament) is named at once with its JSON path, the allowed names
/// listed; the JSON reader itself stops at the first. The shape is the <see cref="TrainingScenario"/> record's
/// properties (camel case), so a field added there is known here.
/// </summary>
public static class TrainingScenarioShape
{
    /// <summary>Every shape problem of the text; none if it reads as a <see cref="TrainingScenario"/>.</summary>
    public static IReadOnlyList<ScenarioProblem> Problems(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return [new ScenarioProblem("(root)", $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})")];
        }
        using (document)
        {
            var problems = new List<ScenarioProblem>();
            if (document.RootElement.ValueKind != JsonValueKind.Object) problems.Add(new ScenarioProblem("(root)", "must be a JSON object"));
            else Walk(document.RootElement, typeof(TrainingScenario), "", problems);
            return problems;
        }
    }

    static void Walk(JsonElement e, Type type, string path, List<ScenarioProblem> problems)
    {
        var at = path.Length == 0 ? "(root)" : path;
        void Fail(string problem) => problems.Add(new ScenarioProblem(at, problem));
        if (e.ValueKind == JsonValueKind.Null) { Fail("must not be null"); return; }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            if (e.ValueKind != JsonValueKind.String) Fail($"must be one of {string.Join(", ", names)}");
            else if (!names.Contains(e.GetString(), StringComparer.OrdinalIgnoreCase))
                Fail($"'{e.GetString()}' is not a known {Words(type.Name)} (allowed: {string.Join(", ", names)})");
            return;
        }
        if (type == typeof(string))
        {
            if (e.ValueKind != JsonValueKind.String) Fail("must be text");
            return;
        }
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(ulong))
        {
            var ok = e.ValueKind == JsonValueKind.Number && (type == typeof(ulong) ? e.TryGetUInt64(out _) : type == typeof(decimal) ? e.TryGetDecimal(out _) : e.TryGetDouble(out _));
            if (!ok) Fail(type == typeof(ulong) ? "must be a whole number, 0 or more" : "must be a number");
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            if (e.ValueKind != JsonValueKind.Array) { Fail("must be a list ([...])"); return; }
            var item = type.GetGenericArguments()[0];
            var i = 0;
            foreach (var x in e.EnumerateArray()) Walk(x, item, $"{path}[{i++}]", problems);
            return;
        }
        if (type.IsClass)
        {
            if (e.ValueKind != JsonValueKind.Object) { Fail("must be an object ({...})"); return; }
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var field in e.EnumerateObject())
            {
                var inner = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                if (properties.TryGetValue(field.Name, out var property)) Walk(field.Value, property.PropertyType, inner, problems);
                else problems.Add(new ScenarioProblem(inner, $"is not a known field (known here: {string.Join(", ", properties.Keys)})"));
            }
        }
    }

    // ObjectionType -> "objection type"
    static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
