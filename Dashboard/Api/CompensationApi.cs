using System.Security.Claims;
using Growth.Dashboard.Application.Compensation;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Compensation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>GET /api/workspaces/{workspace}/compensation?period=FY2027-Q1</c>: the payout statements of a fiscal period
/// (default: the quarter the workspace's time is in) with every line, cut to the caller's part of the workspace.
/// </summary>
public static class CompensationApi
{
    public static IEndpointRouteBuilder MapCompensationApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/compensation", async Task<Results<Ok<CompensationReport>, ProblemHttpResult>> (string workspace, string? period,
            CompensationService compensation, ClaimsPrincipal user, AccessResolver access) =>
            (await compensation.ReportAsync(workspace, period, (await access.ViewerAsync(user)).ScopeOf(workspace))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Compensation))
            .WithName("GetCompensation").WithTags("Compensation")
            .WithSummary("Payout statements of a fiscal period (?period=FY2027-Q1; default the current quarter), cut to the caller's part")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }
}
