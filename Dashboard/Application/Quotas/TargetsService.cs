using Growth.Dashboard.Application.Workspaces;
using Growth.Dashboard.Application.Setup;
using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Quotas;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Quotas;

/// <summary>
/// Quotas suggested from capacity and from history for a workspace's fiscal period (<see cref="CapacityTargets"/>),
/// from its setup in force, its won deals (read from the journey shards, as payouts are) and its simulated time;
/// and adopting them as the reps' quarterly quotas in a new setup version (validated like any other change).
/// </summary>
public sealed class TargetsService(IGrainFactory grains, SetupService setups, TimeProvider time)
{
    /// <summary>The bases a suggestion can be adopted from.</summary>
    public static readonly IReadOnlyList<string> Bases = ["capacity", "history"];

    /// <summary>The suggestions for <paramref name="period"/> (a fiscal period name; null: the quarter the workspace's time is in).</summary>
    public async Task<Outcome<SuggestedTargets>> SuggestAsync(string workspace, string? period)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        var calendar = new FiscalCalendar(setup.Company);
        var snapshot = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync();
        var asOf = snapshot?.AsOf ?? time.GetUtcNow();
        FiscalPeriod asked;
        if (string.IsNullOrWhiteSpace(period)) asked = calendar.QuarterOf(asOf);
        else if (calendar.Find(period.Trim()) is { } found) asked = found;
        else return UnknownPeriod(period);

        // Revenue as the Sales page counts it, from the workspace's history (a point a day): the window and last period.
        var history = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetHistoryAsync();
        var observedFrom = history.Count > 0 ? history[0].AsOf : asOf;
        decimal RevenueAt(DateTimeOffset at) => history.LastOrDefault(p => p.AsOf <= at)?.Revenue.Total ?? 0;
        var revenueNow = snapshot?.Revenue.Total ?? RevenueAt(asOf);
        var parameters = await grains.GetGrain<ISimulationGrain>(workspace).GetParametersAsync() ?? BehaviourParameters.Default;
        var assumptions = CapacityAssumptions.Of(parameters);
        var from = Productivity.WindowStart(observedFrom, asOf);
        var productivity = Productivity.Learn(setup, revenueNow - RevenueAt(from), from, asOf, assumptions);
        // Last period counts only when the history covers it whole; its revenue is split among reps by what each won in it.
        var previous = calendar.Previous(asked);
        Dictionary<string, decimal>? last = null;
        if (previous is not null && previous.Start >= observedFrom && previous.End <= asOf)
            last = Productivity.LastPeriodByRep(setup, await WinsAsync(workspace, setup), previous, RevenueAt(previous.End) - RevenueAt(previous.Start));
        return CapacityTargets.Suggest(setup, asked, productivity, assumptions, last, previous?.Name);
    }

    /// <summary>
    /// Sets every rep's quarterly quota to the suggestion for <paramref name="period"/> (a quarter; null: the current
    /// one) from <paramref name="basis"/> ("capacity", or "history" where a rep has one), as a new setup version.
    /// </summary>
    public async Task<Outcome<SetupVersionInfo>> AdoptAsync(string workspace, string? period, string? basis, string by)
    {
        var fromHistory = (basis ?? "capacity").Trim().ToLowerInvariant() switch
        {
            "capacity" => false,
            "history" => true,
            _ => (bool?)null,
        };
        if (fromHistory is null)
            return new Refusal(RefusalKind.Invalid, "Unknown basis", $"basis: unknown basis '{basis}' (use {string.Join(" or ", Bases)})");
        // The version the suggestion is computed on: a change in between makes the adoption a 409, not a silent overwrite.
        var current = await grains.GetGrain<ISetupGrain>(workspace).GetAsync();
        var suggested = await SuggestAsync(workspace, period);
        if (suggested.Refusal is { } refused) return refused;
        var s = suggested.Value!;
        if (fromHistory.Value && s.HistoryPeriod is null)
            return new Refusal(RefusalKind.Invalid, "No history", $"basis: the workspace's history does not cover the period before {s.Period.Name}, so there is no suggestion from history to adopt");
        SetupDocument adopted;
        try { adopted = CapacityTargets.Adopt(current?.Document ?? new SetupDocument(), s, fromHistory.Value); }
        catch (ArgumentException e) { return new Refusal(RefusalKind.Invalid, "Not a quarter", e.Message); }
        return await setups.ApplyAsync(workspace, adopted, by, $"Quotas from {(fromHistory.Value ? "history" : "capacity")} for {s.Period.Name}", current?.Version);
    }

    async Task<IReadOnlyList<Credit>> WinsAsync(string workspace, SetupDocument setup)
    {
        // Archived won journeys too: quotas from history count every win, however long ago its customer churned.
        var states = await WorkspaceJourneys.WithArchivedWinsAsync(grains, workspace);
        return PayoutSources.From(states, null, setup.Catalogue).Wins;
    }

    static Refusal UnknownPeriod(string period) => new(RefusalKind.Invalid, "Unknown period",
        $"period: unknown fiscal period '{period}' (use FY2027, FY2027-Q1..Q4, FY2027-M01..M12 or a period named in the setup)");
}
