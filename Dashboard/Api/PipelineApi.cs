using System.Security.Claims;
using Growth.Dashboard.Application.Forecast;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The deal inspection list, cut to the caller's part: <c>GET /pipeline</c> (one page of the open deals as JSON) and
/// <c>GET /pipeline/deals.csv</c> (every matching deal, not only a page). Both take <c>owner</c> (rep id), <c>team</c> (team id), <c>step</c>
/// ("Opened" or a conversation step), <c>category</c> (Pipeline, BestCase, Commit), <c>q</c> (part of the customer),
/// <c>sort</c> (customer, owner, value, step, days, close, pushed, category), <c>desc</c>; the page also <c>page</c> and <c>size</c> (1..500).
/// The caller's saved views: <c>GET /pipeline/views</c>, <c>PUT /pipeline/views/{name}</c> (the same fields as JSON), <c>DELETE /pipeline/views/{name}</c>.
/// </summary>
public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/pipeline", async Task<Results<Ok<DealPage>, ProblemHttpResult>> (string workspace, ForecastService forecasts, ClaimsPrincipal user,
            AccessResolver access, string? owner, string? team, string? step, string? category, string? q, string? sort, bool? desc, int? page, int? size) =>
        {
            var (query, error) = DealQuery.Parse(owner, step, category, q, sort, desc, page, size);
            if (query is null) return Invalid(error!);
            return (await forecasts.DealPageAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), query with { Team = Blank(team) })).ToResult();
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("One page of the open deals, filtered by owner, step, category and customer, sorted")
            .WithName("GetPipelinePage").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/pipeline/deals.csv", async (string workspace, ForecastService forecasts, ClaimsPrincipal user, AccessResolver access,
            string? owner, string? team, string? step, string? category, string? q, string? sort, bool? desc) =>
        {
            var (query, error) = DealQuery.Parse(owner, step, category, q, sort, desc, null, null);
            if (query is null) return (IResult)Invalid(error!);
            var outcome = await forecasts.MatchingDealsAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), query with { Team = Blank(team) });
            if (outcome.Refusal is { } refusal) return refusal.ToProblem();
            var all = outcome.Value!;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(DealsCsv.Write(all.Deals, all.Owners, workspace)),
                "text/csv; charset=utf-8", $"{workspace}-pipeline-{all.Period}.csv");
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("Every open deal the filters match, as CSV (all rows, in the list's order)")
            .WithName("GetPipelineCsv").WithTextAnswer("text/csv", ApiExamples.DealsCsvAnswer).ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/pipeline/views", async Task<Results<Ok<IReadOnlyList<SavedView>>, ProblemHttpResult>> (string workspace, SavedViewsService views,
            ClaimsPrincipal user, AccessResolver access) =>
            (await views.ListAsync((await access.ViewerAsync(user)).Name, workspace)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("The caller's saved views of the pipeline list in this workspace (none for a demo visitor)")
            .WithName("GetPipelineViews").ProducesProblem(StatusCodes.Status400BadRequest);

        ws.MapPut("/pipeline/views/{name}", async Task<Results<Ok<IReadOnlyList<SavedView>>, ProblemHttpResult>> (string workspace, string name,
            ViewRequest request, SavedViewsService views, ClaimsPrincipal user, AccessResolver access) =>
            (await views.SaveAsync((await access.ViewerAsync(user)).Name, workspace, name, request)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("Save (or replace) a named view of the pipeline list: its owner, step, category, search and sort, for the caller")
            .WithName("SavePipelineView").WithRequestExample(new ViewRequest("rep-1-1-1", "Topic", "Commit", null, "value", true))
            .ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapDelete("/pipeline/views/{name}", async Task<Results<Ok<IReadOnlyList<SavedView>>, ProblemHttpResult>> (string workspace, string name,
            SavedViewsService views, ClaimsPrincipal user, AccessResolver access) =>
            (await views.DeleteAsync((await access.ViewerAsync(user)).Name, workspace, name)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("Delete one of the caller's saved views of the pipeline list (none of that name: nothing happens)")
            .WithName("DeletePipelineView").ProducesProblem(StatusCodes.Status403Forbidden);
        return ws;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static ProblemHttpResult Invalid(string detail) =>
        new Growth.Dashboard.Application.Refusal(Growth.Dashboard.Application.RefusalKind.Invalid, "Invalid deal query", detail).ToProblem();
}
