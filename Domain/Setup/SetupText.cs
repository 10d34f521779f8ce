using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Growth.Domain.Setup;

/// <summary>How a scalar was written: JSON string or quoted YAML, plain YAML (typed by where it stands), JSON number or literal.</summary>
internal enum RawKind { Text, Plain, Number, Boolean, Null }

/// <summary>A parsed file before it is given a shape: maps, lists and scalars, the same for JSON and YAML.</summary>
internal abstract record RawNode;

internal sealed record RawMap(IReadOnlyList<KeyValuePair<string, RawNode>> Fields) : RawNode;

internal sealed record RawList(IReadOnlyList<RawNode> Items) : RawNode;

internal sealed record RawScalar(string Text, RawKind Kind) : RawNode
{
    public static RawScalar Null { get; } = new("", RawKind.Null);
}

/// <summary>Parses JSON and YAML text into <see cref="RawNode"/>s; syntax errors become <see cref="InvalidSetupException"/>.</summary>
internal static class SetupText
{
    /// <summary>The tree of <paramref name="text"/>; an empty text is an empty map (every field takes its default).</summary>
    public static RawNode Parse(string text, SetupFileFormat format, string path)
    {
        if (string.IsNullOrWhiteSpace(text)) return new RawMap([]);
        return format == SetupFileFormat.Json ? ParseJson(text, path) : ParseYaml(text, path);
    }

    static RawNode ParseJson(string text, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return FromJson(doc.RootElement);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw Problem(path, $"JSON syntax error at line {line}: {FirstSentence(e.Message)}");
        }
    }

    static RawNode FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new RawMap(e.EnumerateObject().Select(p => new KeyValuePair<string, RawNode>(p.Name, FromJson(p.Value))).ToList()),
        JsonValueKind.Array => new RawList(e.EnumerateArray().Select(FromJson).ToList()),
        JsonValueKind.String => new RawScalar(e.GetString()!, RawKind.Text),
        JsonValueKind.Number => new RawScalar(e.GetRawText(), RawKind.Number),
        JsonValueKind.True => new RawScalar("true", RawKind.Boolean),
        JsonValueKind.False => new RawScalar("false", RawKind.Boolean),
        _ => RawScalar.Null,
    };

    static RawNode ParseYaml(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw Problem(path, $"YAML syntax error at line {e.Start.Line}: {FirstSentence(message)}");
        }
        catch (ArgumentException e)
        {
            // The representation model refuses a key given twice in one map.
            throw Problem(path, $"YAML error: {FirstSentence(e.Message)}");
        }
        return stream.Documents.Count switch
        {
            0 => new RawMap([]),
            1 => FromYaml(stream.Documents[0].RootNode),
            _ => throw Problem(path, "YAML file must hold one document, not several (remove the extra '---')"),
        };
    }

    static RawNode FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => new RawMap(map.Children.Select(c => new KeyValuePair<string, RawNode>(KeyText(c.Key), FromYaml(c.Value))).ToList()),
        YamlSequenceNode seq => new RawList(seq.Children.Select(FromYaml).ToList()),
        YamlScalarNode s when s.Style is ScalarStyle.Plain or ScalarStyle.Any =>
            IsYamlNull(s.Value) ? RawScalar.Null : new RawScalar(s.Value ?? "", RawKind.Plain),
        YamlScalarNode s => new RawScalar(s.Value ?? "", RawKind.Text),
        _ => RawScalar.Null,
    };

    static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : key.ToString();

    static bool IsYamlNull(string? value) => value is null or "" or "~" or "null" or "Null" or "NULL";

    static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    internal static InvalidSetupException Problem(string path, string message) => new([new SetupProblem(path, message)]);
}
