using Growth.Domain.Forecast;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Forecast;

/// <summary>The forecast history grain's state: the weekly forecasts and the closed periods' actuals.</summary>
[GenerateSerializer]
public sealed class ForecastHistoryRecord
{
    [Id(0)] public List<WeeklyForecast> Weeks { get; set; } = [];
    [Id(1)] public List<PeriodActual> Actuals { get; set; } = [];
}

/// <summary>Keeps a workspace's weekly forecasts and actuals (thin: the rules of what is kept are <see cref="ForecastWeeks"/>).</summary>
public sealed class ForecastHistoryGrain(
    [PersistentState("forecast-history", GrainStorage.Name)] IPersistentState<ForecastHistoryRecord> record) : Grain, IForecastHistoryGrain
{
    public Task<ForecastHistory> GetAsync() => Task.FromResult(History());

    public async Task<ForecastHistory> KeepAsync(WeeklyForecast week)
    {
        if (string.IsNullOrWhiteSpace(week.Period) || week.Week < 1 || week.PeriodEnd <= week.PeriodStart)
            throw new DomainException($"a weekly forecast needs a period, a week from 1 and an end after its start (was {week.Period}, week {week.Week})");
        var kept = ForecastWeeks.Keep(record.State.Weeks, week);
        if (kept.Count != record.State.Weeks.Count || !kept.SequenceEqual(record.State.Weeks))
        {
            record.State.Weeks = kept;
            await record.WriteStateAsync();
        }
        return History();
    }

    public async Task<ForecastHistory> CloseAsync(IReadOnlyList<PeriodActual> actuals)
    {
        var known = record.State.Actuals.Select(a => a.Period).ToHashSet(StringComparer.Ordinal);
        var fresh = actuals.Where(a => known.Add(a.Period)).ToList();
        if (fresh.Count > 0)
        {
            if (fresh.Any(a => a.Won < 0)) throw new DomainException("a period's actual must not be negative");
            record.State.Actuals.AddRange(fresh);
            record.State.Actuals.Sort((a, b) => a.Start.CompareTo(b.Start));
            if (record.State.Actuals.Count > ForecastWeeks.MaxActuals)
                record.State.Actuals.RemoveRange(0, record.State.Actuals.Count - ForecastWeeks.MaxActuals);
            await record.WriteStateAsync();
        }
        return History();
    }

    ForecastHistory History() => new(record.State.Weeks.ToList(), record.State.Actuals.ToList());
}
