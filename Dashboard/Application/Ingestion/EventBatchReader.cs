using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Domain.Journeys;

namespace Growth.Dashboard.Application.Ingestion;

/// <summary>
/// Reads a batch of events: a JSON array, or NDJSON (one event per line). A batch that cannot be read, is empty or
/// holds more than <see cref="MaxEvents"/> events is refused whole, naming where it broke.
/// </summary>
public static partial class EventBatchReader
{
    /// <summary>Most events in one batch.</summary>
    public const int MaxEvents = 10_000;

    /// <summary>The events of <paramref name="body"/>, or the refusal of the whole batch.</summary>
    public static async Task<Outcome<List<JourneyEvent>>> ReadAsync(Stream body, bool ndjson, JsonSerializerOptions options,
        CancellationToken cancellationToken)
    {
        var events = new List<JourneyEvent>();
        try
        {
            if (ndjson)
            {
                using var reader = new StreamReader(body, Encoding.UTF8);
                var line = 0;
                while (await reader.ReadLineAsync(cancellationToken) is { } text)
                {
                    line++;
                    if (string.IsNullOrWhiteSpace(text)) continue;
                    if (events.Count == MaxEvents) return TooManyEvents();
                    try
                    {
                        events.Add(JsonSerializer.Deserialize<JourneyEvent>(text, options)
                            ?? throw new JsonException("the line is null, not an event"));
                    }
                    catch (JsonException e)
                    {
                        return Unreadable($"line {line}: {Describe(e)}", e, line: line);
                    }
                }
            }
            else
            {
                var index = 0;
                await foreach (var e in JsonSerializer.DeserializeAsyncEnumerable<JourneyEvent>(body, options, cancellationToken))
                {
                    if (events.Count == MaxEvents) return TooManyEvents();
                    if (e is null) return Unreadable($"event {index} is null, not an event", null, index: index);
                    events.Add(e);
                    index++;
                }
            }
        }
        catch (JsonException e)
        {
            var index = e.Path is { } path && EventIndex().Match(path) is { Success: true } m ? int.Parse(m.Groups[1].Value) : (int?)null;
            return Unreadable(index is { } i ? $"event {i}: {Describe(e)}" : Describe(e), e, index: index);
        }
        return events.Count == 0 ? Refusal.NoEvents : events;
    }

    /// <summary>A batch refused for its size: nothing was applied.</summary>
    public static Refusal TooLarge(string detail) => new(RefusalKind.TooLarge, "The batch is too large; nothing was applied", detail);

    static Refusal TooManyEvents() => TooLarge($"a batch holds at most {MaxEvents} events");

    static Refusal Unreadable(string detail, JsonException? e, int? index = null, int? line = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (index is { } i) extensions["eventIndex"] = i;
        if (line is { } l) extensions["line"] = l;
        if (e?.Path is { } path) extensions["path"] = path;
        if (e?.BytePositionInLine is { } position) extensions["bytePositionInLine"] = position;
        return new(RefusalKind.Invalid, "The request body could not be read; nothing was applied", detail, extensions);
    }

    /// <summary>
    /// The reader's message, with a value that is not one of an enum field's names told as such, listing the allowed
    /// names instead of the .NET type (<c>System.Nullable`1[...Channel]</c> means nothing to a client).
    /// </summary>
    public static string Describe(JsonException e)
    {
        if (e.Message is not { } message || NotConverted().Match(message) is not { Success: true } m) return e.Message;
        var typeName = m.Groups["type"].Value.TrimEnd('.');
        var type = typeof(JourneyEvent).GetProperties().Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .FirstOrDefault(t => t.IsEnum && t.FullName == typeName);
        if (type is null) return e.Message;
        var field = e.Path is { } path && FieldOf().Match(path) is { Success: true } f ? f.Groups[1].Value : type.Name;
        return $"{field} must be one of {string.Join(", ", Enum.GetNames(type))} (path {e.Path})";
    }

    [GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?(?<type>[\w.+]+)\]?")]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"\.(\w+)$")]
    private static partial Regex FieldOf();

    [GeneratedRegex(@"^\$\[(\d+)\]")]
    private static partial Regex EventIndex();
}
