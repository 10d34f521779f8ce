using System.Text.Json;
using Growth.Dashboard.Security;
using Growth.Domain.Import;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Http.Features;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>POST /api/workspaces/{workspace}/imports</c>: a CRM export as multipart/form-data with three files
/// (<c>pipeline</c>, <c>teams</c>, <c>products</c>) and optional column-mapping fields named like the properties of
/// <see cref="CrmColumnMapping"/> (<c>opportunityId</c>, <c>agent</c>, <c>closeValue</c>, ...; the Maven preset
/// fills the rest). Answers with the import report. A file whose header lacks a mapped column refuses the whole
/// import (400, naming the column) before anything is stored.
/// </summary>
public static class ImportApi
{
    /// <summary>Largest upload: 32 MiB for the three files together (the Maven sample is under 1 MiB).</summary>
    public const long MaxUploadBytes = 32 * 1024 * 1024;

    /// <summary>The form fields that carry the three files.</summary>
    public static readonly string[] FileFields = ["pipeline", "teams", "products"];

    /// <summary>Maps the import endpoint.</summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workspaces/{workspace}/imports", ImportAsync)
            .WithName("ImportCrm")
            .WithTags("Import")
            .WithSummary("Import a CRM export (pipeline, teams, products CSV files)")
            .WithDescription("multipart/form-data: files pipeline, teams, products; optional column-mapping fields " +
                $"({string.Join(", ", MappingFields)}), the Maven CRM preset by default. Re-importing the same files changes nothing.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<ImportSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            // It writes the workspace's data: the workspace's ingestion key, like the events endpoint.
            .RequireAuthorization(AreaPolicies.Ingestion)
            .RequireRateLimiting(AreaPolicies.Ingestion);
        return app;
    }

    static async Task<IResult> ImportAsync(string workspace, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!Keys.IsValidWorkspace(workspace)) return IngestionApi.InvalidWorkspace(workspace);
        if (request.ContentLength > MaxUploadBytes) return Problem(413, "The upload is too large", $"at most {MaxUploadBytes} bytes are accepted");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxUploadBytes;
        if (!request.HasFormContentType)
            return Problem(400, "Expected a form upload", $"send multipart/form-data with the files {string.Join(", ", FileFields)}");
        if (await WorkspaceImport.RefusalAsync(grains, workspace) is { } refusal) return Problem(409, "The workspace cannot take an import", refusal);

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, "The upload is too large", $"at most {MaxUploadBytes} bytes are accepted");
        }
        catch (InvalidDataException e)
        {
            return Problem(400, "The upload could not be read", e.Message);
        }

        var missing = FileFields.Where(f => form.Files.GetFile(f) is null).ToList();
        if (missing.Count > 0) return Problem(400, "Files missing", $"the upload lacks the file field(s) {string.Join(", ", missing)}");
        var (mapping, mappingError) = MappingOf(form);
        if (mappingError is not null) return Problem(400, "Unknown column mapping", mappingError);

        CrmImportResult result;
        try
        {
            using var pipeline = form.Files.GetFile("pipeline")!.OpenReadStream();
            using var teams = form.Files.GetFile("teams")!.OpenReadStream();
            using var products = form.Files.GetFile("products")!.OpenReadStream();
            result = CrmImport.Read(Source("pipeline", form, pipeline), Source("teams", form, teams), Source("products", form, products), mapping!);
        }
        catch (CrmImportException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "The file cannot be imported; nothing was stored", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["file"] = e.FileName, ["missingColumns"] = e.MissingColumns });
        }
        return TypedResults.Ok(await WorkspaceImport.ApplyAsync(grains, workspace, result, cancellationToken: cancellationToken));
    }

    static CrmSource Source(string field, IFormCollection form, Stream stream)
    {
        var file = form.Files.GetFile(field)!;
        return CrmSource.FromStream(string.IsNullOrEmpty(file.FileName) ? field : file.FileName, stream);
    }

    static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web);

    /// <summary>The mapping's field names (camelCase), the file names excepted.</summary>
    public static IReadOnlyList<string> MappingFields { get; } = JsonSerializer.SerializeToNode(CrmColumnMapping.Maven, MappingJson)!.AsObject()
        .Select(p => p.Key).Where(k => !k.EndsWith("File", StringComparison.Ordinal)).ToList();

    /// <summary>The Maven preset with the form's mapping fields put over it; or what field is unknown or empty.</summary>
    public static (CrmColumnMapping? Mapping, string? Error) MappingOf(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var node = JsonSerializer.SerializeToNode(CrmColumnMapping.Maven, MappingJson)!.AsObject();
        foreach (var (name, value) in fields)
        {
            var key = MappingFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (key is null) return (null, $"form field '{name}' is not a column mapping; the mapping fields are {string.Join(", ", MappingFields)}");
            if (string.IsNullOrWhiteSpace(value)) return (null, $"column mapping '{name}' is empty");
            node[key] = value.Trim();
        }
        return (node.Deserialize<CrmColumnMapping>(MappingJson), null);
    }

    static (CrmColumnMapping? Mapping, string? Error) MappingOf(IFormCollection form) =>
        MappingOf(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())));

    static IResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
