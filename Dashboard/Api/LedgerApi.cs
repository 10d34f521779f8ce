using Growth.Dashboard.Application.Ledger;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Ledger;

namespace Growth.Dashboard.Api;

/// <summary>
/// The money ledger, for operators (<see cref="LedgerAudit"/>): <c>GET /api/admin/workspaces/{workspace}/ledger</c>
/// rebuilds the money figures from the ledger and compares them with the live statistics; <c>POST .../ledger/rebuild</c>
/// also makes the live money figures the ledger's where they differ. 409 with in-memory storage (there is no ledger
/// then). Admin only.
/// </summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapWorkspaceRoutes("/api/admin/workspaces/{workspace}/ledger").WithTags("Ledger")
            .RequireAuthorization(AreaPolicies.Name(Area.Admin));
        ledger.MapGet("", async (string workspace, LedgerAudit audit) => TypedResults.Ok(await audit.CheckAsync(workspace, apply: false)))
            .WithName("CheckLedger").WithSummary("Money figures rebuilt from the ledger beside the live ones")
            .Produces<LedgerCheck>().ProducesProblem(StatusCodes.Status409Conflict);
        ledger.MapPost("/rebuild", async (string workspace, LedgerAudit audit) => TypedResults.Ok(await audit.CheckAsync(workspace, apply: true)))
            .WithName("RebuildFromLedger").WithSummary("Rebuild the workspace's money figures from the ledger")
            .Produces<LedgerCheck>().ProducesProblem(StatusCodes.Status409Conflict);
        return ledger;
    }
}
