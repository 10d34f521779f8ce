using Growth.Grains.Contracts;
using Growth.Grains.Hosting;
using Growth.Grains.Model;

namespace Growth.Grains.Actors;

[GenerateSerializer]
public sealed class StatisticsRecord
{
    [Id(0)] public bool Known { get; set; }
    [Id(1)] public WorkspaceFigures Figures { get; set; } = new();
    [Id(2)] public Organisation Organisation { get; set; } = new();
    [Id(3)] public DateTimeOffset? AsOf { get; set; }
    [Id(4)] public long Version { get; set; }
}

/// <summary>
/// The second statistics tier: one per workspace. A few times a second it drains the shards' in-memory sums
/// (one call per shard, whatever the event rate) and rebuilds the snapshot only if something changed.
/// </summary>
public sealed class WorkspaceStatisticsGrain(
    [PersistentState("statistics", GrowthSilo.StorageName)] IPersistentState<StatisticsRecord> record,
    TimeProvider time) : Grain, IWorkspaceStatisticsGrain
{
    /// <summary>How often the shards are drained and the snapshot rebuilt.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(250);

    WorkspaceSnapshot? snapshot;
    bool dirty = true;
    DateTimeOffset lastWrite;

    string Workspace => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(RefreshTimerAsync, new GrainTimerCreationOptions(RefreshPeriod, RefreshPeriod) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // On shutdown the storage may already be gone (and in-memory storage dies with the silo anyway).
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown && record.State.Known) await record.WriteStateAsync(cancellationToken);
    }

    public async Task SetOrganisationAsync(Organisation organisation)
    {
        record.State.Organisation = organisation;
        record.State.Known = true;
        dirty = true;
        await record.WriteStateAsync();
    }

    public Task RecordStepAsync(DateTimeOffset asOf, IReadOnlyList<CampaignBatch> activity)
    {
        record.State.Known = true;
        record.State.AsOf = asOf;
        foreach (var a in activity)
            if (a.Touches != 0 || a.Spend != 0) record.State.Figures.ApplyCampaignActivity(a.CampaignId, a.Touches, a.Spend);
        dirty = true;
        return Task.CompletedTask;
    }

    public Task<WorkspaceSnapshot?> GetSnapshotAsync() => Task.FromResult(CurrentSnapshot());

    public async Task<WorkspaceSnapshot?> RefreshAsync()
    {
        await DrainShardsAsync();
        return CurrentSnapshot();
    }

    public async Task ResetAsync()
    {
        await record.ClearStateAsync();
        record.State = new StatisticsRecord();
        snapshot = null;
        dirty = true;
    }

    async Task RefreshTimerAsync(CancellationToken cancellationToken)
    {
        if (!record.State.Known) return;
        await DrainShardsAsync();
        CurrentSnapshot();
        // Figures can be rebuilt from the journeys; persisting them now and then bounds what a crash costs.
        var now = time.GetUtcNow();
        if (now - lastWrite > TimeSpan.FromSeconds(5))
        {
            lastWrite = now;
            await record.WriteStateAsync(cancellationToken);
        }
    }

    async Task DrainShardsAsync()
    {
        var drained = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => GrainFactory.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, i)).DrainAsync()));
        foreach (var deltas in drained)
        foreach (var d in deltas)
        {
            record.State.Figures.Apply(d);
            record.State.Known = true;
            dirty = true;
        }
    }

    WorkspaceSnapshot? CurrentSnapshot()
    {
        var s = record.State;
        if (!s.Known) return null;
        if (dirty || snapshot is null)
        {
            s.Version++;
            snapshot = SnapshotBuilder.Build(Workspace, s.AsOf ?? time.GetUtcNow(), s.Version, s.Figures, s.Organisation);
            dirty = false;
        }
        return snapshot;
    }
}
