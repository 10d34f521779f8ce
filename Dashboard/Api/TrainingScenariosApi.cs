using System.Security.Claims;
using System.Text;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Training;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Training;
using Growth.Grains.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// Writing a training workspace's own scenarios over HTTP (leaders, sales managers and administrators): the library,
/// check a file, save or import one as a new version, export one, its versions, restore one, and preview a draft in a
/// session that counts nowhere. Bodies are scenario files exactly as the shipped ones (<c>Training/Scenarios/*.json</c>).
/// </summary>
public static class TrainingScenariosApi
{
    public static IEndpointRouteBuilder MapTrainingScenariosApi(this IEndpointRouteBuilder ws)
    {
        var scenarios = ws.MapGroup("/training/scenarios").RequireAuthorization(AreaPolicies.Name(Area.TrainingAuthoring)).WithTags("Training");

        scenarios.MapGet("", async Task<Ok<IReadOnlyList<LibraryScenario>>> (string workspace, ScenarioAuthoringService authoring) =>
            TypedResults.Ok(await authoring.LibraryAsync(workspace)))
            .WithName("ListTrainingScenarios").WithSummary("The built-in scenarios and the workspace's own, each with its newest version");

        scenarios.MapPost("/checks", async (string workspace, string? language, HttpContext http) =>
        {
            var body = await BodyAsync(http);
            return body.Refusal is { } refused ? (IResult)refused.ToProblem() : TypedResults.Ok(ScenarioAuthoringService.Check(body.Value, language ?? ScenarioLibrary.English));
        }).WithName("CheckTrainingScenario").WithSummary("Every problem of a scenario file, each named by its JSON path; nothing is stored")
            .WithBodyDescription<TrainingScenario>().Produces<ScenarioCheckResult>().ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        scenarios.MapPost("", async (string workspace, string? language, string? fileName, HttpContext http, ScenarioAuthoringService authoring,
            AccessResolver access) =>
        {
            var body = await BodyAsync(http);
            if (body.Refusal is { } refused) return (IResult)refused.ToProblem();
            return (await authoring.ImportAsync(workspace, fileName, body.Value, language, await access.ViewerAsync(http.User))).ToResult();
        }).WithName("SaveTrainingScenario")
            .WithSummary("Save or import a scenario file as the next version of its id (language: en or zh-Hans, else from fileName's <id>.zh-Hans.json); refused naming every problem, nothing stored")
            .WithBodyDescription<TrainingScenario>().Produces<ScenarioVersionInfo>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        scenarios.MapPost("/previews", async (string workspace, string? difficulty, HttpContext http, ScenarioAuthoringService authoring, AccessResolver access) =>
        {
            var body = await BodyAsync(http);
            if (body.Refusal is { } refused) return (IResult)refused.ToProblem();
            var level = TrainingDifficulty.Normal;
            if (difficulty is { } d && (!Enum.TryParse(d, ignoreCase: true, out level) || !Enum.IsDefined(level) || int.TryParse(d, out _)))
                return new Refusal(RefusalKind.Invalid, "Unknown difficulty", $"difficulty: '{d}' is not one of {string.Join(", ", Enum.GetNames<TrainingDifficulty>())}").ToProblem();
            return (await authoring.PreviewAsync(workspace, body.Value, await access.ViewerAsync(http.User), level)).ToResult();
        }).WithName("PreviewTrainingScenario")
            .WithSummary("Play a draft scenario: starts a session of it under your name that no history or leaderboard counts; answer it with the session routes")
            .WithBodyDescription<TrainingScenario>().Produces<TrainingSessionView>().ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        scenarios.MapGet("/{id}", async (string workspace, string id, string? language, int? version, ScenarioAuthoringService authoring) =>
            await authoring.ExportAsync(workspace, id, language, version) is { } file
                ? (IResult)TypedResults.File(Encoding.UTF8.GetBytes(file.Json), "application/json; charset=utf-8", file.FileName)
                : new Refusal(RefusalKind.NotFound, "Unknown scenario",
                    $"id: workspace {workspace} has no scenario '{id}' in language '{language ?? ScenarioLibrary.English}'{(version is { } v ? $" at version {v}" : "")}").ToProblem())
            .WithName("ExportTrainingScenario").WithSummary("A scenario as a file (the workspace's newest version, or ?version=N; else the built-in one), to edit or import elsewhere")
            .Produces<TrainingScenario>().ProducesProblem(StatusCodes.Status404NotFound);

        scenarios.MapGet("/{id}/versions", async Task<Ok<IReadOnlyList<ScenarioVersionInfo>>> (string workspace, string id, string? language, ScenarioAuthoringService authoring) =>
            TypedResults.Ok(await authoring.VersionsAsync(workspace, id, language)))
            .WithName("ListTrainingScenarioVersions").WithSummary("Every saved version of one of the workspace's scenarios, newest first: who and when");

        scenarios.MapPost("/{id}/versions/{number:int}/restore", async Task<Results<Ok<ScenarioVersionInfo>, ProblemHttpResult>> (string workspace, string id,
            int number, string? language, ScenarioAuthoringService authoring, ClaimsPrincipal user, AccessResolver access) =>
            (await authoring.RestoreAsync(workspace, id, language, number, await access.ViewerAsync(user))).ToResult())
            .WithName("RestoreTrainingScenarioVersion").WithSummary("Make an earlier version the newest (saved as a new version copying it; history is kept)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return ws;
    }

    static async Task<Outcome<string>> BodyAsync(HttpContext http)
    {
        // Bytes, not characters: a Chinese file's 64 k characters take up to 192 kB.
        var limit = ScenarioLibrary.MaxChars * 3;
        if (http.Request.ContentLength > limit) return TooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) return TooLarge;
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    static readonly Refusal TooLarge = new(RefusalKind.TooLarge, "Scenario too large",
        $"a scenario file may be at most {ScenarioLibrary.MaxChars} characters; nothing was stored");
}
