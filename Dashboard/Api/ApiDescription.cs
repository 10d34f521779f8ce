using Growth.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Growth.Dashboard.Api;

/// <summary>An example of a request body, shown in the API document (and checked against its schema by a test).</summary>
public sealed record RequestExample(object Value, string ContentType = "application/json");

/// <summary>An example of an answer for a status code, shown in the API document (and checked against its schema by a test).</summary>
public sealed record ResponseExample(int Status, object Value, string ContentType = "application/json");

/// <summary>
/// A body the handler reads itself (so routing must not match on its media type, as <c>Accepts</c> would): described
/// as JSON of <see cref="Type"/> and, for each of <see cref="TextTypes"/>, as text.
/// </summary>
public sealed record BodyDescription(Type Type, IReadOnlyList<string> TextTypes);

/// <summary>An answer in plain text (CSV, YAML) beside or instead of JSON: its media type and an example.</summary>
public sealed record TextAnswer(string ContentType, string Example, int Status = StatusCodes.Status200OK);

/// <summary>
/// Route metadata for the API document: examples, text answers, and the answers every route of a kind has (the
/// refusals of its access rule, of its rate limit and of the workspace name check), added in one place.
/// </summary>
public static class ApiDescription
{
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example, string contentType = "application/json")
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequestExample(example, contentType));

    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, object example, int status = StatusCodes.Status200OK)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ResponseExample(status, example));

    public static RouteHandlerBuilder WithBodyDescription<TBody>(this RouteHandlerBuilder builder, params string[] textTypes) =>
        builder.WithMetadata(new BodyDescription(typeof(TBody), textTypes));

    public static TBuilder WithTextAnswer<TBuilder>(this TBuilder builder, string contentType, string example, int status = StatusCodes.Status200OK)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new TextAnswer(contentType, example, status));

    /// <summary>
    /// Adds, to every route of the group once all its conventions have run, the refusals it can answer: 401 and 403
    /// under an access rule, 429 under a rate limit, 400 for a workspace name or journey id that breaks the rule.
    /// </summary>
    public static RouteGroupBuilder WithStandardRefusals(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            void Refusal(int status)
            {
                if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
                    metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
            }
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
            if (pattern?.GetParameter("workspace") is not null) Refusal(StatusCodes.Status400BadRequest);
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                Refusal(StatusCodes.Status401Unauthorized);
                Refusal(StatusCodes.Status403Forbidden);
            }
            if (metadata.OfType<EnableRateLimitingAttribute>().Any()) Refusal(StatusCodes.Status429TooManyRequests);
        });
        return group;
    }
}
