using System.Text.Json;
using System.Text.Json.Nodes;

namespace Growth.Domain.Setup;

/// <summary>What one setup changes against another, field by field (list items matched by their id where they have one).</summary>
/// <remarks>
/// Paths read like validation paths, with an item's key in brackets where the list is matched by key:
/// <c>organisation.regions[north].teams[north-1].reps[rep-7].quota</c>. Items are keyed by their <c>id</c>; prices by
/// their product, named fiscal periods by their name, targets by level, id and period (<c>targets.targets[rep/rep-7/FY2027-Q1]</c>).
/// A list whose keys are missing or repeated is compared by position (<c>[3]</c>). An added or removed item is one
/// change with the whole item as compact JSON on one side and null on the other. Lists of plain values (working
/// days, a campaign's regions) compare as a whole. Changes come in document order; within a list, removed items follow
/// the items of the list after the change.
/// </remarks>
public static class SetupDiff
{
    static readonly JsonSerializerOptions Compact = new(SetupFormat.JsonOptions) { WriteIndented = false };

    public static IReadOnlyList<SetupChange> Compare(SetupDocument before, SetupDocument after)
    {
        var changes = new List<SetupChange>();
        Node(JsonSerializer.SerializeToNode(before, SetupFormat.JsonOptions), JsonSerializer.SerializeToNode(after, SetupFormat.JsonOptions),
            typeof(SetupDocument), "", changes);
        return changes;
    }

    /// <summary>A short line for people: "rep-7 quota 80,000 → 95,000; product gtx-basic listPrice 550 → 600; +1 rep".</summary>
    public static string Summary(IReadOnlyList<SetupChange> changes, int maxLength = 160) => SetupChangeSummary.Line(changes, maxLength);

    static void Node(JsonNode? before, JsonNode? after, Type type, string path, List<SetupChange> changes)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (before is JsonObject bo && after is JsonObject ao)
        {
            foreach (var (name, property) in SetupShape.FieldsOf(type))
                Node(bo[name], ao[name], property.PropertyType, Join(path, name), changes);
            return;
        }
        if (before is JsonArray ba && after is JsonArray aa && SetupShape.ListItemType(type) is { } item && !IsPlain(item))
        {
            List(ba, aa, item, path, changes);
            return;
        }
        var b = Text(before);
        var a = Text(after);
        if (b != a) changes.Add(new SetupChange(path, b, a));
    }

    static void List(JsonArray before, JsonArray after, Type item, string path, List<SetupChange> changes)
    {
        var beforeKeys = before.Select(n => KeyOf(n, item)).ToList();
        var afterKeys = after.Select(n => KeyOf(n, item)).ToList();
        if (Unique(beforeKeys) && Unique(afterKeys))
        {
            var old = new Dictionary<string, JsonNode?>();
            for (var i = 0; i < before.Count; i++) old[beforeKeys[i]!] = before[i];
            for (var i = 0; i < after.Count; i++)
            {
                var at = $"{path}[{afterKeys[i]}]";
                if (old.Remove(afterKeys[i]!, out var was)) Node(was, after[i], item, at, changes);
                else changes.Add(new SetupChange(at, null, Text(after[i])));
            }
            foreach (var key in beforeKeys)
                if (old.TryGetValue(key!, out var gone)) changes.Add(new SetupChange($"{path}[{key}]", Text(gone), null));
            return;
        }
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var at = $"{path}[{i}]";
            if (i >= after.Count) changes.Add(new SetupChange(at, Text(before[i]), null));
            else if (i >= before.Count) changes.Add(new SetupChange(at, null, Text(after[i])));
            else Node(before[i], after[i], item, at, changes);
        }
    }

    /// <summary>The key an item of a list is matched by, or null if it has none.</summary>
    static string? KeyOf(JsonNode? node, Type item)
    {
        if (node is not JsonObject o) return null;
        string? Field(string name) => o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (item == typeof(TargetSetup)) return $"{Field("level")}/{(Field("id") is { Length: > 0 } id ? id + "/" : "")}{Field("period")}";
        if (item == typeof(PriceSetup)) return Field("product");
        if (item == typeof(FiscalPeriodSetup)) return Field("name");
        return Field("id");
    }

    static bool Unique(List<string?> keys) => keys.All(k => !string.IsNullOrEmpty(k)) && keys.Distinct().Count() == keys.Count;

    static bool IsPlain(Type t) => t == typeof(string) || t.IsEnum || t.IsPrimitive || t == typeof(decimal) || t == typeof(DateOnly);

    static string? Text(JsonNode? node) => node?.ToJsonString(Compact);

    static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
