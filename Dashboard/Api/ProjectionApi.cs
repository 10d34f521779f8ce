using Growth.Dashboard.Application.Projection;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Projection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>The HTTP API for what-if planning: projections and saved scenarios (the work is <see cref="ProjectionService"/>'s).</summary>
public static class ProjectionApi
{
    public static void MapProjectionApi(this IEndpointRouteBuilder app)
    {
        // Reading projections and scenarios: Leadership and Admin; saving and deleting scenarios: the same, signed in.
        var ws = app.MapGroup("").RequireAuthorization(AreaPolicies.Name(Area.WhatIf)).WithTags("What-if");

        // ?format=csv returns the comparison as CSV instead of JSON.
        // The request being aborted (the client gone or given up) stops the projection's work on the silos.
        ws.MapPost("/projections", async Task<IResult> (string workspace, ProjectionBody? body, string? format, ProjectionService projections, CancellationToken cancellationToken) =>
        {
            var response = await projections.ProjectAsync(workspace, body ?? new ProjectionBody(), cancellationToken: cancellationToken);
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.Text(ScenarioComparison.ToCsv(response.Comparison), "text/csv")
                : TypedResults.Ok(response);
        }).WithName("RunProjection").WithSummary("Project the workspace's figures forward: the baseline and each scenario, as JSON or (?format=csv) CSV")
            .Produces<ProjectionResponse>().WithTextAnswer("text/csv", ApiExamples.ProjectionCsv)
            .WithRequestExample(new ProjectionBody(Weeks: 13, Paths: 1000, Seed: 7, Saved: ["hire-two-reps"])).ProducesProblem(StatusCodes.Status404NotFound);

        // Pay plans side by side: the current plans against 1..4 plans in the setup's plan shape.
        ws.MapPost("/projections/plans", async Task<Results<Ok<PlanComparisonResponse>, ProblemHttpResult>> (string workspace, PlanComparisonBody? body, PlanComparisonService plans, CancellationToken cancellationToken) =>
            TypedResults.Ok(await plans.CompareAsync(workspace, body ?? new PlanComparisonBody(), cancellationToken: cancellationToken)))
            .WithName("ComparePlans")
            .WithSummary("Compare pay plans with the current ones through the projection: per-rep payout bands, revenue, cost of sales, margin after pay, reps at quota and far below on-target earnings")
            .WithRequestExample(new PlanComparisonBody(Weeks: 52, Paths: 2000, Seed: 1, Plans: [ApiExamples.AcceleratedPlan]))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        var scenarios = ws.MapGroup("/scenarios");
        scenarios.MapGet("", (string workspace, ProjectionService projections) => projections.ScenariosAsync(workspace))
            .WithName("ListScenarios").WithSummary("The workspace's saved what-if scenarios");
        scenarios.MapPut("/{name}", async Task<Results<Ok<IReadOnlyList<Scenario>>, ProblemHttpResult>> (string workspace, string name, ProjectionLevers levers, ProjectionService projections) =>
            TypedResults.Ok(await projections.SaveScenarioAsync(workspace, new Scenario(name, levers))))
            .RequireAuthorization(AreaPolicies.Name(Area.Scenarios))
            .WithName("SaveScenario").WithSummary("Save (or replace) a named scenario's levers; answers every saved scenario");
        scenarios.MapDelete("/{name}", (string workspace, string name, ProjectionService projections) => projections.DeleteScenarioAsync(workspace, name))
            .RequireAuthorization(AreaPolicies.Name(Area.Scenarios))
            .WithName("DeleteScenario").WithSummary("Delete a saved scenario; answers the ones left");
    }
}
