using System.Security.Claims;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Setup;
using Growth.Dashboard.Application.Twin;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The workspace's digital twin (<see cref="TwinService"/>): <c>POST /twin</c> starts one from the workspace's current
/// figures (body optional: <c>{"paths": 200, "days": 91, "seed": 1}</c>), <c>GET /twin</c> answers its parameters and
/// the live counts since its start judged against its ranges. Leadership and administrators (the Insight page's readers).
/// </summary>
public static class TwinApi
{
    public static IEndpointRouteBuilder MapTwinApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/twin", async Task<Results<Ok<TwinView>, ProblemHttpResult>> (string workspace, TwinService twins) =>
            (await twins.GetAsync(workspace)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Insight)).WithTags("Twin")
            .WithName("GetTwin")
            .WithSummary("The workspace's digital twin (parameters, each fitted or assumed, and start) and every step, team and channel since its start judged against the twin's P5–P95 range")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Starting one writes: leadership and administrators, never a demo visitor (the rule of setup changes).
        ws.MapPost("/twin", async Task<Results<Ok<TwinView>, ProblemHttpResult>> (string workspace, TwinStartRequest? request, TwinService twins, ClaimsPrincipal user) =>
            (await twins.StartAsync(workspace, request, SetupAuthor.Of(user))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.SetupChanges)).WithTags("Twin")
            .WithName("StartTwin")
            .WithSummary("Start a digital twin from the workspace's current figures: parameters fitted on its own history, its open journeys as the start, seeded Monte Carlo runs day by day (paths 50..1000, default 200; days 1..180, default 91; seed default 1)")
            .WithRequestExample(new TwinStartRequest(200, 91, 1))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return ws;
    }
}
