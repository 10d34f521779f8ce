using System.Security.Claims;
using Growth.Dashboard.Application.Grades;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The intent grades, cut to the caller's part: <c>GET /grades?period=quarter</c> answers, for grades A to D and leads not
/// graded, the open leads now and, of the leads created in the period (<c>month</c>, <c>quarter</c>, <c>year</c>,
/// <c>last-N</c> or <c>YYYY-MM-DD..YYYY-MM-DD</c>; default the fiscal quarter to date), those still leads, those that
/// became deals, the deals won and their value. Each figure is the total of a record list (<c>grade</c>,
/// <c>createdFrom</c>, <c>createdTo</c>, <c>won</c> on <c>GET /records</c>).
/// </summary>
public static class GradesApi
{
    public static IEndpointRouteBuilder MapGradesApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/grades", async Task<Results<Ok<IntentGradeAnswer>, ProblemHttpResult>> (string workspace, IntentGradeService grades, ClaimsPrincipal user,
            AccessResolver access, string? period) =>
            (await grades.GradesAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), period)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Sales)).WithTags("Grades")
            .WithSummary("Intent grades: open leads by grade now, and the period's leads by grade followed to deals and wins (conversion by grade)")
            .WithName("GetIntentGrades").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }
}
