using Growth.Domain.Progress;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Projection;
using Growth.Grains.Setup;

namespace Growth.Dashboard.Application.Projection;

/// <summary>
/// Goal seek for the API and the What-if page (<see cref="GoalSeek"/>): the highest target for the fiscal quarter the
/// workspace is in that is reached with a chosen chance, and the campaign budget change that reaches a given target
/// with it. Starts from the workspace as it stands (as a projection does) and counts what the quarter has booked.
/// </summary>
/// <param name="cores">The embedded silo's shared cores (absent when this host is a cluster client: then the thread pool).</param>
/// <param name="funnels">Measured funnels kept between asks (the plan lever's per-rep paths run on one).</param>
public sealed class GoalSeekService(IGrainFactory grains, ProjectionService projections, ProjectionCores? cores = null, FunnelStore? funnels = null)
{
    /// <summary>Paths per projection unless asked: goal seek runs a dozen projections for a budget answer.</summary>
    public const int DefaultPaths = 1000;

    /// <summary>
    /// Goal seek for <paramref name="period"/> (null: the fiscal quarter the workspace is in; a name must be that
    /// quarter's) with <paramref name="probability"/> (strictly between 0 and 1), and, with a <paramref name="target"/>,
    /// the budget answer; with <paramref name="lever"/> <c>commission</c> or <c>accelerator</c> the plan answer instead
    /// (<see cref="PlanGoalSeek"/>: the multiplier on the current plans' rates that reaches it).
    /// </summary>
    public async Task<Outcome<GoalSeekResult>> SeekAsync(string workspace, double probability, decimal? target = null, string? period = null,
        int? paths = null, ulong? seed = null, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, string? lever = null)
    {
        PlanLever? planLever = null;
        switch (lever?.Trim().ToLowerInvariant())
        {
            case null or "" or "budget": break;
            case "commission": planLever = PlanLever.Commission; break;
            case "accelerator": planLever = PlanLever.Accelerator; break;
            default: return new Refusal(RefusalKind.Invalid, "Invalid lever", $"lever must be budget, commission or accelerator (was '{lever}')");
        }
        if (planLever is not null && target is null)
            return new Refusal(RefusalKind.Invalid, "Invalid goal seek", "target: the commission and accelerator levers need a target");
        if (paths is < 100 or > 20_000) return new Refusal(RefusalKind.Invalid, "Invalid paths", $"paths must be between 100 and 20000 (was {paths})");
        ProjectionRequest projection;
        try
        {
            // Where the workspace stands, looked up as every projection does (a calibrated simulation's own parameters).
            projection = await projections.RequestAsync(workspace, new ProjectionBody(Paths: paths ?? DefaultPaths, Seed: seed ?? 1));
        }
        catch (DomainException e)
        {
            return e.Kind == DomainErrorKind.NotFound ? Refusal.UnknownWorkspace(workspace) : new Refusal(RefusalKind.Invalid, "Nothing to project", e.Message);
        }
        var snapshot = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync();
        if (snapshot is null) return Refusal.UnknownWorkspace(workspace);
        var setup = (await grains.GetGrain<ISetupGrain>(workspace).GetAsync())?.Document ?? new SetupDocument();
        var calendar = new FiscalCalendar(setup.Company);
        var quarter = calendar.QuarterOf(projection.Start);
        if (!string.IsNullOrWhiteSpace(period) && period.Trim() != quarter.Name)
            return new Refusal(RefusalKind.Invalid, "Unknown period", calendar.Find(period.Trim()) is null
                ? $"period: unknown fiscal period '{period}' (goal seek covers the quarter the workspace is in: {quarter.Name})"
                : $"period: goal seek covers the quarter the workspace is in ({quarter.Name}), not {period}");

        var request = new GoalSeekRequest
        {
            Base = projection,
            Period = quarter.Name,
            End = quarter.End,
            Booked = Math.Max(0, snapshot.Period?.Revenue ?? 0),
            Probability = probability,
            Target = target,
        };
        if (request.Validate() is { } error) return new Refusal(RefusalKind.Invalid, "Invalid goal seek", error);
        try
        {
            var options = cores?.OptionsFor(cancellationToken) ?? new ParallelOptions { CancellationToken = cancellationToken };
            // Paths of every projection the seek may run; the bisection often stops earlier, then the count jumps to the end.
            var runs = planLever is null ? GoalSeek.MostProjections(target is not null) : 1 + PlanGoalSeek.MostRuns + 1;
            var counter = new ProgressCounter(ProgressUnit.Paths, (long)request.Base.Paths * runs, progress);
            counter.Begin();
            GoalSeekResult result;
            if (planLever is { } planned)
            {
                // Each rep's plan in force when the projection starts (flat 8 % where the setup has none), as the plan comparison's current option.
                var day = calendar.LocalDate(projection.Start);
                var teams = projection.Organisation.Teams.ToDictionary(t => t.Id);
                var current = projection.Organisation.Reps.ToDictionary(r => r.Id,
                    r => Growth.Domain.Compensation.PlanBook.For(setup.Compensation, r.Id, r.TeamId, teams.GetValueOrDefault(r.TeamId)?.RegionId, r.Role, day));
                var shares = PlanComparisonService.ProductShares(setup, projection);
                result = await Task.Run(() =>
                {
                    var highest = GoalSeek.Run(request with { Target = null }, options, n => counter.Add(n));
                    return highest with { Plan = PlanGoalSeek.Seek(request, planned, current, shares, options, funnels, n => counter.Add(n)) };
                }, cancellationToken);
            }
            else result = await Task.Run(() => GoalSeek.Run(request, options, n => counter.Add(n)), cancellationToken);
            counter.Add(Math.Max(0, counter.Total - counter.Done));
            return result;
        }
        catch (ArgumentException e) { return new Refusal(RefusalKind.Invalid, "Invalid goal seek", e.Message); }
    }
}
