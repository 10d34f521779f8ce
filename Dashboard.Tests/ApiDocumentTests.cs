using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The API document as a program reads it, over HTTP: every route is named, summarised and typed (its success answer
/// has a schema, its refusals are problem details), says which credentials it takes, and every example in it is valid
/// against the schema it illustrates. The document and its reference page are for signed-in users only.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ApiDocumentTests(DashboardHost host)
{
    static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    async Task<JsonObject> DocumentAsync()
    {
        using var response = await host.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    [Fact]
    public async Task Every_route_has_an_operation_id_a_summary_a_typed_success_answer_and_problem_details_for_refusals()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 40, $"only {operations.Count} operations");
        Assert.DoesNotContain(operations, o => o.Name.Contains("/orleans", StringComparison.Ordinal));
        List<string> missing = [];
        foreach (var (name, op) in operations)
        {
            if (op["operationId"]?.GetValue<string>() is not { Length: > 0 }) missing.Add($"{name}: no operationId");
            if (op["summary"]?.GetValue<string>() is not { Length: > 0 }) missing.Add($"{name}: no summary");
            var responses = op["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0) missing.Add($"{name}: no success answer");
            foreach (var (status, response) in success)
                if (status != "204" && (response!["content"]?.AsObject() is not { Count: > 0 } content || content.Any(c => c.Value!["schema"] is null)))
                    missing.Add($"{name}: its {status} answer has no schema");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                if (response!["content"]?["application/problem+json"]?["schema"] is null) missing.Add($"{name}: its {status} answer is not problem details");
            if (op["security"] is JsonArray { Count: > 0 } && !(responses.ContainsKey("401") && responses.ContainsKey("403")))
                missing.Add($"{name}: needs credentials but does not list 401 and 403");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_security_schemes_are_the_cookie_a_bearer_key_and_x_api_key_and_each_route_names_its_own()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("growth.auth", schemes["cookie"]!["name"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["cookie"]!["in"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["apiKey"]!["name"]!.GetValue<string>());

        static string[] Schemes(JsonObject op) => op["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToArray();
        var ops = Operations(document).ToDictionary(o => o.Name, o => o.Operation);
        Assert.Equal(["bearer", "apiKey"], Schemes(ops["POST /api/workspaces/{workspace}/events"]));
        Assert.Equal(["bearer", "apiKey"], Schemes(ops["POST /api/workspaces/{workspace}/imports"]));
        Assert.Equal(["cookie"], Schemes(ops["GET /api/workspaces/{workspace}/forecast"]));
        Assert.Contains("Leadership, SalesManager, Admin", ops["GET /api/workspaces/{workspace}/forecast"]["description"]!.GetValue<string>());
        Assert.Null(ops["POST /api/session"]["security"]);
        Assert.NotNull(ops["POST /api/session"]["responses"]!["429"]!["headers"]!["Retry-After"]);
    }

    [Fact]
    public async Task The_projection_answers_json_or_csv_and_the_forecast_deals_csv()
    {
        var ops = Operations(await DocumentAsync()).ToDictionary(o => o.Name, o => o.Operation);
        var projection = ops["POST /api/workspaces/{workspace}/projections"]["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal("#/components/schemas/ProjectionResponse", projection["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.StartsWith("scenario,revenue_mean,", projection["text/csv"]!["example"]!.GetValue<string>());
        var deals = ops["GET /api/workspaces/{workspace}/forecast/deals.csv"]["responses"]!["200"]!["content"]!.AsObject();
        Assert.StartsWith(Growth.Dashboard.Application.Forecast.DealsCsv.Header, deals["text/csv"]!["example"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_example_is_valid_against_its_schema()
    {
        var document = await DocumentAsync();
        // The components' schemas as $defs of one JSON Schema (2020-12, which OpenAPI 3.1 schemas are).
        var defs = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        List<string> invalid = [];
        var checkedExamples = 0;
        foreach (var (name, op) in Operations(document))
        {
            var media = (op["requestBody"]?["content"]?.AsObject() ?? []).Select(c => ($"{name} request {c.Key}", c.Value!))
                .Concat(op["responses"]!.AsObject().SelectMany(r => (r.Value!["content"]?.AsObject() ?? []).Select(c => ($"{name} {r.Key} {c.Key}", c.Value!))));
            foreach (var (where, content) in media)
            {
                if (content["example"] is not { } example) continue;
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$defs"] = defs.DeepClone(),
                    ["$ref"] = "#/$defs/__example",
                };
                root["$defs"]!["__example"] = JsonNode.Parse(content["schema"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
                var schema = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                    new Uri($"https://growth.test/schemas/{Guid.NewGuid():N}"));
                var result = schema.Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                checkedExamples++;
                if (!result.IsValid)
                    invalid.Add($"{where}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))));
            }
        }
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        Assert.True(checkedExamples >= 15, $"only {checkedExamples} examples");
    }

    [Fact]
    public async Task The_document_and_the_reference_page_need_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        using var page = await host.Anonymous.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.AbsolutePath);

        var trainee = await host.SignInAsAsync("training:Trainee");
        using var reference = await trainee.Http.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var html = await reference.Content.ReadAsStringAsync();
        Assert.Contains("Growth API reference", html);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        // The reference page's script is served by the host itself (no CDN).
        Assert.Equal(HttpStatusCode.OK, (await trainee.Http.GetAsync("/scalar/scalar.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainee.Http.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
