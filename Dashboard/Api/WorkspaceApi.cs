using System.ComponentModel;
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
            ClaimsPrincipal user, AccessResolver access,
            [Description("month, quarter, year (fiscal, to date), last-N (N in 1..3650) or YYYY-MM-DD..YYYY-MM-DD; its figures are in inPeriod")] string? period,
            [Description("previous (the period of equal length before), year (the same dates a year earlier) or none")] string? compare) =>
            (await reader.SnapshotAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), period, compare)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Figures))
            .WithName("GetSnapshot").WithTags("Figures")
            .WithSummary("The workspace's figures, cut to the caller's part of it; with ?period=&compare=, a period's figures and its comparison's (full view only)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/history", async Task<Results<Ok<IReadOnlyList<HistoryPoint>>, ProblemHttpResult>> (string workspace, WorkspaceReader reader) =>
            (await reader.HistoryAsync(workspace)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.History))
            .WithName("GetHistory").WithTags("Figures").WithSummary("The workspace's figures over time").ProducesProblem(StatusCodes.Status404NotFound);

        var sim = ws.MapGroup("/simulation").WithTags("Simulation");
        sim.MapGet("", async Task<Results<Ok<SimulationStatus>, ProblemHttpResult>> (string workspace, SimulationControl simulation) =>
            (await simulation.StatusAsync(workspace)).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Figures))
            .WithName("GetSimulation").WithSummary("The simulation's status: running, seed, speed, simulated time, steps, leads").ProducesProblem(StatusCodes.Status404NotFound);
        var control = sim.MapGroup("").RequireAuthorization(AreaPolicies.Name(Area.SimulationControl));
        control.MapPost("", (string workspace, SimulationSettings? settings, SimulationControl simulation) =>
            simulation.StartAsync(workspace, settings ?? new SimulationSettings()))
            .WithName("StartSimulation").WithSummary("Create (if needed) and start the workspace's simulation; the body's settings are optional")
            .WithRequestExample(new SimulationSettings { Seed = 7, Speed = 2, Regions = 2, TeamsPerRegion = 2, RepsPerTeam = 5, Campaigns = 3, ExistingCustomers = 100 })
            .ProducesProblem(StatusCodes.Status400BadRequest);
        control.MapPost("/pause", (string workspace, SimulationControl simulation) => simulation.PauseAsync(workspace))
            .WithName("PauseSimulation").WithSummary("Stop the simulation's clock").ProducesProblem(StatusCodes.Status404NotFound);
        control.MapPost("/resume", (string workspace, SimulationControl simulation) => simulation.ResumeAsync(workspace))
            .WithName("ResumeSimulation").WithSummary("Restart the simulation's clock").ProducesProblem(StatusCodes.Status404NotFound);
        control.MapPost("/reset", (string workspace, ResetRequest? request, SimulationControl simulation) => simulation.ResetAsync(workspace, request?.Seed))
            .WithName("ResetSimulation").WithSummary("Throw the workspace's data away and rebuild it from the seed (the body's seed, or the same one)")
            .WithRequestExample(new ResetRequest(7)).ProducesProblem(StatusCodes.Status404NotFound);
        control.MapPut("/speed", (string workspace, SpeedRequest request, SimulationControl simulation) => simulation.SetSpeedAsync(workspace, request.DaysPerSecond))
            .WithName("SetSimulationSpeed").WithSummary("Set the simulation's speed in simulated days per real second")
            .WithRequestExample(new SpeedRequest(5)).ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/journeys/{journeyId}", async Task<Results<Ok<JourneyView>, ProblemHttpResult>> (string workspace, string journeyId, WorkspaceReader reader,
            ClaimsPrincipal user, AccessResolver access) =>
            (await reader.JourneyAsync(workspace, journeyId, (await access.ViewerAsync(user)).ScopeOf(workspace))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Customer))
            .WithName("GetJourney").WithTags("Journeys").WithSummary("One customer journey: its state and its 40 most recent events").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapPost("/journeys/{journeyId}/events", async Task<Results<Ok<JourneyState>, ProblemHttpResult>> (
            string workspace, string journeyId, List<JourneyEvent> events, EventIngestion ingestion) =>
            (await ingestion.ApplyToJourneyAsync(workspace, journeyId, events)).ToResult())
            .RequireAuthorization(AreaPolicies.Ingestion).RequireRateLimiting(AreaPolicies.Ingestion)
            .WithName("ApplyJourneyEvents").WithTags("Journeys", "Ingestion").WithSummary("Apply a JSON array of events to one journey, all or none")
            .WithRequestExample(ApiExamples.JourneyEvents);
        return ws;
    }
}
