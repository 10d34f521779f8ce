using System.Text.Json;

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
        Node(before, after, typeof(SetupDocument), "", changes);
        return changes;
    }

    /// <summary>A short line for people: "rep-7 quota 80,000 → 95,000; product gtx-basic listPrice 550 → 600; +1 rep".</summary>
    public static string Summary(IReadOnlyList<SetupChange> changes, int maxLength = 160) => SetupChangeSummary.Line(changes, maxLength);

    /// <summary>Walks both values by their type; the same object on both sides (shared by a <c>with</c> copy) is skipped at once.</summary>
    static void Node(object? before, object? after, Type type, string path, List<SetupChange> changes)
    {
        if (ReferenceEquals(before, after)) return;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (before is null || after is null || IsPlain(type))
        {
            // Values equal as numbers are no change (120000.5 and 120000.50 are the same quota).
            if (!Equals(before, after)) changes.Add(new SetupChange(path, Text(before, type), Text(after, type)));
            return;
        }
        if (SetupShape.ListItemType(type) is { } item)
        {
            var b = ((System.Collections.IEnumerable)before).Cast<object>().ToList();
            var a = ((System.Collections.IEnumerable)after).Cast<object>().ToList();
            if (IsPlain(item))
            {
                if (!b.SequenceEqual(a)) changes.Add(new SetupChange(path, Text(before, type), Text(after, type)));
            }
            else List(b, a, item, path, changes);
            return;
        }
        foreach (var (name, property) in SetupShape.FieldsOf(type))
            Node(property.GetValue(before), property.GetValue(after), property.PropertyType, Join(path, name), changes);
    }

    static void List(List<object> before, List<object> after, Type item, string path, List<SetupChange> changes)
    {
        var beforeKeys = before.Select(KeyOf).ToList();
        var afterKeys = after.Select(KeyOf).ToList();
        if (Unique(beforeKeys) && Unique(afterKeys))
        {
            var old = new Dictionary<string, object>();
            for (var i = 0; i < before.Count; i++) old[beforeKeys[i]!] = before[i];
            for (var i = 0; i < after.Count; i++)
            {
                var at = $"{path}[{afterKeys[i]}]";
                if (old.Remove(afterKeys[i]!, out var was)) Node(was, after[i], item, at, changes);
                else changes.Add(new SetupChange(at, null, Text(after[i], item)));
            }
            foreach (var key in beforeKeys)
                if (old.TryGetValue(key!, out var gone)) changes.Add(new SetupChange($"{path}[{key}]", Text(gone, item), null));
            return;
        }
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var at = $"{path}[{i}]";
            if (i >= after.Count) changes.Add(new SetupChange(at, Text(before[i], item), null));
            else if (i >= before.Count) changes.Add(new SetupChange(at, null, Text(after[i], item)));
            else Node(before[i], after[i], item, at, changes);
        }
    }

    /// <summary>The key an item of a list is matched by, or null if it has none.</summary>
    static string? KeyOf(object item) => item switch
    {
        TargetSetup t => $"{SetupShape.CamelCase(t.Level.ToString())}/{(string.IsNullOrEmpty(t.Id) ? "" : t.Id + "/")}{t.Period}",
        PriceSetup p => p.Product,
        FiscalPeriodSetup f => f.Name,
        RegionSetup r => r.Id,
        TeamSetup t => t.Id,
        RepSetup r => r.Id,
        ProductSetup p => p.Id,
        PriceListSetup l => l.Id,
        CampaignSetup c => c.Id,
        CompensationPlanSetup c => c.Id,
        SpiffSetup s => s.Product,
        GradeRuleSetup g => g.Grade.ToString(),
        CustomerGradeSetup g => g.Grade.ToString(),
        SegmentShareSetup s => s.Name,
        CustomTagSetup c => c.Name,
        _ => null,
    };

    static bool Unique(List<string?> keys) => keys.All(k => !string.IsNullOrEmpty(k)) && keys.Distinct().Count() == keys.Count;

    static bool IsPlain(Type t) => t == typeof(string) || t.IsEnum || t.IsPrimitive || t == typeof(decimal) || t == typeof(DateOnly);

    static string? Text(object? value, Type type) => value is null ? null : JsonSerializer.Serialize(value, type, Compact);

    static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
