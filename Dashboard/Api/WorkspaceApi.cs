using System.Security.Claims;
using Growth.Dashboard.Application.Ingestion;
using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
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

    /// <summary>Maps the routes into the workspace routes.</summary>
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/snapshot", async Task<Results<Ok<WorkspaceSnapshot>, ProblemHttpResult>> (string workspace, WorkspaceReader reader,
            ClaimsPrincipal user, AccessResolver access) =>
            (await reader.SnapshotAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Figures));

        ws.MapGet("/history", async Task<Results<Ok<IReadOnlyList<HistoryPoint>>, ProblemHttpResult>> (string workspace, WorkspaceReader reader) =>
            (await reader.HistoryAsync(workspace)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.History));

        var sim = ws.MapGroup("/simulation");
        sim.MapGet("", async Task<Results<Ok<SimulationStatus>, ProblemHttpResult>> (string workspace, SimulationControl simulation) =>
            (await simulation.StatusAsync(workspace)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Figures));
        var control = sim.MapGroup("").RequireAuthorization(AreaPolicies.Name(Area.SimulationControl));
        control.MapPost("", (string workspace, SimulationSettings? settings, SimulationControl simulation) =>
            simulation.StartAsync(workspace, settings ?? new SimulationSettings()));
        control.MapPost("/pause", (string workspace, SimulationControl simulation) => simulation.PauseAsync(workspace));
        control.MapPost("/resume", (string workspace, SimulationControl simulation) => simulation.ResumeAsync(workspace));
        control.MapPost("/reset", (string workspace, ResetRequest? request, SimulationControl simulation) => simulation.ResetAsync(workspace, request?.Seed));
        control.MapPut("/speed", (string workspace, SpeedRequest request, SimulationControl simulation) => simulation.SetSpeedAsync(workspace, request.DaysPerSecond));

        ws.MapGet("/journeys/{journeyId}", async Task<Results<Ok<JourneyView>, ProblemHttpResult>> (string workspace, string journeyId, WorkspaceReader reader,
            ClaimsPrincipal user, AccessResolver access) =>
            (await reader.JourneyAsync(workspace, journeyId, (await access.ViewerAsync(user)).ScopeOf(workspace))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Customer));

        ws.MapPost("/journeys/{journeyId}/events", async Task<Results<Ok<JourneyState>, ProblemHttpResult>> (
            string workspace, string journeyId, List<JourneyEvent> events, EventIngestion ingestion) =>
            (await ingestion.ApplyToJourneyAsync(workspace, journeyId, events)).ToResult())
            .RequireAuthorization(AreaPolicies.Ingestion).RequireRateLimiting(AreaPolicies.Ingestion);
        return ws;
    }
}
