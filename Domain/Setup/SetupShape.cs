using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Growth.Domain.Setup;

/// <summary>
/// Gives a parsed file the shape of a setup type: every field checked against the type it must have (a number where
/// a number belongs, a known field name, a known enum value), every problem named by its field path. The result is
/// canonical JSON (camelCase names, enums as camelCase strings, missing and null fields left out so they take their
/// defaults) that the serializer reads without further checks. Paths are only spelt out for a problem.
/// </summary>
internal static class SetupShape
{
    static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Fields = new();
    static readonly ConcurrentDictionary<Type, string[]> EnumNames = new();

    /// <summary>Writes the canonical JSON of <paramref name="node"/> as a <paramref name="type"/>; problems are collected, not thrown.</summary>
    public static void Shape(RawNode node, Type type, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is RawScalar { Kind: RawKind.Null }) json.WriteNullValue();
        else if (type == typeof(string)) Text(node, path, json, problems);
        else if (type == typeof(decimal) || type == typeof(double) || type == typeof(int) || type == typeof(long)) Number(node, type, path, json, problems);
        else if (type == typeof(bool)) Boolean(node, path, json, problems);
        else if (type == typeof(DateOnly)) Date(node, path, json, problems);
        else if (type.IsEnum) Enum(node, type, path, json, problems);
        else if (ListItemType(type) is { } item) List(node, item, path, json, problems);
        else Object(node, type, path, json, problems);
    }

    static void Add(List<SetupProblem> problems, FieldPath path, Utf8JsonWriter json, string message)
    {
        problems.Add(new SetupProblem(path.ToString(), message));
        json.WriteNullValue();
    }

    static void Text(RawNode node, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Text or RawKind.Plain } s) json.WriteStringValue(s.Text);
        else Add(problems, path, json, "must be text" + (node is RawScalar ? " (put it in quotes)" : ""));
    }

    static void Number(RawNode node, Type type, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        var whole = type == typeof(int) || type == typeof(long);
        var expected = whole ? "must be a whole number" : "must be a number";
        if (node is not RawScalar { Kind: RawKind.Number or RawKind.Plain } s)
        {
            Add(problems, path, json, expected);
            return;
        }
        var text = s.Text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(decimal) && decimal.TryParse(text, NumberStyles.Float, inv, out var m)) json.WriteNumberValue(m);
        else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, inv, out var d) && double.IsFinite(d)) json.WriteNumberValue(d);
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, inv, out var i)) json.WriteNumberValue(i);
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, inv, out var l)) json.WriteNumberValue(l);
        else
        {
            var limit = type == typeof(int) ? int.MaxValue : type == typeof(long) ? long.MaxValue : (double)decimal.MaxValue;
            var tooBig = double.TryParse(text, NumberStyles.Float, inv, out var any) && double.IsFinite(any) && Math.Abs(any) > limit;
            Add(problems, path, json, tooBig ? "is out of range" : expected);
        }
    }

    static void Boolean(RawNode node, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Boolean or RawKind.Plain } s && bool.TryParse(s.Text, out var b)) json.WriteBooleanValue(b);
        else Add(problems, path, json, "must be true or false");
    }

    static void Date(RawNode node, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        if (node is RawScalar { Kind: RawKind.Text or RawKind.Plain } s &&
            DateOnly.TryParseExact(s.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else Add(problems, path, json, "must be a date (yyyy-MM-dd)");
    }

    static void Enum(RawNode node, Type type, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        var names = EnumNames.GetOrAdd(type, t => System.Enum.GetNames(t).Select(CamelCase).ToArray());
        if (node is RawScalar { Kind: RawKind.Text or RawKind.Plain } s)
        {
            var text = s.Text.Trim();
            foreach (var name in names)
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    json.WriteStringValue(name);
                    return;
                }
        }
        Add(problems, path, json, $"must be one of: {string.Join(", ", names)}");
    }

    static void List(RawNode node, Type item, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        if (node is not RawList list)
        {
            Add(problems, path, json, "must be a list");
            return;
        }
        json.WriteStartArray();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is RawScalar { Kind: RawKind.Null }) Add(problems, path.Item(i), json, "must not be empty");
            else Shape(list.Items[i], item, path.Item(i), json, problems);
        }
        json.WriteEndArray();
    }

    static void Object(RawNode node, Type type, FieldPath path, Utf8JsonWriter json, List<SetupProblem> problems)
    {
        var fields = FieldsOf(type);
        if (node is not RawMap map)
        {
            Add(problems, path, json, $"must be a set of fields ({string.Join(", ", fields.Keys.Take(6))}{(fields.Count > 6 ? ", ..." : "")})");
            return;
        }
        json.WriteStartObject();
        var seen = 0UL; // bit i: the i-th field of the type was given (setup records have fewer than 64 fields)
        foreach (var (key, value) in map.Fields)
        {
            var name = fields.ContainsKey(key) ? key : fields.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var near = Nearest(key, fields.Keys);
                problems.Add(new SetupProblem(path.Field(key).ToString(),
                    $"unknown field '{key}'" + (near is null ? $"; the fields here are {string.Join(", ", fields.Keys)}" : $" (did you mean '{near}'?)")));
                continue;
            }
            var bit = 1UL << (Order(type, name) & 63);
            if ((seen & bit) != 0)
            {
                problems.Add(new SetupProblem(path.Field(key).ToString(), $"field '{name}' is given twice"));
                continue;
            }
            seen |= bit;
            // A null field is left out: it takes its default.
            if (value is RawScalar { Kind: RawKind.Null }) continue;
            json.WritePropertyName(name);
            Shape(value, fields[name].PropertyType, path.Field(name), json, problems);
        }
        json.WriteEndObject();
    }

    static readonly ConcurrentDictionary<(Type, string), int> Orders = new();

    static int Order(Type type, string name) => Orders.GetOrAdd((type, name), k => FieldsOf(k.Item1).Keys.ToList().IndexOf(k.Item2));

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

/// <summary>A field path built as the shaping walks down, spelt out only when a problem names it.</summary>
internal sealed class FieldPath
{
    readonly FieldPath? parent;
    readonly string? name;
    readonly int index;

    FieldPath(FieldPath? parent, string? name, int index) => (this.parent, this.name, this.index) = (parent, name, index);

    /// <summary>The path of a document ("") or of a part ("catalogue").</summary>
    public static FieldPath Root(string name) => new(null, name, -1);

    public FieldPath Field(string field) => new(this, field, -1);

    public FieldPath Item(int i) => new(this, null, i);

    public override string ToString()
    {
        if (parent is null) return name ?? "";
        var head = parent.ToString();
        if (name is null) return $"{head}[{index}]";
        return head.Length == 0 ? name : $"{head}.{name}";
    }
}
