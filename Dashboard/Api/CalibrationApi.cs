using System.Security.Claims;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Calibration;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>POST /api/workspaces/{workspace}/simulation/calibrated?from={imported}</c>: fits the behaviour model on the
/// history of workspace <c>from</c> (an import, or any workspace with closed deals) and creates and starts a new
/// simulation workspace with the history's organisation, a fitted lead flow per region and the fitted parameters.
/// Answers with the simulation's status and everything fitted.
/// </summary>
public static class CalibrationApi
{
    /// <summary>Optional settings of the calibrated simulation; the history decides the rest.</summary>
    /// <param name="Seed">Random seed (42 if omitted).</param>
    /// <param name="Speed">Simulated days per real second (2 if omitted).</param>
    /// <param name="Start">Simulated start; the first day of the history if omitted, so the run covers the same span.</param>
    /// <param name="ExistingCustomers">Customers the simulation starts with (none if omitted: the history's deals are all new business).</param>
    public sealed record CalibratedRequest(ulong? Seed = null, double? Speed = null, DateTimeOffset? Start = null, int? ExistingCustomers = null);

    /// <summary>The calibrated simulation and what was fitted.</summary>
    public sealed record CalibratedSimulation(SimulationStatus Simulation, string From, CalibrationResult Calibration);

    /// <summary>Maps the calibration endpoint.</summary>
    public static IEndpointRouteBuilder MapCalibrationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workspaces/{workspace}/simulation/calibrated", CreateAsync)
            .WithName("CreateCalibratedSimulation")
            .WithTags("Calibration")
            .WithSummary("Create a simulation calibrated on another workspace's history")
            .Produces<CalibratedSimulation>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AreaPolicies.Name(Area.SimulationControl));
        return app;
    }

    static async Task<IResult> CreateAsync(string workspace, string? from, CalibratedRequest? request, IGrainFactory grains,
        ClaimsPrincipal user, AccessResolver access)
    {
        if (!Keys.IsValidWorkspace(workspace)) return IngestionApi.InvalidWorkspace(workspace);
        if (!Keys.IsValidWorkspace(from))
            return TypedResults.Problem(statusCode: 400, title: "Which history?", detail: $"query parameter from='{from}' must name the workspace to calibrate on");
        // The history is read whole: the caller must administer that workspace too.
        if (!(await access.ViewerAsync(user)).Allows(Area.SimulationControl, from!))
            return TypedResults.Problem(statusCode: 403, title: "Not allowed", detail: $"your roles do not include administering workspace {from}");
        if (await grains.GetGrain<IWorkspaceGrain>(from!).GetOrganisationAsync() is not { } organisation)
            return TypedResults.Problem(statusCode: 404, title: "Unknown workspace", detail: $"no workspace named {from}");
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is not null)
            return TypedResults.Problem(statusCode: 409, title: "The workspace exists",
                detail: $"workspace {workspace} already exists; a calibrated simulation is created in a new workspace");

        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(from!, i)).StatesAsync()))).SelectMany(s => s).ToList();
        // A live workspace's organisation is only what its events named: the groups its figures show.
        if (!organisation.Reps.Any() && await grains.GetGrain<IWorkspaceStatisticsGrain>(from!).GetSnapshotAsync() is { } snapshot)
            organisation = HistoryOrganisation.Of(snapshot);
        if (!states.Any(s => s.Won || s.Status == JourneyStatus.Lost))
            return TypedResults.Problem(statusCode: 400, title: "Nothing to calibrate on", detail: $"workspace {from} has no won or lost deal");

        var fit = HistoryCalibration.Fit(states, organisation);
        var settings = new SimulationSettings
        {
            Seed = request?.Seed ?? 42,
            Speed = request?.Speed ?? 2,
            Start = request?.Start ?? new DateTimeOffset(fit.From.UtcDateTime.Date, TimeSpan.Zero),
            ExistingCustomers = request?.ExistingCustomers ?? 0,
            Organisation = fit.Organisation,
            Parameters = fit.Parameters,
        };
        var status = await grains.GetGrain<ISimulationGrain>(workspace).StartAsync(settings);
        return TypedResults.Ok(new CalibratedSimulation(status, from!, fit));
    }
}
