using System.Security.Claims;
using Growth.Dashboard.Application.Pool;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The lead pool, cut to the caller's part: <c>GET /pool</c> answers the leads waiting in the pool, those overdue for
/// first contact, those returned to the pool (with the reason), the open leads counted by tag, and each team's
/// first-contact deadline breaches (at most <see cref="LeadPoolService.ListLimit"/> leads per list, oldest first);
/// <c>GET /pool/leads.csv</c> every lead of the three lists.
/// </summary>
public static class PoolApi
{
    public static IEndpointRouteBuilder MapPoolApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/pool", async Task<Results<Ok<LeadPoolAnswer>, ProblemHttpResult>> (string workspace, LeadPoolService pool, ClaimsPrincipal user,
            AccessResolver access) =>
            (await pool.PoolAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Sales)).WithTags("Pool")
            .WithSummary("The lead pool: leads waiting, overdue for first contact and returned (with the reason), counts by tag, deadline breaches per team")
            .WithName("GetLeadPool").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/pool/leads.csv", async (string workspace, LeadPoolService pool, ClaimsPrincipal user, AccessResolver access) =>
        {
            var outcome = await pool.PoolAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), int.MaxValue);
            if (outcome.Refusal is { } refusal) return (IResult)refusal.ToProblem();
            return Results.File(System.Text.Encoding.UTF8.GetBytes(PoolCsv.Write(outcome.Value!)), "text/csv; charset=utf-8", $"{workspace}-lead-pool.csv");
        }).RequireAuthorization(AreaPolicies.Name(Area.Sales)).WithTags("Pool")
            .WithSummary("Every lead of the pool's lists (waiting, overdue for first contact, returned) as CSV, not only the oldest the page shows")
            .WithName("GetLeadPoolCsv").WithTextAnswer("text/csv", ApiExamples.PoolCsvAnswer).ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }
}
