using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Ingestion;
using Growth.Dashboard.Security;
using Growth.Domain.Journeys;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>POST /api/workspaces/{workspace}/events</c>: live data in the one event language (<see cref="EventIngestion"/>).
/// A batch of up to <see cref="EventBatchReader.MaxEvents"/> events (a JSON array, or NDJSON with Content-Type
/// application/x-ndjson). An unreadable body is refused whole (400, naming where it broke) and a body over the
/// limits is refused whole (413): nothing is applied then.
/// </summary>
public static class IngestionApi
{
    /// <summary>
    /// Largest body accepted: 16 MiB. A fully populated event is under 600 bytes of JSON, so a full batch of
    /// <see cref="EventBatchReader.MaxEvents"/> fits with room to spare; anything larger is refused before it is read.
    /// </summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Media type of newline-delimited JSON: one event per line.</summary>
    public const string NdJson = "application/x-ndjson";

    /// <summary>Maps the ingestion endpoint into the workspace routes.</summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder workspace)
    {
        workspace.MapPost("/events", IngestAsync)
            .WithName("IngestEvents")
            .WithTags("Ingestion")
            .WithSummary("Ingest a batch of journey events")
            .WithDescription($"A JSON array of events, or NDJSON ({NdJson}); at most {EventBatchReader.MaxEvents} events and {MaxBodyBytes} bytes. " +
                "Each event needs journeyId, id, kind and at. An unknown workspace is created as a live workspace.")
            .Accepts<List<JourneyEvent>>("application/json", NdJson)
            .Produces<IngestionResponse>()
            .WithRequestExample(ApiExamples.BatchEvents)
            .WithResponseExample(ApiExamples.BatchAnswer)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            // The workspace's ingestion key (Authorization: Bearer, or X-Api-Key), limited per key.
            .RequireAuthorization(AreaPolicies.Ingestion)
            .RequireRateLimiting(AreaPolicies.Ingestion);
        return workspace;
    }

    static async Task<IResult> IngestAsync(string workspace, HttpRequest request, EventIngestion ingestion, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return EventBatchReader.TooLarge($"the body has {request.ContentLength} bytes; at most {MaxBodyBytes} are accepted").ToProblem();
        // Also guards bodies sent without a length (chunked): reading past the limit fails.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBodyBytes;

        var ndjson = request.ContentType is { } type && type.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase);
        Outcome<List<JourneyEvent>> read;
        try
        {
            read = await EventBatchReader.ReadAsync(request.Body, ndjson, json.Value.SerializerOptions, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return EventBatchReader.TooLarge($"the body is larger than {MaxBodyBytes} bytes").ToProblem();
        }
        return read.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(await ingestion.IngestAsync(workspace, read.Value!));
    }
}
