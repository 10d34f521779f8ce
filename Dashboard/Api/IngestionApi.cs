using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Growth.Dashboard.Security;
using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>POST /api/workspaces/{workspace}/events</c>: live data in the one event language. A batch of up to
/// <see cref="MaxEvents"/> events (a JSON array, or NDJSON with Content-Type application/x-ndjson), each naming its
/// journey, carrying its own id and time. Every event gets a result: accepted, duplicate (its id was already applied
/// to that journey) or rejected with the reason. Events are grouped per journey (keeping their order) and sent to
/// the journey's shard, shards in parallel. An unreadable body is refused whole (400, naming where it broke) and a
/// body over the limits is refused whole (413): nothing is applied then.
/// </summary>
public static partial class IngestionApi
{
    /// <summary>Most events in one batch.</summary>
    public const int MaxEvents = 10_000;

    /// <summary>
    /// Largest body accepted: 16 MiB. A fully populated event is under 600 bytes of JSON, so a full batch of
    /// <see cref="MaxEvents"/> fits with room to spare; anything larger is refused before it is read.
    /// </summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Media type of newline-delimited JSON: one event per line.</summary>
    public const string NdJson = "application/x-ndjson";

    /// <summary>The result of one event of the batch.</summary>
    /// <param name="Index">Position in the batch, from 0.</param>
    /// <param name="Result">accepted, duplicate or rejected.</param>
    /// <param name="Reason">Why it was rejected; null otherwise.</param>
    public sealed record EventResultRow(int Index, string? Id, string? JourneyId, string Result, string? Reason);

    /// <summary>The response to a batch: counts, and one result per event in the order sent.</summary>
    public sealed record IngestionResponse(string Workspace, int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResultRow> Results);

    /// <summary>Maps the ingestion endpoint.</summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workspaces/{workspace}/events", IngestAsync)
            .WithName("IngestEvents")
            .WithTags("Ingestion")
            .WithSummary("Ingest a batch of journey events")
            .WithDescription($"A JSON array of events, or NDJSON ({NdJson}); at most {MaxEvents} events and {MaxBodyBytes} bytes. " +
                "Each event needs journeyId, id, kind and at. An unknown workspace is created as a live workspace.")
            .Accepts<List<JourneyEvent>>("application/json", NdJson)
            .Produces<IngestionResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            // The workspace's ingestion key (Authorization: Bearer, or X-Api-Key), limited per key.
            .RequireAuthorization(AreaPolicies.Ingestion)
            .RequireRateLimiting(AreaPolicies.Ingestion);
        return app;
    }

    static async Task<IResult> IngestAsync(string workspace, HttpRequest request, IGrainFactory grains, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (!Keys.IsValidWorkspace(workspace)) return InvalidWorkspace(workspace);
        if (request.ContentLength > MaxBodyBytes) return TooLarge($"the body has {request.ContentLength} bytes; at most {MaxBodyBytes} are accepted");
        // Also guards bodies sent without a length (chunked): reading past the limit fails.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBodyBytes;

        var read = await ReadAsync(request, json.Value.SerializerOptions, cancellationToken);
        if (read.Problem is { } problem) return problem;
        var events = read.Events!;

        var results = new EventResultRow?[events.Count];
        var batches = new List<(string JourneyId, List<int> Indexes)>();
        var byJourney = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!Keys.IsValidId(e.JourneyId))
            {
                results[i] = new EventResultRow(i, e.Id, e.JourneyId, "rejected",
                    e.JourneyId is null ? "journeyId is required" : $"journeyId '{e.JourneyId}' must be 1-100 letters, digits or . _ : # -");
                continue;
            }
            if (!byJourney.TryGetValue(e.JourneyId!, out var indexes))
            {
                byJourney[e.JourneyId!] = indexes = [];
                batches.Add((e.JourneyId!, indexes));
            }
            indexes.Add(i);
        }

        var outcomes = await EventIngestion.SendAsync(grains, workspace,
            batches.Select(b => new JourneyBatch(b.JourneyId, b.Indexes.Select(i => events[i]).ToList())).ToList());
        for (var b = 0; b < batches.Count; b++)
            for (var k = 0; k < batches[b].Indexes.Count; k++)
            {
                var i = batches[b].Indexes[k];
                var o = outcomes[b][k];
                results[i] = new EventResultRow(i, events[i].Id, events[i].JourneyId, ResultName(o.Result), o.Reason);
            }

        var rows = results.Select(r => r!).ToList();
        var accepted = rows.Count(r => r.Result == "accepted");
        // A workspace comes into being with its first accepted event: refusals alone create nothing.
        if (accepted > 0) await grains.GetGrain<IWorkspaceGrain>(workspace).EnsureAsync(WorkspaceKind.Live);
        return TypedResults.Ok(new IngestionResponse(workspace, accepted, rows.Count(r => r.Result == "duplicate"),
            rows.Count(r => r.Result == "rejected"), rows));
    }

    static string ResultName(EventResult result) => result switch
    {
        EventResult.Accepted => "accepted",
        EventResult.Duplicate => "duplicate",
        _ => "rejected",
    };

    /// <summary>The events of the body, or the problem that refuses it whole.</summary>
    static async Task<(List<JourneyEvent>? Events, IResult? Problem)> ReadAsync(HttpRequest request, JsonSerializerOptions options,
        CancellationToken cancellationToken)
    {
        var ndjson = request.ContentType is { } type && type.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase);
        var events = new List<JourneyEvent>();
        try
        {
            if (ndjson)
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var line = 0;
                while (await reader.ReadLineAsync(cancellationToken) is { } text)
                {
                    line++;
                    if (string.IsNullOrWhiteSpace(text)) continue;
                    if (events.Count == MaxEvents) return (null, TooManyEvents());
                    try
                    {
                        events.Add(JsonSerializer.Deserialize<JourneyEvent>(text, options)
                            ?? throw new JsonException("the line is null, not an event"));
                    }
                    catch (JsonException e)
                    {
                        return (null, Unreadable($"line {line}: {e.Message}", e, line: line));
                    }
                }
            }
            else
            {
                var index = 0;
                await foreach (var e in JsonSerializer.DeserializeAsyncEnumerable<JourneyEvent>(request.Body, options, cancellationToken))
                {
                    if (events.Count == MaxEvents) return (null, TooManyEvents());
                    if (e is null) return (null, Unreadable($"event {index} is null, not an event", null, index: index));
                    events.Add(e);
                    index++;
                }
            }
        }
        catch (JsonException e)
        {
            var index = e.Path is { } path && EventIndex().Match(path) is { Success: true } m ? int.Parse(m.Groups[1].Value) : (int?)null;
            return (null, Unreadable(index is { } i ? $"event {i}: {e.Message}" : e.Message, e, index: index));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge($"the body is larger than {MaxBodyBytes} bytes"));
        }
        if (events.Count == 0) return (null, TypedResults.Problem(statusCode: 400, title: "No events", detail: "the body must hold at least one event"));
        return (events, null);
    }

    static IResult Unreadable(string detail, JsonException? e, int? index = null, int? line = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (index is { } i) extensions["eventIndex"] = i;
        if (line is { } l) extensions["line"] = l;
        if (e?.Path is { } path) extensions["path"] = path;
        if (e?.BytePositionInLine is { } position) extensions["bytePositionInLine"] = position;
        return TypedResults.Problem(statusCode: 400, title: "The request body could not be read; nothing was applied", detail: detail,
            extensions: extensions);
    }

    static IResult TooManyEvents() => TooLarge($"a batch holds at most {MaxEvents} events");

    static IResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The batch is too large; nothing was applied", detail: detail);

    internal static IResult InvalidWorkspace(string workspace) =>
        TypedResults.Problem(statusCode: 400, title: "Invalid workspace name",
            detail: $"workspace '{workspace}' must be 1-40 lower-case letters, digits or dashes, starting with a letter or digit");

    [GeneratedRegex(@"^\$\[(\d+)\]")]
    private static partial Regex EventIndex();
}
