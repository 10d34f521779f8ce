using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Organisations;
using Growth.Grains.Errors;
using Growth.Grains.Journeys;
using Growth.Grains.Ledger;
using Growth.Grains.LiveFeed;
using Growth.Grains.Organisations;
using Growth.Grains.Runtime;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Figures;

/// <summary>
/// The second statistics tier: one per workspace. Every <see cref="LiveTimings.Refresh"/> (150 ms unless configured) it drains the shards' in-memory sums
/// (one call per shard, whatever the event rate), rebuilds the snapshot only if something changed, keeps the
/// history, the insight and the notable events, and publishes the snapshot to the live feed.
/// </summary>
public sealed partial class WorkspaceStatisticsGrain(
    [PersistentState("statistics", GrainStorage.Name)] IPersistentState<StatisticsRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    GrowthMetrics metrics,
    IMoneyLedger ledger,
    SiloStop stop,
    LiveTimings timings) : Grain, IWorkspaceStatisticsGrain, Backup.IStatisticsExportGrain
{
    /// <summary>Setup marks kept (the oldest go first).</summary>
    public const int SetupMarkLimit = 200;

    WorkspaceSnapshot? snapshot;
    bool dirty = true;
    long publishedVersion;
    // Machine-clock timestamp of the first change not yet published (0: none), for the snapshot lag metric.
    long changedAt;
    DateTimeOffset lastWrite;
    readonly List<NotableEvent> unpublished = [];
    // Names and targets of the workspace's groups: the workspace grain owns them and tells this grain when they change.
    Organisation organisation = new();

    string Workspace => this.GetPrimaryKeyString();
    StatisticsRecord S => record.State;
    /// <summary>The win/loss review and notable events, kept in the stored record.</summary>
    WinLossReview Review => new(S.RecentLosses, S.Notables);

    // The figures read from storage are up to a few seconds old (or this grain's silo went away): recount first.
    bool recount = true;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        organisation = await GrainFactory.GetGrain<IWorkspaceGrain>(Workspace).GetOrganisationAsync() ?? new Organisation();
        this.RegisterGrainTimer(RefreshTimerAsync, new GrainTimerCreationOptions(timings.Refresh, timings.Refresh) { Interleave = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!(S.Known) || !stop.WriteWorthwhile(reason)) return;
        // Kept for the next activation. At shutdown in-memory storage may already be gone (and dies with the
        // silo anyway); durable storage still takes the write.
        try { await record.WriteStateAsync(cancellationToken); }
        catch (Exception) when (reason.ReasonCode == DeactivationReasonCode.ShuttingDown) { }
    }

    public async Task SetOrganisationAsync(Organisation organisation)
    {
        this.organisation = organisation;
        S.Known = true;
        dirty = true;
        await record.WriteStateAsync();
    }

    public async Task SetSetupAsync(MoneyStyle money, int fiscalYearStartMonth, SetupMark? mark = null, string? timeZone = null)
    {
        S.Money = money;
        if (timeZone is not null) S.TimeZone = Growth.Domain.Setup.FiscalCalendar.FindTimeZone(timeZone) is null ? "UTC" : timeZone;
        S.FiscalYearStartMonth = fiscalYearStartMonth is >= 1 and <= 12 ? fiscalYearStartMonth : 1;
        if (mark is not null)
        {
            S.SetupMarks.Add(mark);
            if (S.SetupMarks.Count > SetupMarkLimit) S.SetupMarks.RemoveRange(0, S.SetupMarks.Count - SetupMarkLimit);
        }
        S.Known = true;
        dirty = true;
        await record.WriteStateAsync();
    }

    public async Task RecordStepAsync(DateTimeOffset asOf, IReadOnlyList<CampaignBatch> activity)
    {
        S.Known = true;
        S.AsOf = asOf;
        foreach (var a in activity)
            if (a.Touches != 0 || a.Spend != 0)
            {
                S.Figures.ApplyCampaignActivity(a.CampaignId, a.Touches, a.Spend);
                S.Activity.ApplyCampaignActivity(a.CampaignId, a.Touches, a.Spend);
            }
        dirty = true;
        // A simulation's history points are taken at fixed simulated instants with every shard drained,
        // so the same seed gives the same history however real time batched the steps.
        if (S.History.IsDue(asOf))
        {
            await DrainShardsAsync();
            RecordHistory(asOf);
        }
    }

    public Task SetClockAsync(ClockStatus clock)
    {
        // Points taken on real time before the simulated clock was known (a setup applied before the simulation was
        // created) would keep a simulation starting earlier from taking its daily points until it passed them.
        if (S.Clock is null && S.History.Points.RemoveAll(p => p.AsOf > clock.Start) > 0) S.HistoryVersion++;
        S.Clock = clock;
        S.Known = true;
        dirty = true;
        return Task.CompletedTask;
    }

    public Task<WorkspaceSnapshot?> GetSnapshotAsync() => Task.FromResult(CurrentSnapshot());

    public async Task<WorkspaceSnapshot?> RefreshAsync()
    {
        await DrainShardsAsync();
        return CurrentSnapshot();
    }

    public async Task PlaceInTimeAsync(EventTimeHistory history)
    {
        // Everything the import sent is in the figures before the history replaces the clock's.
        await DrainShardsAsync();
        S.Known = true;
        S.FromHistory = true;
        S.AsOf = history.Now;
        S.History = history.History;
        S.Baseline = history.Baseline;
        S.Insight = new InsightTracker();
        S.LastInsight = S.Insight.Evaluate(S.History, history.Now).Figures;
        S.PoolReturnsSeen = null;
        S.HistoryVersion++;
        dirty = true;
        await record.WriteStateAsync();
    }

    public async Task<StatisticsRecord> ExportAsync()
    {
        await DrainShardsAsync();
        return S;
    }

    public async Task DiscardAsync() { await ResetAsync(); DeactivateOnIdle(); }

    public Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<HistoryPoint>>(S.History.Points.ToList());

    public async Task ResetAsync()
    {
        await record.ClearStateAsync();
        record.State = new StatisticsRecord();
        snapshot = null;
        unpublished.Clear();
        dirty = true;
    }

    async Task RefreshTimerAsync(CancellationToken cancellationToken)
    {
        if (!S.Known || cancellationToken.IsCancellationRequested || stop.Stopping) return;
        await DrainShardsAsync();
        // Every new snapshot is published once, whoever caused it to be built.
        if (CurrentSnapshot() is { } current && current.Version != publishedVersion)
        {
            publishedVersion = current.Version;
            if (changedAt != 0) metrics.SnapshotLag.Record(System.Diagnostics.Stopwatch.GetElapsedTime(changedAt).TotalMilliseconds);
            changedAt = 0;
            GrainFactory.GetGrain<ILiveFeedNotifierGrain>(0).PublishAsync(new LiveUpdate(Workspace, current, unpublished.ToList())).Ignore();
            unpublished.Clear();
        }
        // Figures can be rebuilt from the journeys; persisting them now and then bounds what a crash costs.
        var now = time.GetUtcNow();
        if (now - lastWrite > TimeSpan.FromSeconds(5))
        {
            lastWrite = now;
            await record.WriteStateAsync(cancellationToken);
        }
    }

    IJourneyShardGrain Shard(int index) => GrainFactory.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, index));

    async Task DrainShardsAsync()
    {
        ShardDrain[] drained;
        try { drained = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).DrainAsync())); }
        catch
        {
            // Some shards may have handed over (and forgotten) sums that never arrived: only a recount is exact now.
            recount = true;
            throw;
        }
        if (recount || drained.Any(d => d.NeedsRecount))
        {
            // Remembered until a recount succeeds: a failed one may have cleared some shards' sums already.
            recount = true;
            await RecountAsync();
            // The drained sums are inside the recount; only the closed deals are still news.
            drained = [.. drained.Select(d => d with { Deltas = [] })];
        }
        foreach (var drain in drained)
        {
            foreach (var d in drain.Deltas) S.Figures.Apply(d);
            foreach (var o in drain.Outcomes.OrderBy(o => o.At))
                if (Review.Take(o, S.History, organisation) is { } notable) unpublished.Add(notable);
            if (drain.Deltas.Count > 0 || drain.Outcomes.Count > 0)
            {
                S.Known = true;
                dirty = true;
                if (changedAt == 0) changedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>
    /// Rebuilds the journey part of the figures from the journeys themselves (the sum of every journey's
    /// contribution, as at the first build) and adds the campaign activity back: after a silo was lost, sums that
    /// were in flight on it are not missed and none is counted twice.
    /// </summary>
    async Task RecountAsync()
    {
        var totals = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).RecountAsync()));
        var figures = new WorkspaceFigures();
        foreach (var delta in totals.SelectMany(t => t)) figures.Apply(delta);
        foreach (var (campaign, t) in S.Activity.Campaigns) figures.ApplyCampaignActivity(campaign, t[Count.Touches], t[Money.Spend]);
        S.Figures = figures;
        // Journeys that reached only a shard (ingested, applied) make a workspace known, as their deltas would.
        if (totals.Any(t => t.Count > 0)) S.Known = true;
        recount = false;
        dirty = true;
        if (changedAt == 0) changedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public async Task<LedgerCheck> CheckLedgerAsync(bool apply)
    {
        if (!ledger.Durable)
            throw new DomainException("there is no money ledger: it is kept only with durable storage (Storage:Kind=AzureTable)", DomainErrorKind.Conflict);
        if (!S.Known) throw new DomainException($"workspace {Workspace} has no figures", DomainErrorKind.NotFound);
        await DrainShardsAsync();
        var totals = new LedgerTotals();
        await foreach (var entry in ledger.ReadAsync(Workspace)) totals.Add(entry);
        // Compared after reading, with everything that arrived meanwhile drained too; exact when the workspace is quiet.
        await DrainShardsAsync();
        var live = MoneyFigures.Of(S.Figures.Total);
        var differences = totals.DifferencesFrom(S.Figures);
        if (apply && differences.Count > 0)
        {
            totals.ApplyTo(S.Figures);
            dirty = true;
            await record.WriteStateAsync();
        }
        return new LedgerCheck(Workspace, totals.Entries, totals.Total, live, differences, apply && differences.Count > 0);
    }

    void RecordHistory(DateTimeOffset asOf)
    {
        S.Baseline.Roll(asOf, S.Figures, S.FiscalYearStartMonth, S.TimeZone);
        S.History.Record(asOf, S.Figures);
        S.HistoryVersion++;
        var (figures, began) = S.Insight.Evaluate(S.History, asOf);
        S.LastInsight = figures;
        unpublished.AddRange(Review.TakeAnomalies(began, asOf));
        NoteBreaches(asOf);
        dirty = true;
    }

    WorkspaceSnapshot? CurrentSnapshot()
    {
        if (!S.Known) return null;
        if (!dirty && snapshot is not null) return snapshot;
        var asOf = S.AsOf ?? time.GetUtcNow();
        // A workspace without a simulated clock (live data) takes its history points on real time.
        if (S.Clock is null && S.History.IsDue(asOf)) RecordHistory(asOf);
        S.Version++;
        snapshot = SnapshotBuilder.Build(Workspace, asOf, S.Version, S.Figures, organisation, new SnapshotExtras
        {
            Baseline = S.Baseline,
            History = S.History,
            Insight = S.LastInsight,
            RecentLosses = Review.ShownRecentLosses,
            Notables = Review.ShownNotableEvents,
            HistoryVersion = S.HistoryVersion,
            Clock = S.Clock,
            FiscalYearStartMonth = S.FiscalYearStartMonth,
            TimeZone = S.TimeZone,
            SetupMarks = S.SetupMarks.ToList(),
            Money = S.Money,
            FromHistory = S.FromHistory,
        });
        dirty = false;
        return snapshot;
    }
}
