using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Growth.Domain.Setup;

/// <summary>The two file formats a setup is downloaded and uploaded in.</summary>
public enum SetupFileFormat { Json, Yaml }

/// <summary>
/// Writes and reads a whole setup document (or one part of it) as JSON or YAML. A download uploaded again gives the
/// same setup. A document of the wrong shape is refused with <see cref="InvalidSetupException"/> naming the place.
/// </summary>
/// <remarks>
/// Both formats carry the same content: camelCase field names, enums as camelCase names ("leastLoaded"), dates as
/// yyyy-MM-dd, absent or null fields taking their defaults. YAML is read into the same tree as JSON and shaped by one
/// reader, so both refuse the same mistakes with the same paths: a value of the wrong kind, an unknown enum value,
/// an unknown field (a typo must not vanish silently), a syntax error (with its line).
/// </remarks>
public static class SetupFormat
{
    /// <summary>The parts of a document, by their name in the file ("company", "organisation", ...).</summary>
    public static IReadOnlyList<string> Parts { get; } = ["company", "organisation", "catalogue", "channels", "targets", "paymentTerms", "compensation", "rules"];

    /// <summary>The serializer settings of setup JSON (also fit for the API to write setup parts with).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            NewLine = "\n",
            // Names in Chinese or German stay readable in the file.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Write(SetupDocument document, SetupFileFormat format) => WriteValue(document, typeof(SetupDocument), format);

    public static SetupDocument Read(string text, SetupFileFormat format) =>
        (SetupDocument)ReadValue(text, typeof(SetupDocument), "", format);

    /// <summary>The document with one part replaced by <paramref name="text"/> (that part alone, in the given format).</summary>
    public static SetupDocument ReadPart(SetupDocument document, string part, string text, SetupFileFormat format)
    {
        var name = PartName(part);
        var value = ReadValue(text, PartType(name), name, format);
        return name switch
        {
            "company" => document with { Company = (CompanySetup)value },
            "organisation" => document with { Organisation = (OrganisationSetup)value },
            "catalogue" => document with { Catalogue = (CatalogueSetup)value },
            "channels" => document with { Channels = (ChannelsSetup)value },
            "targets" => document with { Targets = (TargetsSetup)value },
            "compensation" => document with { Compensation = (CompensationSetup)value },
            "rules" => document with { Rules = (RulesSetup)value },
            _ => document with { PaymentTerms = (PaymentTermsSetup)value },
        };
    }

    /// <summary>One part of the document written alone.</summary>
    public static string WritePart(SetupDocument document, string part, SetupFileFormat format)
    {
        var name = PartName(part);
        object value = name switch
        {
            "company" => document.Company,
            "organisation" => document.Organisation,
            "catalogue" => document.Catalogue,
            "channels" => document.Channels,
            "targets" => document.Targets,
            "compensation" => document.Compensation,
            "rules" => document.Rules,
            _ => document.PaymentTerms,
        };
        return WriteValue(value, PartType(name), format);
    }

    /// <summary>The canonical name of a part (matched ignoring case); an unknown name is an <see cref="InvalidSetupException"/>.</summary>
    public static string PartName(string part) =>
        Parts.FirstOrDefault(p => string.Equals(p, part?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw SetupText.Problem(part ?? "", $"unknown setup part '{part}'; the parts are {string.Join(", ", Parts)}");

    static Type PartType(string name) => SetupShape.FieldsOf(typeof(SetupDocument))[name].PropertyType;

    static string WriteValue(object value, Type type, SetupFileFormat format)
    {
        if (format == SetupFileFormat.Json) return JsonSerializer.Serialize(value, type, JsonOptions) + "\n";
        return SetupYamlWriter.Write(JsonSerializer.SerializeToNode(value, type, JsonOptions));
    }

    static object ReadValue(string text, Type type, string path, SetupFileFormat format)
    {
        var raw = SetupText.Parse(text ?? "", format, path);
        var problems = new List<SetupProblem>();
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, (text?.Length ?? 0) / 2));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            SetupShape.Shape(raw, type, FieldPath.Root(path), json, problems);
        if (problems.Count > 0) throw new InvalidSetupException(problems);
        try
        {
            return (buffer.WrittenCount == 4 && buffer.WrittenSpan.SequenceEqual("null"u8) ? null : JsonSerializer.Deserialize(buffer.WrittenSpan, type, JsonOptions))
                ?? Activator.CreateInstance(type)!;
        }
        catch (JsonException e)
        {
            // Shaping checks every field first, so this is a safety net; it still names the place.
            var at = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            throw SetupText.Problem(path.Length == 0 ? at : at.Length == 0 ? path : $"{path}.{at}", "does not fit the setup's shape");
        }
    }
}
