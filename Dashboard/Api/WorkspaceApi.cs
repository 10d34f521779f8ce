using System.Security.Claims;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The HTTP API over workspaces: snapshot, simulation control, journeys. Each route is under the access table: the
/// snapshot is cut to the caller's part of the workspace, simulation control is for administrators, a journey is
/// shown only inside the caller's part, and posting a journey's events needs the workspace's ingestion key.
/// </summary>
public static class WorkspaceApi
{
    public sealed record ResetRequest(ulong? Seed);
    public sealed record SpeedRequest(double DaysPerSecond);

    public static void MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/api/workspaces/{workspace}").AddEndpointFilter(ValidateRoute);

        ws.MapGet("/snapshot", async Task<Results<Ok<WorkspaceSnapshot>, ProblemHttpResult>> (string workspace, IGrainFactory grains,
            ClaimsPrincipal user, AccessResolver access) =>
            await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync() is { } snapshot
                ? TypedResults.Ok(SnapshotFilter.Apply(snapshot, (await access.ViewerAsync(user)).ScopeOf(workspace)))
                : UnknownWorkspace(workspace))
            .RequireAuthorization(AreaPolicies.Name(Area.Figures));

        ws.MapGet("/history", async Task<Results<Ok<IReadOnlyList<HistoryPoint>>, ProblemHttpResult>> (string workspace, IGrainFactory grains) =>
        {
            var stats = grains.GetGrain<IWorkspaceStatisticsGrain>(workspace);
            return await stats.GetSnapshotAsync() is null ? UnknownWorkspace(workspace) : TypedResults.Ok(await stats.GetHistoryAsync());
        }).RequireAuthorization(AreaPolicies.Name(Area.History));

        var sim = ws.MapGroup("/simulation");
        sim.MapGet("", async Task<Results<Ok<SimulationStatus>, ProblemHttpResult>> (string workspace, IGrainFactory grains) =>
            await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null
                ? UnknownWorkspace(workspace)
                : TypedResults.Ok(await Simulation(grains, workspace).GetStatusAsync()))
            .RequireAuthorization(AreaPolicies.Name(Area.Figures));
        var control = sim.MapGroup("").RequireAuthorization(AreaPolicies.Name(Area.SimulationControl));
        control.MapPost("", (string workspace, SimulationSettings? settings, IGrainFactory grains) =>
            Simulation(grains, workspace).StartAsync(settings ?? new SimulationSettings()));
        control.MapPost("/pause", (string workspace, IGrainFactory grains) => Simulation(grains, workspace).PauseAsync());
        control.MapPost("/resume", (string workspace, IGrainFactory grains) => Simulation(grains, workspace).ResumeAsync());
        control.MapPost("/reset", (string workspace, ResetRequest? request, IGrainFactory grains) => Simulation(grains, workspace).ResetAsync(request?.Seed));
        control.MapPut("/speed", (string workspace, SpeedRequest request, IGrainFactory grains) => Simulation(grains, workspace).SetSpeedAsync(request.DaysPerSecond));

        ws.MapGet("/journeys/{journeyId}", async Task<Results<Ok<JourneyView>, ProblemHttpResult>> (string workspace, string journeyId, IGrainFactory grains,
            ClaimsPrincipal user, AccessResolver access) =>
        {
            if (await grains.GetGrain<IJourneyGrain>(Keys.Of(workspace, journeyId)).GetAsync() is not { } view)
                return TypedResults.Problem(statusCode: 404, title: "Unknown journey", detail: $"workspace {workspace} has no journey {journeyId}");
            // A sales manager or rep sees the journeys of their region, team or own pipeline only.
            return (await access.ViewerAsync(user)).ScopeOf(workspace).Includes(view.State.RegionId, view.State.TeamId, view.State.RepId)
                ? TypedResults.Ok(view)
                : TypedResults.Problem(statusCode: 403, title: "Not allowed", detail: $"journey {journeyId} is outside your part of workspace {workspace}");
        }).RequireAuthorization(AreaPolicies.Name(Area.Customer));

        ws.MapPost("/journeys/{journeyId}/events", async Task<Results<Ok<JourneyState>, ProblemHttpResult>> (
            string workspace, string journeyId, List<JourneyEvent> events, IGrainFactory grains) =>
        {
            if (events.Count == 0) return TypedResults.Problem(statusCode: 400, title: "No events", detail: "the body must hold at least one event");
            var shard = grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, Keys.ShardOf(journeyId)));
            var result = await shard.ApplyAsync(journeyId, events);
            if (result.Accepted) await grains.GetGrain<IWorkspaceGrain>(workspace).EnsureAsync(WorkspaceKind.Live);
            return result.Accepted
                ? TypedResults.Ok(result.State)
                : TypedResults.Problem(statusCode: 400, title: "Event refused; nothing was applied", detail: result.Error);
        }).RequireAuthorization(AreaPolicies.Ingestion).RequireRateLimiting(AreaPolicies.Ingestion);
    }

    static ISimulationGrain Simulation(IGrainFactory grains, string workspace) => grains.GetGrain<ISimulationGrain>(workspace);

    static ProblemHttpResult UnknownWorkspace(string workspace) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown workspace", detail: $"no workspace named {workspace}");

    static async ValueTask<object?> ValidateRoute(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        if (!Keys.IsValidWorkspace(values["workspace"] as string))
            return TypedResults.Problem(statusCode: 400, title: "Invalid workspace name",
                detail: $"workspace '{values["workspace"]}' must be 1-40 lower-case letters, digits or dashes, starting with a letter or digit");
        if (values.TryGetValue("journeyId", out var id) && !Keys.IsValidId(id as string))
            return TypedResults.Problem(statusCode: 400, title: "Invalid journey id",
                detail: $"journey id '{id}' must be 1-100 letters, digits or . _ : # -");
        return await next(context);
    }
}
