using System.Diagnostics;
using Growth.Domain.Access;
using Growth.Domain.Grades;
using Growth.Domain.Periods;
using Growth.Domain.Setup;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Grades;

/// <summary>The intent grades as served: the figures, the period they count (its leads created from, up to), as of when, and what it cost.</summary>
/// <param name="Period">The period's URL value ("quarter", "last-30", …).</param>
/// <param name="From">The period's start: leads created at or after it count.</param>
/// <param name="To">The period's end (its last day's end, or now): leads created before it count.</param>
/// <param name="AsOf">The simulated now (or the host's clock when nothing is simulated) the period is placed at.</param>
/// <param name="ElapsedMs">Milliseconds from asking the shards to the merged figures.</param>
public sealed record IntentGradeAnswer(string Workspace, string Period, DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf,
    GradeSlice Grades, double ElapsedMs);

/// <summary>
/// The intent-grade mix and conversion by grade: asks every shard for its cut of the rows it keeps
/// (<see cref="IJourneyShardGrain.GradesAsync"/>, one call per shard, in parallel, no journey called) and merges them
/// (<see cref="IntentGradeView"/>). The period is placed on the company's calendar (its setup's fiscal year and time
/// zone) at the workspace's now. Cut to the viewer's part: a rep sees their own leads, a manager their team or region.
/// </summary>
public sealed class IntentGradeService(IGrainFactory grains, IServiceProvider services)
{
    readonly TimeProvider clock = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    /// <summary>The figures for the period written as in a URL (<see cref="PeriodChoice"/>; none: the fiscal quarter to date).</summary>
    public async Task<Outcome<IntentGradeAnswer>> GradesAsync(string workspace, FigureScope scope, string? period)
    {
        if (!PeriodChoice.TryParse(period, "none", out var choice, out var error))
            return new Refusal(RefusalKind.Invalid, "Invalid period", error!);
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var now = (await grains.GetGrain<ISimulationGrain>(workspace).GetStatusAsync()).SimulatedNow ?? clock.GetUtcNow();
        var setup = await grains.GetGrain<ISetupGrain>(workspace).GetAsync();
        PeriodRange range;
        try { range = PeriodPlacement.Place(choice, new FiscalCalendar(setup?.Document.Company ?? new CompanySetup()), now).Current; }
        catch (PeriodException e) { return new Refusal(RefusalKind.Invalid, "Invalid period", e.Message); }
        var watch = Stopwatch.StartNew();
        var slices = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).GradesAsync(scope, range.Start, range.End)));
        var grades = IntentGradeView.Merge(slices);
        return new IntentGradeAnswer(workspace, choice.PeriodValue, range.Start, range.End, now, grades, watch.Elapsed.TotalMilliseconds);
    }
}
