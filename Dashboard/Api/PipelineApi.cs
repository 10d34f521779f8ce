using System.Security.Claims;
using Growth.Dashboard.Application.Forecast;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The deal inspection list, cut to the caller's part: <c>GET /pipeline</c> (one page of the open deals as JSON) and
/// <c>GET /pipeline/deals.csv</c> (every matching deal, not only a page). Both take <c>owner</c> (rep id), <c>step</c>
/// ("Opened" or a conversation step), <c>category</c> (Pipeline, BestCase, Commit), <c>q</c> (part of the customer),
/// <c>sort</c> (customer, owner, value, step, days, close, pushed, category), <c>desc</c>; the page also <c>page</c> and <c>size</c> (1..500).
/// </summary>
public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/pipeline", async Task<Results<Ok<DealPage>, ProblemHttpResult>> (string workspace, ForecastService forecasts, ClaimsPrincipal user,
            AccessResolver access, string? owner, string? step, string? category, string? q, string? sort, bool? desc, int? page, int? size) =>
        {
            var (query, error) = DealQuery.Parse(owner, step, category, q, sort, desc, page, size);
            if (query is null) return Invalid(error!);
            return (await forecasts.DealPageAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), query)).ToResult();
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("One page of the open deals, filtered by owner, step, category and customer, sorted")
            .WithName("GetPipelinePage").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/pipeline/deals.csv", async (string workspace, ForecastService forecasts, ClaimsPrincipal user, AccessResolver access,
            string? owner, string? step, string? category, string? q, string? sort, bool? desc) =>
        {
            var (query, error) = DealQuery.Parse(owner, step, category, q, sort, desc, null, null);
            if (query is null) return (IResult)Invalid(error!);
            var outcome = await forecasts.MatchingDealsAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), query);
            if (outcome.Refusal is { } refusal) return refusal.ToProblem();
            var all = outcome.Value!;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(DealsCsv.Write(all.Deals, all.Owners, workspace)),
                "text/csv; charset=utf-8", $"{workspace}-pipeline-{all.Period}.csv");
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("Every open deal the filters match, as CSV (all rows, in the list's order)")
            .WithName("GetPipelineCsv").WithTextAnswer("text/csv", ApiExamples.DealsCsvAnswer).ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }

    static ProblemHttpResult Invalid(string detail) =>
        new Growth.Dashboard.Application.Refusal(Growth.Dashboard.Application.RefusalKind.Invalid, "Invalid deal query", detail).ToProblem();
}
