using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Growth.Domain.Setup;

/// <summary>
/// Gives a parsed file the shape of a setup type: every field checked against the type it must have (a number where
/// a number belongs, a known field name, a known enum value), every problem named by its field path. The result is
/// canonical JSON (camelCase names, enums as camelCase strings, missing and null fields left out so they take their
/// defaults) that the serializer reads without further checks.
/// </summary>
internal static class SetupShape
{
    static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Fields = new();

    public static JsonNode? Shape(RawNode node, Type type, string path, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Null }) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return Text(node, path, problems);
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(int) || type == typeof(long)) return Number(node, type, path, problems);
        if (type == typeof(bool)) return Boolean(node, path, problems);
        if (type == typeof(DateOnly)) return Date(node, path, problems);
        if (type.IsEnum) return Enum(node, type, path, problems);
        if (ListItemType(type) is { } item) return List(node, item, path, problems);
        return Object(node, type, path, problems);
    }

    static void Add(List<SetupProblem> problems, string path, string message) => problems.Add(new SetupProblem(path, message));

    static JsonNode? Text(RawNode node, string path, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Text or RawKind.Plain } s) return JsonValue.Create(s.Text);
        Add(problems, path, "must be text" + (node is RawScalar ? " (put it in quotes)" : ""));
        return null;
    }

    static JsonNode? Number(RawNode node, Type type, string path, List<SetupProblem> problems)
    {
        var whole = type == typeof(int) || type == typeof(long);
        var expected = whole ? "must be a whole number" : "must be a number";
        if (node is not RawScalar { Kind: RawKind.Number or RawKind.Plain } s)
        {
            Add(problems, path, expected);
            return null;
        }
        var text = s.Text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(decimal) && decimal.TryParse(text, NumberStyles.Float, inv, out var m)) return JsonValue.Create(m);
        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, inv, out var d) && double.IsFinite(d)) return JsonValue.Create(d);
        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, inv, out var i)) return JsonValue.Create(i);
        if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, inv, out var l)) return JsonValue.Create(l);
        var tooBig = double.TryParse(text, NumberStyles.Float, inv, out var any) && double.IsFinite(any);
        Add(problems, path, tooBig && !(whole && any != Math.Floor(any)) ? "is out of range" : expected);
        return null;
    }

    static JsonNode? Boolean(RawNode node, string path, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Boolean or RawKind.Plain } s && bool.TryParse(s.Text, out var b)) return JsonValue.Create(b);
        Add(problems, path, "must be true or false");
        return null;
    }

    static JsonNode? Date(RawNode node, string path, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Text or RawKind.Plain } s &&
            DateOnly.TryParseExact(s.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(problems, path, "must be a date (yyyy-MM-dd)");
        return null;
    }

    static JsonNode? Enum(RawNode node, Type type, string path, List<SetupProblem> problems)
    {
        var names = System.Enum.GetNames(type).Select(CamelCase).ToList();
        if (node is RawScalar { Kind: RawKind.Text or RawKind.Plain } s)
        {
            var match = names.FirstOrDefault(n => string.Equals(n, s.Text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is not null) return JsonValue.Create(match);
        }
        Add(problems, path, $"must be one of: {string.Join(", ", names)}");
        return null;
    }

    static JsonNode? List(RawNode node, Type item, string path, List<SetupProblem> problems)
    {
        if (node is not RawList list)
        {
            Add(problems, path, "must be a list");
            return null;
        }
        var array = new JsonArray();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (list.Items[i] is RawScalar { Kind: RawKind.Null })
            {
                Add(problems, itemPath, "must not be empty");
                continue;
            }
            array.Add(Shape(list.Items[i], item, itemPath, problems));
        }
        return array;
    }

    static JsonNode? Object(RawNode node, Type type, string path, List<SetupProblem> problems)
    {
        var fields = FieldsOf(type);
        if (node is not RawMap map)
        {
            Add(problems, path, $"must be a set of fields ({string.Join(", ", fields.Keys.Take(6))}{(fields.Count > 6 ? ", ..." : "")})");
            return null;
        }
        var result = new JsonObject();
        foreach (var (key, value) in map.Fields)
        {
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            var name = fields.ContainsKey(key) ? key : fields.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var near = Nearest(key, fields.Keys);
                Add(problems, fieldPath, $"unknown field '{key}'" + (near is null ? $"; the fields here are {string.Join(", ", fields.Keys)}" : $" (did you mean '{near}'?)"));
                continue;
            }
            if (result.ContainsKey(name))
            {
                Add(problems, fieldPath, $"field '{name}' is given twice");
                continue;
            }
            var shaped = Shape(value, fields[name].PropertyType, path.Length == 0 ? name : $"{path}.{name}", problems);
            if (shaped is not null) result[name] = shaped;
        }
        return result;
    }

    /// <summary>The settable public properties of a setup record by their camelCase name, in declaration order.</summary>
    internal static IReadOnlyDictionary<string, PropertyInfo> FieldsOf(Type type) => Fields.GetOrAdd(type, t =>
    {
        var result = new Dictionary<string, PropertyInfo>();
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
            if (p.CanWrite && p.GetIndexParameters().Length == 0) result[CamelCase(p.Name)] = p;
        return result;
    });

    internal static Type? ListItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var def = type.GetGenericTypeDefinition();
        return def == typeof(IReadOnlyList<>) || def == typeof(List<>) || def == typeof(IList<>) || def == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0] : null;
    }

    internal static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The field name within two edits of a misspelt one, if there is exactly one closest.</summary>
    static string? Nearest(string key, IEnumerable<string> names)
    {
        var best = names.Select(n => (n, d: Distance(key.ToLowerInvariant(), n.ToLowerInvariant()))).Where(x => x.d <= 2).OrderBy(x => x.d).ToList();
        return best.Count > 0 && (best.Count == 1 || best[0].d < best[1].d) ? best[0].n : null;
    }

    static int Distance(string a, string b)
    {
        var prev = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var cur = new int[b.Length + 1];
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            prev = cur;
        }
        return prev[b.Length];
    }
}
