using Growth.Domain.Forecast;
using Orleans.Concurrency;

namespace Growth.Grains.Forecast;

/// <summary>
/// The managers' own forecast calls of a workspace: one amount per period (e.g. "FY2027-Q1") and team, region or
/// "company", shown beside the reps' call and the model. Key: workspace. Who may set which call is checked by the caller.
/// </summary>
public interface IForecastCallsGrain : IGrainWithStringKey
{
    /// <summary>The calls of <paramref name="period"/>.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<ManagerCall>> GetAsync(string period);

    /// <summary>Sets (or, with a null amount, clears) the call of <paramref name="scopeId"/> in <paramref name="period"/>.</summary>
    Task<IReadOnlyList<ManagerCall>> SetAsync(string period, string scopeId, decimal? amount, string by, DateTimeOffset at);
}
