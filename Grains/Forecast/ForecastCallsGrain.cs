using Growth.Domain.Forecast;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Forecast;

/// <summary>The forecast calls grain's state: every call, by period and scope.</summary>
[GenerateSerializer]
public sealed class ForecastCallsRecord
{
    [Id(0)] public List<ManagerCall> Calls { get; set; } = [];
}

/// <summary>Keeps the managers' calls (thin: a list, bounded by <see cref="MaxCalls"/>; the oldest go first).</summary>
public sealed class ForecastCallsGrain(
    [PersistentState("forecast-calls", GrainStorage.Name)] IPersistentState<ForecastCallsRecord> record) : Grain, IForecastCallsGrain
{
    /// <summary>Calls kept per workspace (periods × teams and regions); the oldest are dropped past it. Assumed.</summary>
    public const int MaxCalls = 5000;
    /// <summary>Largest call accepted (company currency).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public Task<IReadOnlyList<ManagerCall>> GetAsync(string period) =>
        Task.FromResult<IReadOnlyList<ManagerCall>>(record.State.Calls.Where(c => c.Period == period).ToList());

    public async Task<IReadOnlyList<ManagerCall>> SetAsync(string period, string scopeId, decimal? amount, string by, DateTimeOffset at)
    {
        if (amount is < 0 or > MaxAmount) throw new DomainException($"amount must be between 0 and {MaxAmount} (was {amount})");
        if (string.IsNullOrWhiteSpace(period) || string.IsNullOrWhiteSpace(scopeId)) throw new DomainException("period and scope are required");
        var calls = record.State.Calls;
        calls.RemoveAll(c => c.Period == period && c.ScopeId == scopeId);
        if (amount is { } a) calls.Add(new ManagerCall(period, scopeId, a, by, at));
        if (calls.Count > MaxCalls) calls.RemoveRange(0, calls.Count - MaxCalls);
        await record.WriteStateAsync();
        return await GetAsync(period);
    }
}
