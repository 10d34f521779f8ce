using System.Diagnostics;
using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Forecast;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Forecast;

/// <summary>The forecast as served: the report cut to the viewer, and what it cost to build.</summary>
/// <param name="Journeys">Deals read to build it (journeys that opened an opportunity, from the record rows).</param>
/// <param name="ElapsedMs">Milliseconds spent reading the journeys and building the report (and the Monte Carlo forecast).</param>
/// <param name="MonteCarlo">The Monte Carlo forecast of the period's end, cut to the viewer like the report (null when not asked for).</param>
/// <param name="Waterfall">How the viewer's part of the quarter's open pipeline moved over the last 7 days.</param>
/// <param name="Accuracy">The company's forecast against actual for every kept week of every closed period (leadership's full view only; null for a part).</param>
/// <param name="WeeksKept">Weekly forecasts kept for the current period so far (the company's).</param>
public sealed record ForecastView(ForecastReport Report, int Journeys, double ElapsedMs, MonteCarloForecast? MonteCarlo = null, PipelineWaterfall? Waterfall = null,
    AccuracyReport? Accuracy = null, int WeeksKept = 0);

/// <summary>
/// Builds a workspace's forecast on request: reads every deal's state from the shards' record rows (one call per shard,
/// no journey called: <see cref="IJourneyShardGrain.DealStatesAsync"/>), judges each deal by its rep's optimism and the workspace's own average cycle (<see cref="DealJudgement"/>), learns the step weights
/// from the workspace's own closed deals (<see cref="WinModel"/>) and rolls the quarter up (<see cref="ForecastBook"/>).
/// Cost grows with the number of journeys (measured in the README); nothing is kept between requests.
/// </summary>
public sealed class ForecastService(IGrainFactory grains, TimeProvider time)
{
    /// <summary>Days the pipeline waterfall looks back: a week, the pipeline review's rhythm.</summary>
    public const int WaterfallDays = 7;

    /// <summary>The forecast cut to <paramref name="scope"/>, with the Monte Carlo forecast run by <paramref name="monteCarlo"/> (null: none).</summary>
    public async Task<Outcome<ForecastView>> ReportAsync(string workspace, FigureScope scope, MonteCarloParameters? monteCarlo = null)
    {
        if (monteCarlo?.Validate() is { } wrong) return new Refusal(RefusalKind.Invalid, "Invalid Monte Carlo parameters", wrong);
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        if (await grains.GetGrain<ISetupGrain>(workspace).GetAsync() is not { } current)
            return new Refusal(RefusalKind.NotFound, "No setup", $"workspace {workspace} has no setup yet: its organisation and targets are needed for a forecast");
        var clock = Stopwatch.StartNew();
        var setup = current.Document;
        // The workspace's own time: the simulated clock of its figures (wall time before any figures).
        var asOf = (await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync())?.AsOf ?? time.GetUtcNow();
        // The deals from the shards' record rows (the read model the journeys' changes keep): no journey is called or woken.
        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).DealStatesAsync()))).SelectMany(s => s).ToList();
        var optimism = setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps)
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Optimism, StringComparer.Ordinal);
        var judgement = DealJudgementParameters.Default.Learned(states);
        var deals = Deals(states, optimism, asOf, judgement);
        var period = new FiscalCalendar(setup.Company).QuarterOf(asOf);
        var calls = (await grains.GetGrain<IForecastCallsGrain>(workspace).GetAsync(period.Name)).ToDictionary(c => c.ScopeId, c => c.Amount, StringComparer.Ordinal);
        var model = WinModel.Learn(deals);
        var report = ForecastBook.Build(period, asOf, setup.Organisation, TargetPlan.For(setup, period), deals, model, calls, setup.Company.Name);
        var cut = ForecastBook.Cut(report, scope);
        var full = monteCarlo is null ? null : MonteCarloForecast.Build(report, deals, model, monteCarlo);
        var band = full?.CutTo(cut);
        var history = await KeepHistoryAsync(workspace, report, deals, model, full);
        // The week before, each deal as it stood then (amounts and CRM dates as now: no history of them is kept).
        var weekAgo = asOf.AddDays(-WaterfallDays);
        var before = states.Select(s => PipelineWaterfall.JudgeAt(s, s.RepId is { } rep ? optimism.GetValueOrDefault(rep) : 0, weekAgo, judgement)).OfType<Deal>();
        bool Mine(Deal d) => scope.Includes(d.RegionId, d.TeamId, d.RepId);
        var waterfall = PipelineWaterfall.Between(before.Where(Mine), deals.Where(Mine), period, weekAgo, asOf);
        return new ForecastView(cut, states.Count, clock.Elapsed.TotalMilliseconds, band, waterfall,
            scope.All ? ForecastAccuracy.Of(history.Weeks, history.Actuals) : null, history.Weeks.Count(w => w.Period == period.Name));
    }

    /// <summary>
    /// Keeps the company's forecast of this week when none is kept yet (the first read of the forecast in a week takes
    /// it, running the Monte Carlo forecast with its default parameters if the caller did not), and the actual of every
    /// period with kept weeks that has closed since (revenue won in it, from the deals).
    /// </summary>
    async Task<ForecastHistory> KeepHistoryAsync(string workspace, ForecastReport report, IReadOnlyList<Deal> deals, WinModel model, MonteCarloForecast? monteCarlo)
    {
        var keeper = grains.GetGrain<IForecastHistoryGrain>(workspace);
        var history = await keeper.GetAsync();
        if (ForecastWeeks.Due(history.Weeks, report.Period, report.AsOf))
        {
            var band = monteCarlo ?? MonteCarloForecast.Build(report, deals, model, MonteCarloParameters.Default);
            var p50 = band.Rows.FirstOrDefault(r => r.Level == ForecastLevel.Company)?.Revenue.P50;
            history = await keeper.KeepAsync(ForecastWeeks.From(report, deals, p50 is { } v ? Math.Round((decimal)v, 2) : null));
        }
        var closed = ForecastWeeks.ActualsDue(history.Weeks, history.Actuals, report.AsOf);
        if (closed.Count > 0)
            history = await keeper.CloseAsync(closed.Select(p => new PeriodActual(p.Name, p.Start, p.End, ForecastWeeks.Won(deals, p))).ToList());
        return history;
    }

    /// <summary>Every deal among <paramref name="states"/> as its rep judges it at <paramref name="asOf"/>.</summary>
    public static List<Deal> Deals(IEnumerable<JourneyState> states, IReadOnlyDictionary<string, double> optimism, DateTimeOffset asOf,
        DealJudgementParameters parameters) =>
        states.Select(s => DealJudgement.Judge(s, s.RepId is { } rep ? optimism.GetValueOrDefault(rep) : 0, asOf, parameters)).OfType<Deal>().ToList();

    /// <summary>
    /// Sets (null: clears) the manager's call of <paramref name="scopeId"/> (a team, a region or "company") for the
    /// current quarter. A manager may call their own team or region (or a team inside their region); leadership any.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ManagerCall>>> SetCallAsync(string workspace, FigureScope scope, string scopeId, decimal? amount, string by)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        if (await grains.GetGrain<ISetupGrain>(workspace).GetAsync() is not { } current)
            return new Refusal(RefusalKind.NotFound, "No setup", $"workspace {workspace} has no setup yet");
        var setup = current.Document;
        // Each callable id and the region it lies in (the company: none).
        var callable = new Dictionary<string, string?>(StringComparer.Ordinal) { ["company"] = null };
        foreach (var region in setup.Organisation.Regions)
        {
            callable.TryAdd(region.Id, region.Id);
            foreach (var team in region.Teams) callable.TryAdd(team.Id, region.Id);
        }
        if (!callable.TryGetValue(scopeId, out var regionOf))
            return new Refusal(RefusalKind.Invalid, "Unknown scope", $"scopeId '{scopeId}' must be a team, a region or \"company\" of workspace {workspace}");
        if (amount is < 0) return new Refusal(RefusalKind.Invalid, "Invalid call", $"amount must not be negative (was {amount})");
        if (!scope.All && !(regionOf is not null && (scope.Groups.Contains(scopeId) || scope.Groups.Contains(regionOf))))
            return Refusal.NotAllowed($"{scopeId} is outside your part of workspace {workspace}");
        var asOf = (await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync())?.AsOf ?? time.GetUtcNow();
        var period = new FiscalCalendar(setup.Company).QuarterOf(asOf);
        return new Outcome<IReadOnlyList<ManagerCall>>(
            await grains.GetGrain<IForecastCallsGrain>(workspace).SetAsync(period.Name, scopeId, amount, by, time.GetUtcNow()), null);
    }
}
