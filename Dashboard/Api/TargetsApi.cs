using Growth.Dashboard.Application.Projection;
using Growth.Dashboard.Application.Setup;
using Growth.Dashboard.Application.Quotas;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Quotas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// Quotas from capacity and goal seek (the work is <see cref="TargetsService"/>'s and <see cref="GoalSeekService"/>'s):
/// <c>GET /targets/suggested?period=FY2027-Q1</c> (leadership, as the setup), <c>POST /targets/suggested/adopt</c>
/// (a new setup version; whoever may change the setup), <c>GET /goal-seek?probability=0.8&amp;target=...</c> (what-if).
/// </summary>
public static class TargetsApi
{
    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/targets/suggested", async Task<Results<Ok<SuggestedTargets>, ProblemHttpResult>> (string workspace, string? period, TargetsService targets) =>
            (await targets.SuggestAsync(workspace, period)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Setup))
            .WithName("GetSuggestedTargets").WithTags("Targets")
            .WithSummary("Quotas suggested from capacity (ramped working days × revenue per rep-day) and from history, per rep, team, region and company, beside the setup's (?period=FY2027-Q1; default the current quarter)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapPost("/targets/suggested/adopt", async Task<Results<Ok<SetupVersionInfo>, ProblemHttpResult>> (string workspace, string? period, string? basis,
            HttpContext http, TargetsService targets) =>
            (await targets.AdoptAsync(workspace, period, basis, SetupAuthor.Of(http.User))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.SetupChanges))
            .WithName("AdoptSuggestedTargets").WithTags("Targets")
            .WithSummary("Set every rep's quarterly quota to the suggestion (?period=a quarter, default the current one; ?basis=capacity or history) as a new setup version")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        ws.MapGet("/goal-seek", async Task<Results<Ok<GoalSeekResult>, ProblemHttpResult>> (string workspace, double? probability, decimal? target, string? period,
            int? paths, ulong? seed, string? lever, GoalSeekService seek, CancellationToken cancellationToken) =>
            (await seek.SeekAsync(workspace, probability ?? 0.8, target, period, paths, seed, cancellationToken: cancellationToken, lever: lever)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.WhatIf))
            .WithName("GoalSeek").WithTags("What-if")
            .WithSummary("The highest target for the current quarter reached with a chance (?probability=0.8) and, with ?target=, the campaign budget multiplier that reaches it, or with ?lever=commission|accelerator the multiplier on the pay plans' rates (same seed, same answer)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/targets/allocation", async Task<Results<Ok<QuotaAllocationResponse>, ProblemHttpResult>> (string workspace, int? paths, ulong? seed,
            QuotaAllocationService allocation, CancellationToken cancellationToken) =>
            (await allocation.CompareAsync(workspace, paths, seed, cancellationToken)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.WhatIf))
            .WithName("QuotaAllocation").WithTags("What-if")
            .WithSummary("Quotas for the current quarter allocated top-down (the company total split by capacity, territory potential or history) against bottom-up (each rep's capacity figure) and the setup's, with the spread of attainment each leaves (quartiles over reps, share at quota) over one quarter of per-rep paths")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }
}
