using System.Text.Json;
using System.Text.Json.Nodes;

namespace Growth.Benchmarks;

/// <summary>
/// <c>results/bench.json</c>: every scenario's latest rows. A run replaces the rows of the scenarios it measured and
/// keeps the others, so running one scenario does not wipe the rest. Each row carries its own run's size (quick or
/// full), load average and time, as rows in one file may come from different runs.
/// </summary>
public static class BenchJson
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Merges this run's <paramref name="rows"/> into the file at <paramref name="path"/> (created if missing).</summary>
    public static async Task WriteAsync(string path, string machine, bool quick, IReadOnlyList<Row> rows)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Written aside and moved: a run stopped midway leaves the previous file whole.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, Merge(existing, machine, quick, Measure.Load(), DateTimeOffset.UtcNow, rows));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The file's text after a run: the rows of <paramref name="existing"/> whose scenario this run did not measure, then this
    /// run's rows. A file in the older layout (one <c>quick</c> flag for the whole file) gives that flag to each row it keeps;
    /// a file that cannot be read is replaced.
    /// </summary>
    public static string Merge(string? existing, string machine, bool quick, string load, DateTimeOffset at, IReadOnlyList<Row> rows)
    {
        var measured = rows.Select(r => r.Scenario).ToHashSet(StringComparer.Ordinal);
        var kept = new JsonArray();
        if (existing is not null && Parse(existing) is { } file && file["rows"] is JsonArray old)
        {
            var fileQuick = file["quick"]?.DeepClone();
            foreach (var row in old.OfType<JsonObject>())
            {
                if (row["scenario"]?.GetValue<string>() is { } scenario && measured.Contains(scenario)) continue;
                var copy = (JsonObject)row.DeepClone();
                if (!copy.ContainsKey("quick") && fileQuick is not null) copy["quick"] = fileQuick.DeepClone();
                kept.Add(copy);
            }
        }
        foreach (var r in rows)
            kept.Add(JsonSerializer.SerializeToNode(new
            {
                r.Scenario, r.Metric, Value = double.IsNaN(r.Value) ? (double?)null : r.Value, r.Unit, r.Target, r.Met, Quick = quick, Load = load, At = at,
            }, Options));
        return new JsonObject { ["machine"] = machine, ["updated"] = at, ["rows"] = kept }.ToJsonString(Options);
    }

    static JsonObject? Parse(string text)
    {
        try { return JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
