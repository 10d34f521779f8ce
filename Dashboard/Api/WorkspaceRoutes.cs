using Growth.Dashboard.Localisation;
using Growth.Dashboard.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The one route group of <c>/api/workspaces/{workspace}</c> and its one name check: every route under it (and the
/// admin routes of a workspace) answers a workspace name or journey id that breaks the rule with 400 before its
/// handler runs. Access rules stay on each route; the check runs after them.
/// </summary>
public static class WorkspaceRoutes
{
    public const string Prefix = "/api/workspaces/{workspace}";

    /// <summary>Maps <see cref="Prefix"/> (or another prefix naming <c>{workspace}</c>) as a group with the name check.</summary>
    public static RouteGroupBuilder MapWorkspaceRoutes(this IEndpointRouteBuilder app, string prefix = Prefix) =>
        app.MapGroup(prefix).AddEndpointFilter(CheckNames);

    static async ValueTask<object?> CheckNames(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        var refusal = Refusal.OfWorkspaceName(values["workspace"] as string)
            ?? (values.TryGetValue("journeyId", out var id) ? Refusal.OfJourneyId(id as string) : null);
        return refusal is null ? await next(context) : refusal.ToProblem();
    }

    /// <summary>
    /// A refusal as problem details: its status, title, detail and extensions; in Chinese for a reader whose language
    /// (cookie or Accept-Language) is Chinese, where the catalogue knows the words (English otherwise).
    /// </summary>
    public static ProblemHttpResult ToProblem(this Refusal refusal) =>
        TypedResults.Problem(statusCode: StatusOf(refusal.Kind), title: RefusalWords.Title(refusal.Title), detail: RefusalWords.Detail(refusal.Detail),
            extensions: refusal.Extensions);

    /// <summary>The value as 200, or the refusal as problem details.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToResult<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(outcome.Value);

    static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
