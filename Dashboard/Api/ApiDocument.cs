using System.Text.Json;
using System.Text.Json.Nodes;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Growth.Dashboard.Api;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/scalar/v1</c>): the security schemes
/// (the session cookie, an ingestion key as a bearer token or as <c>X-Api-Key</c>), which scheme and which roles each
/// route needs, the CSV and YAML answers beside the JSON ones, and the examples of <see cref="ApiDescription"/>.
/// Both need a signed-in user, like the API they describe.
/// </summary>
public static class ApiDocument
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/scalar";
    public const string Cookie = "cookie", Bearer = "bearer", ApiKey = "apiKey";

    public static IServiceCollection AddGrowthOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Growth API",
                    Version = "v1",
                    Description = "Figures, simulation control, live data ingestion, CRM import, setup, what-if projections, forecast and " +
                        "compensation of a Growth workspace. People and programs sign in with `POST /api/session` (the session cookie); " +
                        "writing a workspace's data needs its ingestion key. Errors are RFC 7807 problem details naming what was wrong. " +
                        "Live figures are pushed over SignalR at `/hubs/growth` (not described here).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = GrowthSecurity.CookieName,
                    Description = "The session cookie, set by `POST /api/session` or the /signin page. What a user may do is set by their grants (workspace:Role[:scope]).",
                };
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "gk_{id}_{secret}",
                    Description = "A workspace's ingestion key as `Authorization: Bearer gk_...` (created on the Admin page or `POST /api/admin/keys`).",
                };
                document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = IngestionKeyAuthentication.HeaderName,
                    Description = "A workspace's ingestion key as `X-Api-Key: gk_...`.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeAsync);
            // A nullable enum property is written as oneOf [null, the enum]; the generator also puts null into the
            // enum's own values, so a null matched both branches and a valid null failed oneOf. Null stays allowed where
            // the property is nullable, through the oneOf.
            o.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Enum is { Count: > 0 } values)
                    foreach (var value in values.Where(v => v is null || v.GetValueKind() == JsonValueKind.Null).ToList()) values.Remove(value);
                return Task.CompletedTask;
            });
        });

    /// <summary>Maps the document and the reference page, each for signed-in users only.</summary>
    public static IEndpointRouteBuilder MapGrowthOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).RequireAuthorization(p => p.RequireAuthenticatedUser());
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, ReferencePath, o =>
        {
            o.Title = "Growth API reference";
            o.OpenApiRoutePattern = DocumentPath;
        }).RequireAuthorization(p => p.RequireAuthenticatedUser());
        return app;
    }

    static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Contains(AreaPolicies.Ingestion))
        {
            operation.Security = [Requirement(Bearer, context.Document), Requirement(ApiKey, context.Document)];
            operation.Description = Append(operation.Description, "Needs the workspace's ingestion key (a signed-in user is not enough).");
        }
        else if (policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [Requirement(Cookie, context.Document)];
            var areas = Enum.GetValues<Area>().Where(a => policies.Contains(AreaPolicies.Name(a))).ToList();
            var roles = areas.Select(a => (IEnumerable<Role>)AccessRules.RolesFor(a)).Aggregate((IEnumerable<Role>?)null, (all, r) => all is null ? r : all.Intersect(r));
            operation.Description = Append(operation.Description, roles is null
                ? "Needs a signed-in user."
                : $"Needs a signed-in user with one of these roles in the workspace: {string.Join(", ", roles)}.");
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any() && operation.Responses?.GetValueOrDefault("429") is OpenApiResponse limited)
        {
            limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
            limited.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
        }

        foreach (var body in metadata.OfType<BodyDescription>())
        {
            var content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
            };
            foreach (var type in body.TextTypes) content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }
        foreach (var text in metadata.OfType<TextAnswer>())
        {
            var response = Response(operation, text.Status);
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content[text.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(text.Example) };
        }
        foreach (var example in metadata.OfType<ResponseExample>())
            if (Response(operation, example.Status).Content is { } content && content.TryGetValue(example.ContentType, out var media))
                media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json);
        foreach (var example in metadata.OfType<RequestExample>())
            if (operation.RequestBody?.Content is { } content && content.TryGetValue(example.ContentType, out var media))
                media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json);
    }

    static OpenApiResponse Response(OpenApiOperation operation, int status)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.GetValueOrDefault(key) is OpenApiResponse response) return response;
        var created = new OpenApiResponse { Description = status == 200 ? "OK" : $"{status}" };
        operation.Responses[key] = created;
        return created;
    }

    static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    static string Append(string? description, string line) => string.IsNullOrEmpty(description) ? line : $"{description}\n\n{line}";
}
