using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Growth.Domain.Setup;

/// <summary>
/// One line that tells a person what a list of setup changes does: field changes by the item they belong to
/// ("rep-7 quota 80,000 → 95,000", "product gtx-basic listPrice 550 → 600", "paymentTerms days 30 → 45"), then the
/// items added and removed counted by kind ("+1 rep", "−2 campaigns"); cut at a length with "and N more".
/// </summary>
internal static partial class SetupChangeSummary
{
    public static string Line(IReadOnlyList<SetupChange> changes, int maxLength)
    {
        if (changes.Count == 0) return "no changes";
        var phrases = new List<string>();
        var counts = new List<(string Kind, int Sign, int Count)>();
        foreach (var change in changes)
        {
            if (change.Before is null || change.After is null)
            {
                var kind = KindOf(change.Path);
                var sign = change.Before is null ? 1 : -1;
                var at = counts.FindIndex(c => c.Kind == kind && c.Sign == sign);
                if (at < 0) counts.Add((kind, sign, 1));
                else counts[at] = (kind, sign, counts[at].Count + 1);
            }
            else phrases.Add($"{Subject(change.Path)} {Value(change.Before)} → {Value(change.After)}");
        }
        phrases.AddRange(counts.Select(c => $"{(c.Sign > 0 ? "+" : "−")}{c.Count} {(c.Count == 1 ? c.Kind : Plural(c.Kind))}"));

        var line = "";
        for (var i = 0; i < phrases.Count; i++)
        {
            var next = line.Length == 0 ? phrases[i] : $"{line}; {phrases[i]}";
            var rest = phrases.Count - i - 1;
            var tail = rest > 0 ? $" and {rest} more".Length : 0;
            if (next.Length + tail > maxLength && line.Length > 0) return $"{line} and {phrases.Count - i} more";
            line = next;
        }
        return line.Length > maxLength ? line[..(maxLength - 1)] + "…" : line;
    }

    /// <summary>"organisation.regions[north].teams[north-1].reps[rep-7].quota" → "rep-7 quota"; "paymentTerms.days" → "paymentTerms days".</summary>
    static string Subject(string path)
    {
        var segments = Segments().Matches(path).Select(m => (Name: m.Groups[1].Value, Key: m.Groups[2].Success ? m.Groups[2].Value : null)).ToList();
        var owner = segments.FindLastIndex(s => s.Key is not null);
        if (owner < 0) return string.Join(" ", segments.TakeLast(2).Select(s => s.Name));
        var kind = Singular(segments[owner].Name);
        var key = segments[owner].Key!;
        var id = key.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? key : $"{kind} {key}";
        var field = string.Join(".", segments.Skip(owner + 1).Select(s => s.Key is null ? s.Name : $"{s.Name}[{s.Key}]"));
        return field.Length == 0 ? id : $"{id} {field}";
    }

    static string KindOf(string path)
    {
        var segments = Segments().Matches(path);
        return segments.Count == 0 ? "item" : Singular(segments[^1].Groups[1].Value);
    }

    [GeneratedRegex(@"([A-Za-z]+)(?:\[([^\]]*)\])?")]
    private static partial Regex Segments();

    static string Singular(string list) => list switch
    {
        "priceLists" => "price list",
        "fiscalPeriods" => "fiscal period",
        "workingDays" => "working day",
        "productLines" => "product line",
        _ when list.EndsWith("ies", StringComparison.Ordinal) => list[..^3] + "y",
        _ when list.EndsWith('s') => list[..^1],
        _ => list,
    };

    static string Plural(string kind) => kind.EndsWith('y') ? kind[..^1] + "ies" : kind + "s";

    /// <summary>A JSON value as a person reads it: numbers with thousands separators, text without quotes, long values cut.</summary>
    static string Value(string json)
    {
        string text;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var e = doc.RootElement;
            text = e.ValueKind switch
            {
                JsonValueKind.Number when e.TryGetDecimal(out var d) => d.ToString("#,0.####", CultureInfo.InvariantCulture),
                JsonValueKind.String => e.GetString()!,
                JsonValueKind.Array when e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
                    "[" + string.Join(", ", e.EnumerateArray().Select(i => i.GetString())) + "]",
                _ => json,
            };
        }
        catch (JsonException)
        {
            text = json;
        }
        return text.Length > 40 ? text[..39] + "…" : text;
    }
}
