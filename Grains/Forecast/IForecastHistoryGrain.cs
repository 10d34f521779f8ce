using Growth.Domain.Forecast;
using Orleans.Concurrency;

namespace Growth.Grains.Forecast;

/// <summary>
/// A workspace's forecast history: the company's forecast of each week by every method (<see cref="WeeklyForecast"/>),
/// and what each closed period actually brought (<see cref="PeriodActual"/>). Key: workspace. Filled lazily by
/// whoever reads the forecast (the first read in a week keeps that week's forecast).
/// </summary>
public interface IForecastHistoryGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<ForecastHistory> GetAsync();

    /// <summary>Keeps <paramref name="week"/> unless its week of its period already has a forecast; the history after.</summary>
    Task<ForecastHistory> KeepAsync(WeeklyForecast week);

    /// <summary>Records what closed periods brought (a period already recorded keeps its first actual); the history after.</summary>
    Task<ForecastHistory> CloseAsync(IReadOnlyList<PeriodActual> actuals);
}

/// <summary>The kept weekly forecasts (oldest first) and closed periods' actuals.</summary>
[GenerateSerializer, Immutable]
public sealed record ForecastHistory([property: Id(0)] IReadOnlyList<WeeklyForecast> Weeks, [property: Id(1)] IReadOnlyList<PeriodActual> Actuals);
