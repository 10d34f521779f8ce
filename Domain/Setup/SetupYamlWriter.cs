using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Growth.Domain.Setup;

/// <summary>
/// Writes the JSON tree of a setup as YAML a person can edit: block style, two-space indents, lists of plain values
/// on one line, no type tags, strings quoted only where a YAML reader could take them for something else
/// ("yes", "0012", "12:30", "null").
/// </summary>
internal static partial class SetupYamlWriter
{
    public static string Write(JsonNode? root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, indentSequences: true, newLine: "\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Node(emitter, root ?? new JsonObject());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    static void Node(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, o.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in o)
                {
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, NeedsQuotes(key) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                    Node(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray a:
                var flat = a.All(i => i is JsonValue);
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flat ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in a) Node(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                var style = NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
                break;
            case null:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, node.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    /// <summary>
    /// True when a string written plain could be read back by some YAML reader (1.1 or 1.2) as a number, a boolean,
    /// null or a time, or would lose surrounding spaces or line breaks. Plain dates (2026-02-01) stay plain: this
    /// reader and every field that holds them take them as text.
    /// </summary>
    internal static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || s.Trim() != s || s.Contains('\n') || s.Contains('\r')) return true;
        if (Date().IsMatch(s)) return false;
        return Keyword().IsMatch(s) || Numberish().IsMatch(s);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^(y|n|yes|no|on|off|true|false|null|~|\.inf|-\.inf|\+\.inf|\.nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();

    /// <summary>Starts like a number (sign, dot or digit) and holds only what numbers, times and dates are made of.</summary>
    [GeneratedRegex(@"^[-+.]?[0-9][0-9a-fA-FxXoObB_.:,+\- ]*$")]
    private static partial Regex Numberish();
}
