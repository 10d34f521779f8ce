using System.Security.Claims;
using Growth.Dashboard.Application.Records;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The record lists, cut to the caller's part (a rep their own, a manager their team or region): <c>GET /records</c>
/// (one page as JSON) and <c>GET /records.csv</c> (every matching row, not only a page). Both take <c>kind</c> (Leads,
/// Deals, Customers), <c>q</c> (part of the customer's name, company or journey id), <c>owner</c>, <c>team</c>,
/// <c>region</c>, <c>stage</c> (funnel stage), <c>step</c> ("Opened" or a conversation step), <c>channel</c>,
/// <c>campaign</c>, <c>status</c> (journey status), <c>working</c> (open new-business deals working on a conversation
/// step, as the Sales page's pipeline chart counts them), <c>overdue</c> (Current, Days1To30, Days31To60, Days61To90,
/// Over90: money in that receivables ageing bucket now), <c>lostAt</c> (a step, or Unknown) and <c>lostTo</c> (an
/// objection) for new-business deals lost, as the Insight page's loss charts count them, <c>lifecycle</c> (Acquired, Activated,
/// Retained, Upsold, Referred, Churned: customers as the Overview's lifecycle chart counts them), <c>entered</c> (Stage,after,until:
/// journeys that entered a funnel stage in that window, as the funnel's entries count them), <c>grade</c> (A, B, C, D or
/// None: intent grade), <c>createdFrom</c> and <c>createdTo</c> (created in [from, to): yyyy-MM-dd or ISO 8601), <c>won</c>
/// (true or false), as the intent grades page counts them, <c>tag</c> (kind:value, kinds source, campaign, segment, product,
/// tag: leads carrying that tag, as the pool page counts open leads by tag), <c>sort</c> (name, company, owner, value, stage, step, created,
/// activity, close, since), <c>desc</c>; the page also <c>page</c> and <c>size</c> (1..500).
/// </summary>
public static class RecordsApi
{
    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/records", async Task<Results<Ok<RecordListAnswer>, ProblemHttpResult>> (string workspace, RecordsService records, ClaimsPrincipal user,
            AccessResolver access, string? kind, string? q, string? owner, string? team, string? region, string? stage, string? step, string? channel,
            string? campaign, string? status, string? working, string? overdue, string? lostAt, string? lostTo, string? lifecycle, string? entered, string? grade, string? createdFrom, string? createdTo, string? won, string? tag,
            string? sort, bool? desc, int? page, int? size) =>
        {
            var (query, error) = RecordQuery.Parse(kind, q, owner, team, region, stage, step, channel, campaign, status, sort, desc, page, size, working, overdue, lostAt, lostTo, lifecycle, entered, grade, createdFrom, createdTo, won, tag);
            if (query is null) return Invalid(error!);
            return (await records.PageAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), query)).ToResult();
        }).RequireAuthorization(AreaPolicies.Name(Area.Customer)).WithTags("Records")
            .WithSummary("One page of the leads, deals, customers or every journey, searched by name, filtered and sorted (from the shards' read model)")
            .WithName("GetRecordsPage").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/records.csv", async (string workspace, RecordsService records, ClaimsPrincipal user, AccessResolver access,
            string? kind, string? q, string? owner, string? team, string? region, string? stage, string? step, string? channel,
            string? campaign, string? status, string? working, string? overdue, string? lostAt, string? lostTo, string? lifecycle, string? entered, string? grade, string? createdFrom, string? createdTo, string? won, string? tag,
            string? sort, bool? desc) =>
        {
            var (query, error) = RecordQuery.Parse(kind, q, owner, team, region, stage, step, channel, campaign, status, sort, desc, null, null, working, overdue, lostAt, lostTo, lifecycle, entered, grade, createdFrom, createdTo, won, tag);
            if (query is null) return (IResult)Invalid(error!);
            var outcome = await records.AllAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), query);
            if (outcome.Refusal is { } refusal) return refusal.ToProblem();
            var all = outcome.Value!;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(RecordsCsv.Write(all.Rows, all.Owners, workspace)),
                "text/csv; charset=utf-8", $"{workspace}-{query.Kind.ToString().ToLowerInvariant()}.csv");
        }).RequireAuthorization(AreaPolicies.Name(Area.Customer)).WithTags("Records")
            .WithSummary("Every lead, deal or customer the filters match, as CSV (all rows, in the list's order)")
            .WithName("GetRecordsCsv").WithTextAnswer("text/csv", ApiExamples.RecordsCsvAnswer).ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }

    static ProblemHttpResult Invalid(string detail) =>
        new Growth.Dashboard.Application.Refusal(Growth.Dashboard.Application.RefusalKind.Invalid, "Invalid record query", detail).ToProblem();
}
