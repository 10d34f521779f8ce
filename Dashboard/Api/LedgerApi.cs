using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Ledger;
using Growth.Grains.Figures;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Api;

/// <summary>
/// The money ledger, for operators: <c>GET /api/admin/workspaces/{workspace}/ledger</c> rebuilds the money figures
/// from the ledger and compares them with the live statistics; <c>POST .../ledger/rebuild</c> also makes the live
/// money figures the ledger's where they differ. 409 with in-memory storage (there is no ledger then). Admin only.
/// </summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/api/admin/workspaces/{workspace}/ledger").WithTags("Ledger")
            .RequireAuthorization(AreaPolicies.Name(Area.Admin));
        ledger.MapGet("", (string workspace, IGrainFactory grains) => Check(grains, workspace, apply: false))
            .WithName("CheckLedger").WithSummary("Money figures rebuilt from the ledger beside the live ones")
            .Produces<LedgerCheck>().ProducesProblem(StatusCodes.Status409Conflict);
        ledger.MapPost("/rebuild", (string workspace, IGrainFactory grains) => Check(grains, workspace, apply: true))
            .WithName("RebuildFromLedger").WithSummary("Rebuild the workspace's money figures from the ledger")
            .Produces<LedgerCheck>().ProducesProblem(StatusCodes.Status409Conflict);
        return ledger;
    }

    static async Task<IResult> Check(IGrainFactory grains, string workspace, bool apply) =>
        !Keys.IsValidWorkspace(workspace)
            ? TypedResults.Problem(statusCode: 400, title: "Invalid workspace", detail: $"workspace '{workspace}' must be 1-40 lower-case letters, digits or dashes")
            : TypedResults.Ok(await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).CheckLedgerAsync(apply));
}
