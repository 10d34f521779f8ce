using Growth.Dashboard.Application.Backup;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Http.Features;

namespace Growth.Dashboard.Api;

/// <summary>
/// Backup and move, for operators: <c>GET /api/admin/workspaces/{workspace}/backup</c> answers the whole workspace as
/// one zip (<see cref="WorkspaceBackup"/>); <c>POST /api/admin/workspaces/{workspace}/restore</c> takes such a zip as
/// the body and creates the workspace from it, all or nothing (<see cref="WorkspaceRestore"/>). Admin only.
/// </summary>
public static class BackupApi
{
    public static RouteGroupBuilder MapBackupApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapWorkspaceRoutes("/api/admin/workspaces/{workspace}").WithTags("Backup")
            .RequireAuthorization(AreaPolicies.Name(Area.Admin));
        admin.MapGet("/backup", async (string workspace, WorkspaceBackup backups, HttpContext http) =>
        {
            var outcome = await backups.ExportAsync(workspace, http.RequestAborted);
            if (outcome.Refusal is { } refusal) return (IResult)refusal.ToProblem();
            var file = outcome.Value!;
            http.Response.Headers["X-Growth-Backup-Seconds"] = file.Took.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.File(file.Content, "application/zip", file.FileName);
        })
            .WithName("BackupWorkspace").WithSummary("The whole workspace (setup, journeys, figures, forecasts, ledger) as one backup zip")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/zip").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/restore", async (string workspace, WorkspaceRestore restores, HttpContext http) =>
        {
            // A backup may be larger than the default request limit; the restore has its own (WorkspaceRestore.MaxBytes).
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = WorkspaceRestore.MaxBytes + 1;
            return (await restores.RestoreAsync(workspace, http.Request.Body, http.RequestAborted)).ToResult();
        })
            .WithName("RestoreWorkspace").WithSummary("Create the workspace from a backup zip sent as the body (all or nothing; never over an existing workspace)")
            .Produces<RestoreReport>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return admin;
    }
}
