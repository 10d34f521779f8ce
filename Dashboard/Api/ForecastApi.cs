using System.Security.Claims;
using Growth.Dashboard.Application.Forecast;
using Growth.Dashboard.Application.Setup;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// The quarter's forecast, cut to the caller's part: <c>GET /forecast</c> (rows and open deals as JSON),
/// <c>GET /forecast/montecarlo</c> (the Monte Carlo band and odds), <c>GET /forecast/deals.csv</c> (every open deal), and <c>PUT /forecast/calls/{scopeId}</c> with
/// <c>{"amount": 123000}</c> (null clears) to set a manager's own call for a team, region or "company".
/// </summary>
public static class ForecastApi
{
    public sealed record CallRequest(decimal? Amount);

    public static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder ws)
    {
        ws.MapGet("/forecast", async Task<Results<Ok<ForecastView>, ProblemHttpResult>> (string workspace, ForecastService forecasts,
            ClaimsPrincipal user, AccessResolver access, int? runs, ulong? seed) =>
            (await forecasts.ReportAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), Parameters(runs, seed))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("The current fiscal quarter's forecast by region, team and rep, with the open deals and the Monte Carlo band")
            .WithName("GetForecast").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/forecast/montecarlo", async Task<Results<Ok<MonteCarloForecast>, ProblemHttpResult>> (string workspace, ForecastService forecasts,
            ClaimsPrincipal user, AccessResolver access, int? runs, ulong? seed) =>
        {
            var outcome = await forecasts.ReportAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), Parameters(runs, seed));
            return outcome.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(outcome.Value!.MonteCarlo!);
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("The Monte Carlo forecast of the quarter's end: P10/P50/P90 and the odds of reaching target per company, region and team (runs 100..100000, default 5000; seed default 1)")
            .WithName("GetMonteCarloForecast").ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/forecast/deals.csv", async (string workspace, ForecastService forecasts, ClaimsPrincipal user, AccessResolver access) =>
        {
            var outcome = await forecasts.ReportAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace));
            if (outcome.Refusal is { } refusal) return (IResult)refusal.ToProblem();
            var report = outcome.Value!.Report;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(DealsCsv.Write(report.OpenDeals, RepNames(report), workspace)),
                "text/csv; charset=utf-8", $"{workspace}-open-deals-{report.Period.Name}.csv");
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast").WithSummary("Every open deal as CSV")
            .WithName("GetForecastDealsCsv").WithTextAnswer("text/csv", ApiExamples.DealsCsvAnswer).ProducesProblem(StatusCodes.Status404NotFound);

        ws.MapGet("/forecast/accuracy.csv", async (string workspace, ForecastService forecasts, ClaimsPrincipal user, AccessResolver access) =>
        {
            var outcome = await forecasts.ReportAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace));
            if (outcome.Refusal is { } refusal) return (IResult)refusal.ToProblem();
            if (outcome.Value!.Accuracy is not { } accuracy)
                return Growth.Dashboard.Application.Refusal.NotAllowed("forecast accuracy is the company's: it needs the full view of the workspace").ToProblem();
            return Results.File(System.Text.Encoding.UTF8.GetBytes(AccuracyCsv.Write(accuracy)), "text/csv; charset=utf-8", $"{workspace}-forecast-accuracy.csv");
        }).RequireAuthorization(AreaPolicies.Name(Area.Forecast)).WithTags("Forecast")
            .WithSummary("Forecast against actual for every kept week of every closed period, per method, as CSV (the company's: full view only)")
            .WithName("GetForecastAccuracyCsv").WithTextAnswer("text/csv", ApiExamples.AccuracyCsvAnswer).ProducesProblem(StatusCodes.Status403Forbidden);

        ws.MapPut("/forecast/calls/{scopeId}", async Task<Results<Ok<IReadOnlyList<ManagerCall>>, ProblemHttpResult>> (string workspace, string scopeId,
            CallRequest request, ForecastService forecasts, ClaimsPrincipal user, AccessResolver access) =>
            (await forecasts.SetCallAsync(workspace, (await access.ViewerAsync(user)).ScopeOf(workspace), scopeId, request.Amount, SetupAuthor.Of(user))).ToResult())
            .RequireAuthorization(AreaPolicies.Name(Area.ForecastCalls)).WithTags("Forecast")
            .WithSummary("Set (or clear) a manager's own call for a team, region or the company this quarter")
            .WithName("SetForecastCall").WithRequestExample(new CallRequest(123000m)).ProducesProblem(StatusCodes.Status404NotFound);
        ws.MapPipelineApi();
        ws.MapRecordsApi();
        return ws;
    }

    static MonteCarloParameters Parameters(int? runs, ulong? seed) =>
        MonteCarloParameters.Default with { Runs = runs ?? MonteCarloParameters.DefaultRuns, Seed = seed ?? 1 };

    /// <summary>Rep id → name, from the report's rep rows.</summary>
    public static IReadOnlyDictionary<string, string> RepNames(ForecastReport report) => report.RepNames();
}
