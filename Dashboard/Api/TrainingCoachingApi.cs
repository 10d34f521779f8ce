using System.Security.Claims;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Training;
using Growth.Dashboard.Security;
using Growth.Domain.Training;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// Training that closes the loop, in a training workspace: coaching from a rep's real losses, a lost deal played as a
/// session, managers' assignments with their progress board, and certificates. Inside the training routes' access rule;
/// each route checks its own part further (the deals of the workspace read, who may assign, whose line one sees).
/// </summary>
public static class TrainingCoachingApi
{
    public sealed record LostDealRequest(string? Workspace, string? JourneyId, string? Trainee, string? Cohort);

    public static RouteGroupBuilder MapTrainingCoachingApi(this RouteGroupBuilder training)
    {
        training.MapGet("/coaching", async Task<Results<Ok<TrainingAdvice>, ProblemHttpResult>> (string? from, string? rep,
            TrainingCoachingService coaching, ClaimsPrincipal user, AccessResolver access) =>
        {
            var viewer = await access.ViewerAsync(user);
            var workspace = string.IsNullOrWhiteSpace(from) ? "demo" : from;
            return (await coaching.AdviceAsync(workspace, rep ?? TrainingCoachingService.OwnRep(viewer, workspace), viewer)).ToResult();
        }).WithSummary("Where a rep loses most deals (step and objection) in workspace `from` (default demo), and the scenario and difficulty to practise; `rep` defaults to your own")
            .WithName("GetTrainingCoaching").ProducesProblem(StatusCodes.Status404NotFound);

        training.MapPost("/lost-deals", async Task<Results<Ok<LostDealSession>, ProblemHttpResult>> (string workspace, LostDealRequest? request,
            TrainingCoachingService coaching, ClaimsPrincipal user, AccessResolver access) =>
        {
            request ??= new LostDealRequest(null, null, null, null);
            var viewer = await access.ViewerAsync(user);
            var (own, ownOnly) = TrainingService.TraineeOf(viewer, workspace);
            var trainee = ownOnly || string.IsNullOrWhiteSpace(request.Trainee) ? own : request.Trainee.Trim();
            return (await coaching.PractiseAsync(workspace, string.IsNullOrWhiteSpace(request.Workspace) ? "demo" : request.Workspace,
                request.JourneyId, viewer, trainee, request.Cohort)).ToResult();
        }).WithSummary("Turn a lost deal (journey of `workspace`, in your part of it) into a scenario with its objections and value, and start a session of it")
            .WithName("PractiseLostDeal").WithRequestExample(new LostDealRequest("demo", "L-000123", null, "spring"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        training.MapPost("/assignments", async Task<Results<Ok<TrainingAssignment>, ProblemHttpResult>> (string workspace, TrainingAssignmentRequest? request,
            TrainingAssignmentService assignments, ClaimsPrincipal user, AccessResolver access) =>
            (await assignments.AssignAsync(workspace, await access.ViewerAsync(user), request ?? new TrainingAssignmentRequest(null, null, null, null, null, null))).ToResult())
            .WithSummary("Assign a scenario to trainees or a cohort with a due date and pass mark (leaders, sales managers, administrators)")
            .WithName("AssignTraining")
            .WithRequestExample(new TrainingAssignmentRequest("crm-small-business", "Normal", ["Ana Lima"], "spring", new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero), 75));

        training.MapGet("/assignments", async Task<Ok<IReadOnlyList<AssignmentBoard>>> (string workspace,
            TrainingAssignmentService assignments, ClaimsPrincipal user, AccessResolver access) =>
            TypedResults.Ok(await assignments.BoardAsync(workspace, await access.ViewerAsync(user))))
            .WithSummary("The assignments you have a part in, each with its progress board: all lines for those who manage it, your own line otherwise")
            .WithName("GetTrainingAssignments");

        training.MapGet("/assignments/{assignmentId}/certificates/{trainee}", async Task<Results<Ok<TrainingCertificate>, ProblemHttpResult>> (string workspace,
            string assignmentId, string trainee, TrainingAssignmentService assignments, ClaimsPrincipal user, AccessResolver access) =>
            (await assignments.CertificateAsync(workspace, await access.ViewerAsync(user), assignmentId, trainee)).ToResult())
            .WithSummary("A trainee's certificate on an assignment: name, scenario, score and date; 404 until they have passed")
            .WithName("GetTrainingCertificate").ProducesProblem(StatusCodes.Status404NotFound);
        return training;
    }
}
