using Growth.Domain.Access;
using Growth.Domain.Forecast;

namespace Growth.Dashboard.Application.Forecast;

/// <summary>The open deals the viewer may see, filtered, sorted and paged (<see cref="DealList"/>), or every matching one for the CSV.</summary>
public static class PipelineQueries
{
    /// <summary>One page of the open deals in <paramref name="scope"/> that <paramref name="query"/> matches.</summary>
    public static async Task<Outcome<DealPage>> DealPageAsync(this ForecastService forecasts, string workspace, FigureScope scope, DealQuery query)
    {
        if (query.Validate() is { } wrong) return new Refusal(RefusalKind.Invalid, "Invalid deal query", wrong);
        var outcome = await forecasts.ReportAsync(workspace, scope);
        if (outcome.Refusal is { } refusal) return refusal;
        var report = outcome.Value!.Report;
        return new Outcome<DealPage>(DealList.Page(report.OpenDeals, query, report.RepNames()), null);
    }

    /// <summary>Every open deal in <paramref name="scope"/> that <paramref name="query"/> matches (its page is ignored), with the owners' names and the period.</summary>
    public static async Task<Outcome<MatchingDeals>> MatchingDealsAsync(this ForecastService forecasts, string workspace, FigureScope scope, DealQuery query)
    {
        if (query.Validate() is { } wrong) return new Refusal(RefusalKind.Invalid, "Invalid deal query", wrong);
        var outcome = await forecasts.ReportAsync(workspace, scope);
        if (outcome.Refusal is { } refusal) return refusal;
        var report = outcome.Value!.Report;
        var names = report.RepNames();
        return new Outcome<MatchingDeals>(new MatchingDeals(DealList.Matching(report.OpenDeals, query, names), names, report.Period.Name), null);
    }
}

/// <summary>Every deal a query matched, the owners' names and the period's name.</summary>
public sealed record MatchingDeals(IReadOnlyList<Deal> Deals, IReadOnlyDictionary<string, string> Owners, string Period);
