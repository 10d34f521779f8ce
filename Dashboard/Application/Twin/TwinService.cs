using Growth.Domain.Twin;
using Growth.Grains.Figures;
using Growth.Grains.Twin;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Twin;

/// <summary>What a twin is started with; everything omitted takes its default.</summary>
/// <param name="Paths">Monte Carlo runs, 50..1000 (200 if omitted).</param>
/// <param name="Days">Days simulated forward, 1..180 (91 if omitted).</param>
/// <param name="Seed">Seed of every draw (1 if omitted): the same state and seed give the same bands.</param>
public sealed record TwinStartRequest(int? Paths = null, int? Days = null, ulong? Seed = null);

/// <summary>A twin without its bands: when and how it started, its parameters and its start state.</summary>
public sealed record TwinSummary(int Version, DateTimeOffset StartedAt, string StartedBy, int Paths, int Days, ulong Seed,
    IReadOnlyList<TwinParameter> Parameters, IReadOnlyList<TwinTeam> Teams, IReadOnlyList<TwinChannel> Channels);

/// <summary>
/// The workspace against its twin: whether one was started, its summary, and the live counts since its start judged
/// against its ranges on the workspace's current day (null before the first whole day has passed).
/// </summary>
public sealed record TwinView(string Workspace, DateTimeOffset? AsOf, TwinSummary? Twin, TwinJudgement? Judgement);

/// <summary>Starts a workspace's twin from its current figures and judges the live workspace against it.</summary>
public sealed class TwinService(IGrainFactory grains)
{
    /// <summary>Fits, runs and keeps a twin of <paramref name="workspace"/> from its figures now.</summary>
    public async Task<Outcome<TwinView>> StartAsync(string workspace, TwinStartRequest? request, string by)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var run = new TwinRun(request?.Paths ?? TwinRun.DefaultPaths, request?.Days ?? TwinRun.DefaultDays, request?.Seed ?? 1);
        if (run.Validate() is { } error) return new Refusal(RefusalKind.Invalid, "The twin cannot run so", error);
        var statistics = grains.GetGrain<IWorkspaceStatisticsGrain>(workspace);
        if (await statistics.GetSnapshotAsync() is not { } now)
            return new Refusal(RefusalKind.Invalid, "No figures yet", $"workspace {workspace} has no figures yet: let it run or send events first");
        TwinRecord twin;
        try
        {
            twin = TwinRecord.Start(now, await statistics.GetHistoryAsync(), run, by);
        }
        catch (ArgumentException e)
        {
            return new Refusal(RefusalKind.Invalid, "The twin cannot start", e.Message.Split(" (Parameter")[0]);
        }
        return View(workspace, now, await grains.GetGrain<ITwinGrain>(workspace).SetAsync(twin));
    }

    /// <summary>The workspace's twin and the live workspace judged against it, or a view with no twin.</summary>
    public async Task<Outcome<TwinView>> GetAsync(string workspace)
    {
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var now = await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync();
        var twin = await grains.GetGrain<ITwinGrain>(workspace).GetAsync();
        return twin is null ? new TwinView(workspace, now?.AsOf, null, null) : View(workspace, now, twin);
    }

    static TwinView View(string workspace, Domain.Figures.WorkspaceSnapshot? now, TwinRecord twin) =>
        new(workspace, now?.AsOf,
            new TwinSummary(twin.Version, twin.StartedAt, twin.StartedBy, twin.Run.Paths, twin.Run.Days, twin.Run.Seed, twin.Model.Parameters, twin.Model.Teams, twin.Model.Channels),
            now is null ? null : twin.Judge(now));
}
