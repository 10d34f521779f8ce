using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Grains.Ledger;
using Growth.Grains.Organisations;
using Growth.Grains.Runtime;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Growth.Grains.Journeys;

/// <summary>
/// Schedules the due journeys of its slice of a workspace (no timer per journey; a journey with nothing due within
/// the dormancy horizon leaves memory and is woken by the call that needs it) and sums their figure changes in plain
/// memory: the first statistics tier.
/// </summary>
public sealed partial class JourneyShardGrain(
    [PersistentState("shard", GrainStorage.Name)] IPersistentState<ShardRecord> record,
    GrowthMetrics metrics,
    [FromKeyedServices(GrainStorage.Name)] IGrainStorage grainStorage,
    IMoneyLedger ledger,
    StorageDurability storage,
    SiloStop stop,
    ILogger<JourneyShardGrain> logger) : Grain, IJourneyShardGrain, Backup.IShardDiscardGrain
{
    readonly PriorityQueue<string, DateTimeOffset> due = new();
    readonly Dictionary<GroupKey, Tally> pending = [];
    readonly Queue<DealOutcome> outcomes = new();

    /// <summary>Closed deals kept between drains; older ones are dropped (the figures still count them).</summary>
    const int OutcomeLimit = 200;

    // True while the sums handed to the statistics cannot be trusted: after an activation that found journeys (the
    // previous activation's undrained sums died with it) or after a journey call failed midway.
    bool needsRecount;

    string Workspace => Keys.Split(this.GetPrimaryKeyString()).Workspace;
    int Index => int.Parse(Keys.Split(this.GetPrimaryKeyString()).Id.AsSpan("shard-".Length), System.Globalization.CultureInfo.InvariantCulture);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        foreach (var (id, entry) in Entries)
            if (entry.NextDue is { } when) due.Enqueue(id, when);
        metrics.Scheduled(ScheduledCount());
        needsRecount = Entries.Count > 0 || archive.Count > 0;
        rowsIncomplete = ordersIncomplete = Entries.Count > 0;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Scheduled(-ScheduledCount());
        if (!(Entries.Count > 0 || archive.Count > 0) || !stop.WriteWorthwhile(reason)) return;
        // Kept for the next activation. At shutdown in-memory storage may already be gone (and dies with the
        // silo anyway); durable storage still takes the write.
        try { await SaveAsync(); }
        catch (Exception) when (reason.ReasonCode == DeactivationReasonCode.ShuttingDown) { }
    }

    public async Task<ShardStepResult> StartAsync(IReadOnlyList<JourneyStart> starts, ParametersRef parameters, DateTimeOffset until)
    {
        stop.ThrowIfStopping();
        var steps = await Guarded(Task.WhenAll(starts.Select(s => Journey(s.JourneyId).StartAsync(s, parameters, until))));
        return Collect(starts.Select((s, i) => (s.JourneyId, steps[i])));
    }

    public async Task<ShardStepResult> AdvanceAsync(ParametersRef parameters, DateTimeOffset until)
    {
        stop.ThrowIfStopping();
        simulatedRetention = parameters.Value.Rules.ArchiveClosedAfterDays;
        await ArchiveDueAsync(simulatedRetention.Value, until);
        var dueIds = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (due.TryPeek(out var id, out var at) && at <= until)
        {
            due.Dequeue();
            // Lazy deletion: skip entries superseded by a later reschedule, and a journey queued more than once for the
            // same time (every step that leaves its next due time as it was queues it again: a handover, an ingest, a
            // retried step). Called twice at once, a journey that goes dormant after the first call gets the second
            // forwarded to a new activation, and a third is refused by Orleans ("Forwarding failed").
            if (Entries.TryGetValue(id, out var current) && current.NextDue == at && taken.Add(id)) dueIds.Add(id);
        }
        if (dueIds.Count == 0) return new ShardStepResult([], [], 0, 0);
        JourneyStepResult[] steps;
        try { steps = await Guarded(Task.WhenAll(dueIds.Select(id => Journey(id).AdvanceAsync(parameters, until)))); }
        catch
        {
            // Due again: the step will be repeated; journeys that did move answer with nothing new.
            foreach (var id in dueIds)
                if (Entries.TryGetValue(id, out var entry) && entry.NextDue is { } when) due.Enqueue(id, when);
            throw;
        }
        return Collect(dueIds.Select((id, i) => (id, steps[i])));
    }

    public async Task<ApplyResult> ApplyAsync(string journeyId, IReadOnlyList<JourneyEvent> events)
    {
        if (archive.TryGet(journeyId, out var mark))
            return new ApplyResult(false, Archiving.Refusal(journeyId, mark.At), new JourneyState { Id = journeyId });
        var (result, step) = await Guarded(Journey(journeyId).ApplyAsync(events));
        if (result.Accepted)
        {
            Collect([(journeyId, step)]);
            if (joinedUnsaved) await FlushAsync();
            Ingested(events, null);
            await ArchiveAfterIngestAsync();
        }
        return result;
    }

    public async Task<IReadOnlyList<IReadOnlyList<EventOutcome>>> IngestAsync(IReadOnlyList<JourneyBatch> batches)
    {
        if (archive.Count > 0 && batches.Any(b => archive.TryGet(b.JourneyId, out _))) return await IngestBesideArchivedAsync(batches);
        var results = await Guarded(Task.WhenAll(batches.Select(b => Journey(b.JourneyId).IngestAsync(b.Events))));
        metrics.IngestedEvents.Add(results.Sum(r => r.Outcomes.Count(o => o.Result == EventResult.Accepted)));
        var taken = new List<(string JourneyId, JourneyStepResult Step)>(batches.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            var (id, outcomes) = (batches[i].JourneyId, results[i].Outcomes);
            var accepted = outcomes.Any(o => o.Result == EventResult.Accepted);
            if (accepted) Ingested(batches[i].Events, outcomes);
            var known = Entries.ContainsKey(id);
            // Only journeys that took an event join the shard: a batch of nothing but refusals creates no journey.
            // One the shard does not know whose events all come back duplicate was applied by an attempt whose
            // answer (and sums) died with a silo: it joins now, and its figures come back by a recount.
            if (!accepted && (known || !outcomes.Any(o => o.Result == EventResult.Duplicate))) continue;
            if (!known && !accepted) needsRecount = true;
            taken.Add((id, results[i].Step));
        }
        Collect(taken);
        // A journey acknowledged to a sender is one the shard will find again after a crash (and one whose first
        // acknowledgement failed on the flush is written by the retry's).
        if (joinedUnsaved) await FlushAsync();
        // The retention rule at event time (after the acknowledgement is safe: a failed pass does not fail the ingest).
        await ArchiveAfterIngestAsync();
        return results.Select(r => r.Outcomes).ToList();
    }

    public Task<ShardDrain> DrainAsync()
    {
        var drained = new ShardDrain(
            pending.Where(p => !p.Value.IsZero).Select(p => new TallyDelta(p.Key, p.Value)).ToList(),
            outcomes.ToList(),
            needsRecount);
        pending.Clear();
        outcomes.Clear();
        return Task.FromResult(drained);
    }

    public async Task ResetAsync()
    {
        await Task.WhenAll(Entries.Keys.Select(id => Journey(id).ClearAsync()));
        await ledger.DeleteShardAsync(Workspace, Index);
        metrics.Scheduled(-ScheduledCount());
        Entries.Clear();
        due.Clear();
        pending.Clear();
        outcomes.Clear();
        rows.Clear();
        orderBook.Clear();
        needsRecount = rowsIncomplete = ordersIncomplete = false;
        await ForgetPagesAsync();
    }

    public async Task DiscardAsync() { await ResetAsync(); DeactivateOnIdle(); }

    public async Task<IReadOnlyList<TallyDelta>> RecountAsync()
    {
        // Dormant journeys too (woken to answer, back to sleep after): the totals are over every journey, the archived
        // ones' from what they added when they were archived.
        var views = await Task.WhenAll(Entries.Keys.Select(id => Journey(id).GetAsync()));
        var totals = archivedTotals.Deltas().ToDictionary(d => d.Key, d => d.Change);
        foreach (var view in views)
        {
            if (view is null) continue;
            var key = GroupKey.Of(view.State);
            if (!totals.TryGetValue(key, out var sum)) totals[key] = sum = new Tally();
            sum.Add(Tally.Of(view.State));
        }
        // Non-reentrant: no step ran while the states were read, so nothing pending is missing from the totals.
        pending.Clear();
        needsRecount = false;
        return totals.Select(t => new TallyDelta(t.Key, t.Value)).ToList();
    }

    public async Task FlushAsync()
    {
        // In-memory storage dies with the silo: writing it on every change would buy nothing.
        if (!storage.Durable) return;
        try { await SaveAsync(); }
        catch (Exception e)
        {
            // The list is in pages, so its size is no cause: the storage failed. The caller hears of it (an ingest is
            // not acknowledged, the simulation does not save its clock past the journeys); the changed pages stay
            // changed and the next flush writes them.
            logger.LogWarning(e, "Shard {Shard} could not save its list of {Journeys} journeys", this.GetPrimaryKeyString(), Entries.Count);
            throw;
        }
    }

    /// <summary>A failed journey call leaves the sums unknown (some journeys may have moved): recount at the next drain.</summary>
    async Task<T> Guarded<T>(Task<T> call)
    {
        try { return await call; }
        catch
        {
            needsRecount = true;
            throw;
        }
    }

    public async Task<int> ReassignAsync(IReadOnlyList<JourneyHandover> handovers, IReadOnlyList<string> fromReps, DateTimeOffset at, string? reason = null)
    {
        var steps = await Guarded(Task.WhenAll(handovers.Select(h => Journey(h.JourneyId).ReassignAsync(h.Rep, fromReps, at, reason))));
        Collect(handovers.Select((h, i) => (h.JourneyId, steps[i])));
        return steps.Count(s => s.Events > 0);
    }

    public async Task<ShardStepResult> TakeFromPoolAsync(IReadOnlyList<JourneyHandover> handovers, ParametersRef parameters, DateTimeOffset until)
    {
        var steps = await Guarded(Task.WhenAll(handovers.Select(h => Journey(h.JourneyId).TakeFromPoolAsync(h.Rep, parameters, until))));
        return Collect(handovers.Select((h, i) => (h.JourneyId, steps[i])));
    }

    IJourneyGrain Journey(string id) => GrainFactory.GetGrain<IJourneyGrain>(Keys.Of(Workspace, id));

    long ScheduledCount() => Entries.Values.Count(v => v.NextDue is not null);

    ShardStepResult Collect(IEnumerable<(string JourneyId, JourneyStepResult Step)> results)
    {
        var referrals = new List<ReferralLead>();
        var releases = new List<RepRelease>();
        var returned = new List<PoolReturn>();
        var won = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var customers = new Dictionary<string, long>(StringComparer.Ordinal);
        var revenue = 0m;
        var events = 0;
        var count = 0;
        foreach (var (id, step) in results)
        {
            count++;
            events += step.Events;
            foreach (var d in step.Deltas)
            {
                if (!pending.TryGetValue(d.Key, out var sum)) pending[d.Key] = sum = new Tally();
                sum.Add(d.Change);
                if (d.Key.RepId is { } rep && d.Change[Money.WonValue] is var value and not 0) won[rep] = won.GetValueOrDefault(rep) + value;
                revenue += d.Change[Money.Revenue];
                if (d.Key.RegionId is { } region && d.Change[Count.Customers] - d.Change[Count.Churned] is var joined and not 0)
                    customers[region] = customers.GetValueOrDefault(region) + joined;
            }
            referrals.AddRange(step.Referrals);
            if (step.Release is { } r) releases.Add(r);
            if (step.Returned is { } back) returned.Add(back);
            if (step.Outcome is { } o)
            {
                outcomes.Enqueue(o);
                if (outcomes.Count > OutcomeLimit) outcomes.Dequeue();
            }
            var known = Entries.TryGetValue(id, out var previous);
            var wasScheduled = known && previous.NextDue is not null;
            if (wasScheduled != step.NextDue is not null) metrics.Scheduled(wasScheduled ? -1 : 1);
            var entry = ShardEntry.Of(step.NextDue, step.Dormant);
            Kept(id, entry, known ? previous : null);
            if (step.Record is { } row)
            {
                Keep(row);
                if (step.NextDue is null) Closing(id, row);
            }
            if (step.Orders is { } booked) orderBook.Keep(SharedId(id), booked);
            if (step.NextDue is { } next) due.Enqueue(id, next);
        }
        metrics.JourneyEvents.Add(events);
        // Deterministic order whatever order the journeys answered in.
        referrals.Sort((a, b) => string.CompareOrdinal(a.LeadId, b.LeadId));
        returned.Sort((a, b) => string.CompareOrdinal(a.JourneyId, b.JourneyId));
        return new ShardStepResult(referrals, releases, events, count, returned, won, customers, revenue);
    }
}
