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
public sealed class GoalSeekService(IGrainFactory grains, ProjectionService projections, ProjectionCores? cores = null)
{
    /// <summary>Paths per projection unless asked: goal seek runs a dozen projections for a budget answer.</summary>
    public const int DefaultPaths = 1000;

    /// <summary>
    /// Goal seek for <paramref name="period"/> (null: the fiscal quarter the workspace is in; a name must be that
    /// quarter's) with <paramref name="probability"/> (strictly between 0 and 1), and, with a <paramref name="target"/>,
    /// the budget answer.
    /// </summary>
    public async Task<Outcome<GoalSeekResult>> SeekAsync(string workspace, double probability, decimal? target = null, string? period = null,
        int? paths = null, ulong? seed = null, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
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
            var counter = new ProgressCounter(ProgressUnit.Paths, (long)request.Base.Paths * GoalSeek.MostProjections(target is not null), progress);
            counter.Begin();
            var result = await Task.Run(() => GoalSeek.Run(request, options, n => counter.Add(n)), cancellationToken);
            counter.Add(Math.Max(0, counter.Total - counter.Done));
            return result;
        }
        catch (ArgumentException e) { return new Refusal(RefusalKind.Invalid, "Invalid goal seek", e.Message); }
    }
}
