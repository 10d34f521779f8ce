using System.Security.Claims;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Api;

/// <summary>
/// <c>POST /api/workspaces/{workspace}/simulation/calibrated?from={imported}</c>: a new simulation workspace
/// calibrated on the history of workspace <c>from</c> (<see cref="CalibratedSimulations"/>), its setup stored first.
/// Answers with the simulation's status, everything fitted and the setup version. <c>"run": false</c> in the body
/// creates it paused, for its setup to be reviewed before it starts.
/// <c>GET /api/workspaces/{workspace}/calibration</c> reviews a calibration on the workspace's history (<see cref="CalibrationReview"/>).
/// </summary>
public static class CalibrationApi
{
    /// <summary>Maps the calibration endpoint into the workspace routes.</summary>
    public static IEndpointRouteBuilder MapCalibrationApi(this IEndpointRouteBuilder workspace)
    {
        workspace.MapPost("/simulation/calibrated", CreateAsync)
            .WithName("CreateCalibratedSimulation")
            .WithTags("Calibration")
            .WithSummary("Create a simulation calibrated on another workspace's history")
            .Produces<CalibratedSimulation>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AreaPolicies.Name(Area.SimulationControl));
        workspace.MapGet("/calibration", ReviewAsync)
            .WithName("ReviewCalibration")
            .WithTags("Calibration")
            .WithSummary("What a calibration on this workspace's history fits and assumes, and its figures beside the calibrated model's over the same span")
            .WithDescription("The parameters in force (each fitted or assumed, with unit and source) and the history's win rate, average deal, " +
                "cycle and lead-to-deal conversion per channel beside those of the calibrated model run over the history's span (seeded: seed, 42 by default), " +
                "each within its tolerance or not (win rate ±3 points, average deal ±10 %, cycle ±15 %, conversion ±2 points). " +
                "The fit reads the kept journeys only: archived, when the retention rule archived any, says how many it leaves out and, from the " +
                "shards' archived totals, their leads, won and lost deals and the whole history's win rate and lead-to-deal conversion (null otherwise).")
            .Produces<CalibrationReview>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            // The history is read whole: the import's administrators.
            .RequireAuthorization(AreaPolicies.Name(Area.Import));
        return workspace;
    }

    static async Task<IResult> ReviewAsync(string workspace, ulong? seed, CalibratedSimulations calibrations) =>
        (await calibrations.ReviewAsync(workspace, seed ?? 42)).ToResult();

    static async Task<IResult> CreateAsync(string workspace, string? from, CalibratedRequest? request, CalibratedSimulations calibrations,
        ClaimsPrincipal user, AccessResolver access)
    {
        if (!Keys.IsValidWorkspace(from))
            return TypedResults.Problem(statusCode: 400, title: "Which history?", detail: $"query parameter from='{from}' must name the workspace to calibrate on");
        // The history is read whole: the caller must administer that workspace too.
        var viewer = await access.ViewerAsync(user);
        if (!viewer.Allows(Area.SimulationControl, from!))
            return Refusal.NotAllowed($"your roles do not include administering workspace {from}").ToProblem();
        return (await calibrations.CreateAsync(workspace, from!, request, viewer.Name ?? "api")).ToResult();
    }
}
