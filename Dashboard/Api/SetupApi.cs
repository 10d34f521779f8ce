using System.Globalization;
using System.Security.Claims;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Setup;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Setup;
using Microsoft.Net.Http.Headers;

namespace Growth.Dashboard.Api;

/// <summary>
/// The HTTP API of a workspace's setup (the work is <see cref="SetupService"/>'s). <c>GET /setup</c> answers exactly
/// the document (JSON, or YAML with <c>?format=yaml</c>) with its version as <c>ETag: "N"</c> (and
/// <c>X-Setup-Version</c>), so a download sent back by <c>PUT /setup</c> gives the same setup; a PUT with
/// <c>If-Match: "N"</c> is applied only if the setup is still at version N (else 409). Reading and writing are for
/// leadership and administrators.
/// </summary>
public static class SetupApi
{
    public const string VersionHeader = "X-Setup-Version";

    /// <summary>Maps the setup routes into the workspace routes.</summary>
    public static IEndpointRouteBuilder MapSetupApi(this IEndpointRouteBuilder ws)
    {
        var read = ws.MapGroup("/setup").RequireAuthorization(AreaPolicies.Name(Area.Setup)).WithTags("Setup");
        var write = ws.MapGroup("/setup").RequireAuthorization(AreaPolicies.Name(Area.SetupChanges)).WithTags("Setup");

        read.MapGet("", async (string workspace, string? format, HttpContext http, SetupService setups) =>
            SetupFiles.Named(format) is { } f ? File(http, await setups.DownloadAsync(workspace, f)) : SetupFiles.UnknownFormat(format).ToProblem())
            .WithName("GetSetup").WithSummary("The setup document, exactly (JSON, or YAML with ?format=yaml), its version as ETag")
            .Produces<SetupDocument>().WithTextAnswer("application/yaml", ApiExamples.SetupYaml).ProducesProblem(StatusCodes.Status404NotFound);

        write.MapPut("", async (string workspace, string? note, HttpContext http, SetupService setups) =>
        {
            var body = await BodyAsync(http);
            if (body.Refusal is { } refused) return refused.ToProblem();
            if (ExpectedVersion(http) is { Refusal: { } badMatch }) return badMatch.ToProblem();
            return Applied(http, await setups.ApplyTextAsync(workspace, body.Value!, FormatOf(http, body.Value!), SetupAuthor.Of(http.User), note,
                ExpectedVersion(http).Value));
        }).WithName("ApplySetup").WithSummary("Replace the setup (JSON or YAML body; If-Match: \"N\" applies only over version N, else 409)")
            .WithBodyDescription<SetupDocument>("application/yaml").Produces<SetupVersionInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        write.MapPost("/preview", async (string workspace, HttpContext http, SetupService setups) =>
        {
            var body = await BodyAsync(http);
            if (body.Refusal is { } refused) return refused.ToProblem();
            return (await setups.PreviewTextAsync(workspace, body.Value!, FormatOf(http, body.Value!))).ToResult();
        }).WithName("PreviewSetup").WithSummary("What a setup would change, without applying it")
            .WithBodyDescription<SetupDocument>("application/yaml").Produces<SetupPreview>().ProducesProblem(StatusCodes.Status404NotFound);

        read.MapGet("/versions", async (string workspace, SetupService setups) => (await setups.HistoryAsync(workspace)).ToResult())
            .WithName("ListSetupVersions").WithSummary("Every version of the setup: who, when, what changed").ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/versions/{number:int}", async (string workspace, int number, string? format, HttpContext http, SetupService setups) =>
            SetupFiles.Named(format) is { } f ? File(http, await setups.DownloadAsync(workspace, f, number), etag: false) : SetupFiles.UnknownFormat(format).ToProblem())
            .WithName("GetSetupVersion").WithSummary("One earlier version of the setup document (JSON, or YAML with ?format=yaml)")
            .Produces<SetupDocument>().WithTextAnswer("application/yaml", ApiExamples.SetupYaml).ProducesProblem(StatusCodes.Status404NotFound);
        write.MapPost("/versions/{number:int}/rollback", async (string workspace, int number, HttpContext http, SetupService setups) =>
            Applied(http, await setups.RollbackAsync(workspace, number, SetupAuthor.Of(http.User))))
            .WithName("RollbackSetup").WithSummary("Make an earlier version the setup again (as a new version)")
            .Produces<SetupVersionInfo>().ProducesProblem(StatusCodes.Status404NotFound);

        read.MapGet("/{part}", async (string workspace, string part, string? format, HttpContext http, SetupService setups) =>
            SetupFiles.Named(format) is { } f ? File(http, await setups.PartAsync(workspace, part, f)) : SetupFiles.UnknownFormat(format).ToProblem())
            .WithName("GetSetupPart").WithSummary("One part of the setup (company, organisation, catalogue, ...; JSON, or YAML with ?format=yaml)")
            .Produces<System.Text.Json.Nodes.JsonObject>().WithTextAnswer("application/yaml", ApiExamples.SetupYaml).ProducesProblem(StatusCodes.Status404NotFound);
        write.MapPut("/{part}", async (string workspace, string part, string? note, HttpContext http, SetupService setups) =>
        {
            var body = await BodyAsync(http);
            if (body.Refusal is { } refused) return refused.ToProblem();
            if (ExpectedVersion(http) is { Refusal: { } badMatch }) return badMatch.ToProblem();
            return Applied(http, await setups.ApplyPartAsync(workspace, part, body.Value!, FormatOf(http, body.Value!), SetupAuthor.Of(http.User), note,
                ExpectedVersion(http).Value));
        }).WithName("ApplySetupPart").WithSummary("Replace one part of the setup (JSON or YAML body; If-Match as for the whole setup)")
            .WithBodyDescription<System.Text.Json.Nodes.JsonObject>("application/yaml").Produces<SetupVersionInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        ws.MapPost("/from-template/{template}", async (string workspace, string template, HttpContext http, SetupTemplatesService templates) =>
        {
            var outcome = await templates.CreateAsync(workspace, template, SetupAuthor.Of(http.User));
            return outcome.Refusal is { } refusal ? refusal.ToProblem()
                : Results.Created($"/api/workspaces/{Uri.EscapeDataString(workspace)}/setup", outcome.Value);
        }).RequireAuthorization(AreaPolicies.Name(Area.SetupChanges))
            .WithName("CreateFromTemplate").WithTags("Setup").WithSummary("Create a workspace from a shipped setup template")
            .Produces<CreatedWorkspace>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return ws;
    }

    /// <summary>Maps <c>GET /api/templates</c>: the templates a workspace can be created from.</summary>
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/templates", (SetupTemplatesService templates) => TypedResults.Ok(templates.List()))
            .RequireAuthorization(AreaPolicies.Name(Area.Templates))
            .WithName("ListTemplates").WithTags("Setup").WithSummary("The setup templates a workspace can be created from");
        return app;
    }

    static Task<Outcome<string>> BodyAsync(HttpContext http) =>
        SetupFiles.ReadAsync(http.Request.Body, http.Request.ContentLength, http.RequestAborted);

    static SetupFileFormat FormatOf(HttpContext http, string text) => SetupFiles.FormatOf(http.Request.ContentType, null, text);

    /// <summary>The version an <c>If-Match</c> header names (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); none without the header or with <c>*</c>.</summary>
    static Outcome<int?> ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header is "" or "*") return new Outcome<int?>(null, null);
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new Outcome<int?>(version, null)
            : new Refusal(RefusalKind.Invalid, "Unreadable If-Match", $"If-Match must name a setup version as an ETag such as \"3\" (was {header})");
    }

    static IResult File(HttpContext http, Outcome<SetupFile> outcome, bool etag = true)
    {
        if (outcome.Refusal is { } refusal) return refusal.ToProblem();
        var file = outcome.Value!;
        SetVersion(http, file.Version, etag);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = file.FileName }.ToString();
        return TypedResults.Text(file.Text, file.ContentType + "; charset=utf-8");
    }

    static IResult Applied(HttpContext http, Outcome<SetupVersionInfo> outcome)
    {
        if (outcome.Refusal is { } refusal) return refusal.ToProblem();
        SetVersion(http, outcome.Value!.Number, etag: true);
        return TypedResults.Ok(outcome.Value);
    }

    static void SetVersion(HttpContext http, int version, bool etag)
    {
        if (etag) http.Response.Headers.ETag = $"\"{version}\"";
        http.Response.Headers[VersionHeader] = version.ToString(CultureInfo.InvariantCulture);
    }
}
