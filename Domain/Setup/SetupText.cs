using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, RawNode>();
        var documents = new List<RawNode>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                documents.Add(YamlNode(parser, anchors));
                parser.Consume<DocumentEnd>();
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw Problem(path, $"YAML syntax error at line {e.Start.Line}: {FirstSentence(message)}");
        }
        return documents.Count switch
        {
            0 => new RawMap([]),
            1 => documents[0],
            _ => throw Problem(path, "YAML file must hold one document, not several (remove the extra '---')"),
        };
    }

    /// <summary>The next node from the parser's events; an alias stands for the node its anchor named.</summary>
    static RawNode YamlNode(IParser parser, Dictionary<string, RawNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
            return anchors.TryGetValue(alias.Value.Value, out var known) ? known
                : throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value}'");
        RawNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
                ? IsYamlNull(scalar.Value) ? RawScalar.Null : new RawScalar(scalar.Value, RawKind.Plain)
                : new RawScalar(scalar.Value, RawKind.Text);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            anchor = sequence.Anchor;
            var items = new List<RawNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(YamlNode(parser, anchors));
            node = new RawList(items);
        }
        else
        {
            var mapping = parser.Consume<MappingStart>();
            anchor = mapping.Anchor;
            var fields = new List<KeyValuePair<string, RawNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = YamlNode(parser, anchors);
                fields.Add(new(key is RawScalar k ? k.Text : "(a list or map as a key)", YamlNode(parser, anchors)));
            }
            node = new RawMap(fields);
        }
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
        return node;
    }

    static bool IsYamlNull(string? value) => value is null or "" or "~" or "null" or "Null" or "NULL";

    static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    internal static InvalidSetupException Problem(string path, string message) => new([new SetupProblem(path, message)]);
}
