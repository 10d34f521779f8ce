using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Growth.Domain.Import;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>POST /api/workspaces/{workspace}/imports</c>: a CRM export as multipart/form-data: the file <c>pipeline</c>
/// (and <c>teams</c>, <c>products</c> when the mapping names them, as the Maven preset does), an optional <c>preset</c>
/// (maven, hubspot, salesforce, pipedrive) and optional column-mapping fields named like the properties of
/// <see cref="CrmColumnMapping"/> (<c>opportunityId</c>, <c>agent</c>, <c>closeValue</c>, ...; the preset fills the rest). Answers with the import report (<see cref="WorkspaceImport"/>). A file whose header lacks a
/// mapped column refuses the whole import (400, naming the column) before anything is stored.
/// </summary>
public static class ImportApi
{
    /// <summary>Maps the import endpoint into the workspace routes.</summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder workspace)
    {
        workspace.MapPost("/imports", ImportAsync)
            .WithName("ImportCrm")
            .WithTags("Import")
            .WithSummary("Import a CRM export (pipeline CSV, and teams and products CSV for the Maven layout)")
            .WithDescription("multipart/form-data: file pipeline (teams and products too when the mapping names them: the Maven preset does); " +
                $"optional preset ({string.Join(", ", CrmUpload.Presets)}; maven by default) and column-mapping fields " +
                $"({string.Join(", ", CrmUpload.MappingFields)}) put over it; optional now (yyyy-MM-dd, on or after the last event; the last event's " +
                "date by default): the figures show the history at that moment. Re-importing the same files changes nothing.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<ImportSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            // It writes the workspace's data: the workspace's ingestion key, like the events endpoint.
            .RequireAuthorization(AreaPolicies.Ingestion)
            .RequireRateLimiting(AreaPolicies.Ingestion);

        // Saved mappings: the import's administrators (the page saves them; an upload names one as its preset).
        var presets = workspace.MapGroup("/imports/presets").RequireAuthorization(AreaPolicies.Name(Area.Import));
        presets.MapGet("", async (string workspace, WorkspaceImport imports) => TypedResults.Ok(await imports.SavedMappingsAsync(workspace)))
            .WithName("ListImportPresets")
            .WithTags("Import")
            .WithSummary("The workspace's saved column mappings, by name (an upload names one in its preset field)");
        presets.MapPut("/{name}", async Task<Results<Ok<IReadOnlyList<NamedMapping>>, ProblemHttpResult>> (string workspace, string name,
                Dictionary<string, string>? fields, WorkspaceImport imports) =>
                (await imports.SaveMappingAsync(workspace, name, fields ?? [])).ToResult())
            .WithName("SaveImportPreset")
            .WithTags("Import")
            .WithSummary("Save a column mapping under a name for this workspace")
            .WithDescription("Body: a JSON object of string fields as an upload has them: preset (the preset to start from; maven by default) " +
                $"and column-mapping fields ({string.Join(", ", CrmUpload.MappingFields)}) put over it. The name: 1-40 letters, digits, spaces, - _ ., " +
                "not a built-in preset's. Saving under a saved name replaces it.");
        presets.MapDelete("/{name}", async Task<Results<Ok<IReadOnlyList<NamedMapping>>, ProblemHttpResult>> (string workspace, string name, WorkspaceImport imports) =>
                (await imports.DeleteMappingAsync(workspace, name)).ToResult())
            .WithName("DeleteImportPreset")
            .WithTags("Import")
            .WithSummary("Delete a saved column mapping of this workspace (404 when no mapping of that name is saved)")
            .WithDescription("Answers with the saved mappings left. Imports made with the mapping stay as they are; the built-in presets cannot be deleted.");
        return workspace;
    }

    static async Task<IResult> ImportAsync(string workspace, HttpRequest request, WorkspaceImport imports, IOptions<ImportOptions> options,
        CancellationToken cancellationToken)
    {
        // Refused before the body is read when its length says so; otherwise the server stops reading at the limit.
        var limit = options.Value;
        var max = limit.MaxUploadBytes;
        if (request.ContentLength > max) return Problem(413, "The upload is too large", limit.TooLarge(null, request.ContentLength));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;
        // The form reader's own limit (128 MiB by default) follows the setting; files are buffered on disk, not in memory.
        if (request.HasFormContentType)
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = max }));
        if (!request.HasFormContentType)
            return Problem(400, "Expected a form upload", $"send multipart/form-data with the files {string.Join(", ", CrmUpload.FileFields)}");
        if (await imports.RefusalAsync(workspace) is { } refusal) return refusal.ToProblem();

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, "The upload is too large", limit.TooLarge(null, null));
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(413, "The upload is too large", limit.TooLarge(null, null));
        }
        catch (InvalidDataException e)
        {
            return Problem(400, "The upload could not be read", e.Message);
        }

        var (now, nowError) = CrmUpload.NowOf(form[CrmUpload.NowField].ToString());
        if (nowError is not null) return Problem(400, "Unreadable date", nowError);
        var (mapping, mappingError) = CrmUpload.MappingOf(form.Where(f => f.Key != CrmUpload.NowField)
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())), await imports.SavedMappingsAsync(workspace));
        if (mappingError is not null) return Problem(400, "Unknown column mapping", mappingError);
        var required = CrmUpload.RequiredFiles(mapping!);
        var missing = required.Where(f => form.Files.GetFile(f) is null).ToList();
        if (missing.Count > 0) return Problem(400, "Files missing", $"the upload lacks the file field(s) {string.Join(", ", missing)}");

        // The event files (payments, orders, activities) are optional with any layout: taken when the upload has them.
        var files = required.Concat(CrmUpload.EventFields.Where(f => form.Files.GetFile(f) is not null)).ToDictionary(f => f, f => form.Files.GetFile(f)!);
        var streams = files.ToDictionary(f => f.Key, f => f.Value.OpenReadStream());
        try
        {
            var sources = files.ToDictionary(f => f.Key,
                f => CrmSource.FromStream(string.IsNullOrEmpty(f.Value.FileName) ? f.Key : f.Value.FileName, streams[f.Key]));
            return TypedResults.Ok(await imports.ImportAsync(workspace, sources, mapping!, cancellationToken: cancellationToken, now: now));
        }
        catch (CrmImportException e)
        {
            // In the reader's language here: the file's problem is said whole, counts and reasons included.
            var said = Components.Shared.Words.Chinese ? Localisation.Chinese.ImportRefusalChinese.Refusal(e) : e.Message;
            return TypedResults.Problem(statusCode: 400, title: "The file cannot be imported; nothing was stored", detail: said,
                extensions: new Dictionary<string, object?>
                {
                    ["file"] = e.FileName, ["missingColumns"] = e.MissingColumns,
                    ["rowsRead"] = e.Report?.RowsRead, ["imported"] = e.Report?.Imported,
                    ["rejectedByReason"] = e.Report?.RejectedByReason, ["rejected"] = e.Report?.Rejected.Take(RejectedListed).ToArray(),
                });
        }
        finally
        {
            foreach (var stream in streams.Values) stream.Dispose();
        }
    }

    /// <summary>Rejected rows listed in a refusal; the counts by reason cover them all.</summary>
    const int RejectedListed = 100;

    static IResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
