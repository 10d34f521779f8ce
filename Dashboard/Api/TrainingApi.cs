using System.Security.Claims;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Application.Training;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Training;
using Growth.Domain.Training.Reading;
using Growth.Grains.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// Training over HTTP, in a training workspace: start a session, read it, answer with a scripted choice or with a line
/// of one's own (English or Chinese), and read a line without a session. Trainees and reps act only in their own
/// sessions; leaders, managers and admins in anyone's.
/// </summary>
public static class TrainingApi
{
    public sealed record StartRequest(string? ScenarioId, string? Difficulty, long? Seed, string? Trainee, string? Cohort, string? ProductId);
    public sealed record ChoiceRequest(string? ChoiceId);
    public sealed record LineRequest(string? Line);

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder ws)
    {
        var training = ws.MapGroup("/training").RequireAuthorization(AreaPolicies.Name(Area.Training)).WithTags("Training");

        training.MapPost("/sessions", async Task<Results<Ok<TrainingSessionView>, ProblemHttpResult>> (string workspace, StartRequest? request,
            TrainingService service, ScenarioAuthoringService authoring, ClaimsPrincipal user, AccessResolver access, Words words) =>
        {
            request ??= new StartRequest(null, null, null, null, null, null);
            var (own, ownOnly) = TrainingService.TraineeOf(await access.ViewerAsync(user), workspace);
            var trainee = string.IsNullOrWhiteSpace(request.Trainee) ? own : request.Trainee.Trim();
            if (ownOnly && !SameName(trainee, own)) return Refused(StatusCodes.Status403Forbidden, $"trainee: you may train only as yourself ('{own}')");
            // The workspace's scenarios: the built-in ones and its own (in the UI language where written in it).
            var catalogue = await authoring.CatalogueAsync(workspace, ScenarioLibrary.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture));
            var scenario = catalogue.Find(request.ScenarioId ?? "");
            if (scenario is null)
                return Refused(StatusCodes.Status400BadRequest, $"scenarioId: '{request.ScenarioId}' is not a scenario (known: {string.Join(", ", catalogue.Scenarios.Select(s => s.Id))})");
            var difficulty = TrainingDifficulty.Normal;
            if (request.Difficulty is { } d && (!Enum.TryParse(d, ignoreCase: true, out difficulty) || !Enum.IsDefined(difficulty) || int.TryParse(d, out _)))
                return Refused(StatusCodes.Status400BadRequest, $"difficulty: '{d}' is not one of {string.Join(", ", Enum.GetNames<TrainingDifficulty>())}");
            var cohort = string.IsNullOrWhiteSpace(request.Cohort) ? "default" : request.Cohort.Trim();
            if (TrainingService.StartProblem(scenario, trainee, cohort, request.Seed, words) is { } problem) return Refused(StatusCodes.Status400BadRequest, problem);
            return TypedResults.Ok(await service.StartAsync(workspace,
                new TrainingStart(scenario, difficulty, request.Seed is { } seed ? (ulong)seed : null, trainee!, cohort), request.ProductId));
        }).WithSummary("Start a training session against a simulated customer (scenario, difficulty, seed, trainee, cohort)")
            .WithName("StartTrainingSession").WithRequestExample(new StartRequest("crm-small-business", "Easy", 7, "trainee-1", null, null));

        training.MapGet("/sessions/{sessionId}", async Task<Results<Ok<TrainingSessionView>, ProblemHttpResult>> (string workspace, string sessionId,
            TrainingService service, ClaimsPrincipal user, AccessResolver access) =>
            await OwnSessionAsync(workspace, sessionId, service, user, access) is { } refusal ? refusal
                : TypedResults.Ok((await service.GetAsync(workspace, sessionId))!))
            .WithSummary("A training session as the trainee sees it; the review once it is over")
            .WithName("GetTrainingSession");

        training.MapPost("/sessions/{sessionId}/choices", async Task<Results<Ok<TrainingSessionView>, ProblemHttpResult>> (string workspace, string sessionId,
            ChoiceRequest? request, TrainingService service, ClaimsPrincipal user, AccessResolver access) =>
        {
            if (await OwnSessionAsync(workspace, sessionId, service, user, access) is { } refusal) return refusal;
            if (string.IsNullOrWhiteSpace(request?.ChoiceId)) return Refused(StatusCodes.Status400BadRequest, "choiceId: is required (one of the session's choices)");
            return TypedResults.Ok(await service.ChooseAsync(workspace, sessionId, request.ChoiceId));
        }).WithSummary("Answer with one of the scripted choices on offer")
            .WithName("ChooseTrainingAnswer");

        training.MapPost("/sessions/{sessionId}/lines", async Task<Results<Ok<TrainingSessionView>, ProblemHttpResult>> (string workspace, string sessionId,
            LineRequest? request, TrainingService service, ClaimsPrincipal user, AccessResolver access) =>
        {
            if (await OwnSessionAsync(workspace, sessionId, service, user, access) is { } refusal) return refusal;
            if (LineProblem(request?.Line) is { } problem) return Refused(StatusCodes.Status400BadRequest, problem);
            return TypedResults.Ok(await service.SayAsync(workspace, sessionId, request!.Line!));
        }).WithSummary("Answer with a line of your own (English or Chinese): read for its technique and objection, taken as the scripted move it stands for")
            .WithName("SayTrainingLine").WithRequestExample(new LineRequest("What would have to be true for you to decide this month?"));

        training.MapPost("/readings", Results<Ok<LineReading>, ProblemHttpResult> (LineRequest? request) =>
            LineProblem(request?.Line) is { } problem ? Refused(StatusCodes.Status400BadRequest, problem) : TypedResults.Ok(LineReader.Shipped.Read(request!.Line)))
            .WithSummary("How the line reader reads a line: technique, objection addressed, confidence and the n-grams that decided it")
            .WithName("ReadTrainingLine").WithRequestExample(new LineRequest("如果价格合适，您这个月能定下来吗？"));
        training.MapTrainingCoachingApi();
        return ws;
    }

    /// <summary>What is wrong with a typed line, naming the field; null if nothing.</summary>
    static string? LineProblem(string? line) =>
        string.IsNullOrWhiteSpace(line) ? "line: is empty; type what you would say to the customer"
        : line.Trim().Length > LineReader.MaxLength ? $"line: is {line.Trim().Length} characters long; at most {LineReader.MaxLength} are allowed"
        : null;

    /// <summary>404 for a session never started, 403 for someone else's session when the viewer may train only as themselves.</summary>
    static async Task<ProblemHttpResult?> OwnSessionAsync(string workspace, string sessionId, TrainingService service, ClaimsPrincipal user, AccessResolver access)
    {
        var view = await service.GetAsync(workspace, sessionId);
        if (view is null) return Refused(StatusCodes.Status404NotFound, $"sessionId: training session '{sessionId}' was never started in {workspace}");
        var (own, ownOnly) = TrainingService.TraineeOf(await access.ViewerAsync(user), workspace);
        return ownOnly && !SameName(view.Trainee, own)
            ? Refused(StatusCodes.Status403Forbidden, $"sessionId: training session '{sessionId}' is {view.Trainee}'s; you may act only in your own")
            : null;
    }

    static bool SameName(string? a, string? b) =>
        TrainingKeys.IsValidName(a) && TrainingKeys.IsValidName(b) && TrainingKeys.KeyOf(a!) == TrainingKeys.KeyOf(b!);

    static ProblemHttpResult Refused(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: "The request was refused", detail: detail);
}
