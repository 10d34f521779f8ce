using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Orders;
using Growth.Domain.Privacy;
using Growth.Domain.Simulation;
using Growth.Grains.Errors;
using Growth.Grains.Ledger;
using Growth.Grains.Organisations;
using Growth.Grains.Runtime;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Journeys;

/// <summary>Persisted state of one journey: the domain state, the simulator's agenda, and a bounded history.</summary>
[GenerateSerializer]
public sealed class JourneyRecord
{
    [Id(0)] public JourneyState State { get; set; } = new();
    [Id(1)] public JourneyPlan? Plan { get; set; }
    [Id(2)] public List<JourneyEvent> Recent { get; set; } = [];
    /// <summary>Ingested events still re-orderable, in time order (see <see cref="EventWindow"/>).</summary>
    [Id(3)] public List<JourneyEvent> Window { get; set; } = [];
    /// <summary>The state before <see cref="Window"/>; null while the window is empty.</summary>
    [Id(4)] public JourneyState? WindowBase { get; set; }
    /// <summary>Ids of applied events no longer in the window, remembered so a retry is applied once (bounded).</summary>
    [Id(5)] public List<string> SettledIds { get; set; } = [];
    /// <summary>The customer's personal data was erased on request (see <see cref="CustomerErasure"/>); null: never.</summary>
    [Id(6)] public ErasureMark? Erased { get; set; }
    /// <summary>
    /// Every order the journey booked (the revenue line's drill-down, <see cref="OrderLine"/>); null: none yet, or stored
    /// before the list was kept (then recovered from <see cref="Recent"/> where that is exact, <see cref="OrderLine.Recovered"/>).
    /// </summary>
    [Id(185)] public List<OrderLine>? Orders { get; set; }
}

/// <summary>
/// One customer journey. Thin: the planner and the transition rules (Model) do the work; this grain keeps the
/// state, reports the change in figures, and never runs a timer of its own (its shard calls it when it is due).
/// </summary>
public sealed partial class JourneyGrain(
    [PersistentState("journey", GrainStorage.Name)] IPersistentState<JourneyRecord> record,
    IMoneyLedger ledger,
    StorageDurability storage,
    Dormancy dormancy,
    SiloStop stop) : Grain, IJourneyGrain, Backup.IJourneyExportGrain
{
    /// <summary>Most recent events kept with the journey (older history is not kept in memory).</summary>
    public const int RecentLimit = 40;

    string Key => this.GetPrimaryKeyString();

    // In-memory storage only: the state changed since it was last written (see CommitAsync).
    bool unwritten;
    // A call other than a read reached this activation; one woken only to be read goes back to sleep (see GetAsync).
    bool touched;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!unwritten || !stop.WriteWorthwhile(reason)) return;
        // At shutdown in-memory storage may already be gone (and dies with the silo anyway).
        try { await record.WriteStateAsync(cancellationToken); }
        catch (Exception) when (reason.ReasonCode == DeactivationReasonCode.ShuttingDown) { }
    }

    public async Task<JourneyStepResult> StartAsync(JourneyStart start, ParametersRef parameters, DateTimeOffset until) =>
        SleepIfDormant(await StartCoreAsync(start, parameters, until), until);

    async Task<JourneyStepResult> StartCoreAsync(JourneyStart start, ParametersRef parameters, DateTimeOffset until)
    {
        var (_, id) = Keys.Split(Key);
        if (start.JourneyId != id) throw new DomainException($"journey id {start.JourneyId} does not match grain {id}");
        // Started already: a simulation step repeated after a crash starts the same journeys again. Nothing
        // changes; the shard learns when the journey is next due (its figures come back through a recount).
        if (record.State.State.Status != JourneyStatus.None) return JourneyStepResult.Nothing(record.State.Plan?.NextDue());
        var planner = parameters.Planner();
        var (first, plan) = planner.Start(start);
        var rest = planner.AdvanceTo(first.State, plan, until);
        return await CommitAsync(rest.State, plan, [.. first.Events, .. rest.Events], [.. first.Referrals, .. rest.Referrals], rest.NextDue,
            returned: rest.Returned ?? first.Returned);
    }

    public async Task<JourneyStepResult> AdvanceAsync(ParametersRef parameters, DateTimeOffset until)
    {
        var plan = record.State.Plan;
        if (plan is null) return SleepIfDormant(JourneyStepResult.Nothing(null), until);
        var advance = parameters.Planner().AdvanceTo(record.State.State, plan, until);
        if (advance.Events.Count == 0) return SleepIfDormant(JourneyStepResult.Nothing(advance.NextDue), until);
        return SleepIfDormant(await CommitAsync(advance.State, plan, advance.Events, advance.Referrals, advance.NextDue, returned: advance.Returned), until);
    }

    public async Task<JourneyStepResult> TakeFromPoolAsync(RepAssignment rep, ParametersRef parameters, DateTimeOffset until) =>
        SleepIfDormant(await TakeCoreAsync(rep, parameters, until), until);

    async Task<JourneyStepResult> TakeCoreAsync(RepAssignment rep, ParametersRef parameters, DateTimeOffset until)
    {
        var (state, plan) = (record.State.State, record.State.Plan);
        if (plan is null || !state.InPool) return JourneyStepResult.Nothing(plan?.NextDue());
        var planner = parameters.Planner();
        var taken = planner.TakeFromPool(state, plan, rep, state.LastEventAt ?? until);
        var rest = planner.AdvanceTo(taken.State, plan, until);
        return await CommitAsync(rest.State, plan, [.. taken.Events, .. rest.Events], [.. taken.Referrals, .. rest.Referrals], rest.NextDue,
            returned: rest.Returned);
    }

    public async Task<JourneyStepResult> ReassignAsync(RepAssignment rep, IReadOnlyList<string> fromReps, DateTimeOffset at, string? reason = null)
    {
        var (state, plan) = (record.State.State, record.State.Plan);
        if (plan is null || state.Status != JourneyStatus.Prospect || state.RepId is null || !fromReps.Contains(state.RepId))
            return JourneyStepResult.Nothing(plan?.NextDue());
        var advance = new JourneyPlanner(BehaviourParameters.Default).Reassign(state, plan, rep, at, reason);
        return SleepIfDormant(await CommitAsync(advance.State, plan, advance.Events, [], plan.NextDue()), at);
    }

    public async Task<(ApplyResult Result, JourneyStepResult Step)> ApplyAsync(IReadOnlyList<JourneyEvent> events)
    {
        events = KeepErased(events);
        var before = record.State.State;
        if (before.Status == JourneyStatus.None) before = before with { Id = Keys.Split(Key).Id };
        var t = JourneyTransitions.ApplyAll(before, events);
        if (!t.Accepted) return (new ApplyResult(false, t.Error, record.State.State), JourneyStepResult.Nothing(record.State.Plan?.NextDue()));
        // Applied as a block, in the order given: the window's past is settled, and these ids are remembered so
        // the same events sent again through ingestion count as duplicates.
        var window = Window();
        window.SettleAll(t.State, events.Select(e => e.Id));
        KeepWindow(window);
        var step = await CommitAsync(t.State, record.State.Plan, events, [], record.State.Plan?.NextDue(), settleWindow: false);
        return (new ApplyResult(true, null, t.State), SleepAfterEvents(step));
    }

    public async Task<(IReadOnlyList<EventOutcome> Outcomes, JourneyStepResult Step)> IngestAsync(IReadOnlyList<JourneyEvent> events)
    {
        events = KeepErased(events);
        var window = Window();
        var outcomes = new EventOutcome[events.Count];
        var accepted = new List<JourneyEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var r = window.Add(events[i]);
            outcomes[i] = new EventOutcome(r.Status switch
            {
                IngestStatus.Accepted => EventResult.Accepted,
                IngestStatus.Duplicate => EventResult.Duplicate,
                IngestStatus.Conflict => EventResult.Conflict,
                _ => EventResult.Rejected,
            }, r.Reason);
            if (r.Status == IngestStatus.Accepted) accepted.Add(events[i]);
        }
        // Duplicates and refusals change nothing, so nothing is written.
        if (accepted.Count == 0) return (outcomes, JourneyStepResult.Nothing(record.State.Plan?.NextDue()));
        KeepWindow(window);
        var step = await CommitAsync(window.State, record.State.Plan, accepted, [], record.State.Plan?.NextDue(), settleWindow: false);
        return (outcomes, SleepAfterEvents(step));
    }

    EventWindow Window()
    {
        var r = record.State;
        var current = r.State.Status == JourneyStatus.None ? r.State with { Id = Keys.Split(Key).Id } : r.State;
        return new EventWindow(current, r.WindowBase, r.Window, r.SettledIds);
    }

    void KeepWindow(EventWindow window)
    {
        record.State.Window = [.. window.Events];
        record.State.WindowBase = window.Events.Count == 0 ? null : window.Base;
        record.State.SettledIds = [.. window.SettledIds];
    }

    public Task<JourneyView?> GetAsync()
    {
        // Woken only for this read (a page, the forecast, a recount): back to sleep, nothing was changed.
        if (!touched && dormancy.Enabled) DeactivateOnIdle();
        var s = record.State;
        return Task.FromResult(s.State.Status == JourneyStatus.None
            ? null
            : new JourneyView(Keys.Split(Key).Workspace, s.State, s.Recent.ToList(), s.Erased));
    }

    public Task<JourneyRecord?> ExportAsync()
    {
        // Like a read: a journey woken only for the backup goes back to sleep.
        if (!touched && dormancy.Enabled) DeactivateOnIdle();
        return Task.FromResult(record.State.State.Status == JourneyStatus.None ? null : record.State);
    }

    public Task<Domain.Records.CustomerRecord?> RecordAsync()
    {
        if (!touched && dormancy.Enabled) DeactivateOnIdle();
        return Task.FromResult(record.State.State.Status == JourneyStatus.None ? null : RecordRow());
    }

    public Task<IReadOnlyList<OrderLine>> OrdersAsync()
    {
        if (!touched && dormancy.Enabled) DeactivateOnIdle();
        return Task.FromResult(OrdersKept() ?? []);
    }

    /// <summary>The journey's orders: the list kept, else recovered from its recent events (null: not exactly known).</summary>
    IReadOnlyList<OrderLine>? OrdersKept() =>
        record.State.Orders ?? (record.State.State.Status == JourneyStatus.None ? [] : OrderLine.Recovered(record.State.State, record.State.Recent));

    /// <summary>
    /// The journey's row of the record lists. A simulated journey (one with a plan) has a face drawn by the shard from a
    /// seed derived from its id (the same name every time); an imported one has none yet.
    /// </summary>
    Domain.Records.CustomerRecord RecordRow() =>
        Domain.Records.CustomerRecord.Of(record.State.State,
            record.State.Plan is null ? null : Domain.Randomness.Prng.Derive(Domain.Records.CustomerRecord.NameSeedBase, Keys.Split(Key).Id),
            record.State.Erased is not null, record.State.Plan?.PoolReason);

    public async Task ClearAsync()
    {
        unwritten = false;
        await record.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>Leaves memory after this call if nothing is due within the horizon of <paramref name="now"/> (the state is written as the activation ends).</summary>
    JourneyStepResult SleepIfDormant(JourneyStepResult step, DateTimeOffset now) => Sleep(dormancy.IsDormant(step.NextDue, now), step);

    /// <summary>After external events only a closed journey with nothing due leaves memory (see <see cref="Dormancy.IsDormantAfterEvents"/>).</summary>
    JourneyStepResult SleepAfterEvents(JourneyStepResult step) => Sleep(dormancy.IsDormantAfterEvents(record.State.State, step.NextDue), step);

    JourneyStepResult Sleep(bool dormant, JourneyStepResult step)
    {
        touched = true;
        if (!dormant) return step;
        DeactivateOnIdle();
        return step with { Dormant = true };
    }

    async Task<JourneyStepResult> CommitAsync(JourneyState after, JourneyPlan? plan, IReadOnlyList<JourneyEvent> events,
        IReadOnlyList<ReferralLead> referrals, DateTimeOffset? nextDue, bool settleWindow = true, PoolReturn? returned = null)
    {
        touched = true;
        // An erased customer stays erased: whatever free text later events carry is not kept.
        if (record.State.Erased is not null) (after, events) = (CustomerErasure.Erase(after), KeepErased(events));
        var before = record.State.State;
        // The orders kept so far, read before the recent events take this call's (a list recovered from them counts the state before).
        var prior = OrdersKept();
        var deltas = TallyDelta.Between(before, after);
        // A lead back in the pool frees its rep at once; the rep who takes it from the pool is counted by their team.
        var release = returned is { } r && after.InPool ? new RepRelease(r.RegionId, r.TeamId, r.RepId) : ReleaseOf(before, after);
        var outcome = DealOutcome.Of(before, after);
        var recent = record.State.Recent;
        recent.AddRange(events);
        if (recent.Count > RecentLimit) recent.RemoveRange(0, recent.Count - RecentLimit);
        if (settleWindow && record.State.Window.Count > 0)
        {
            // The simulator moved a journey that also has ingested events: what was re-orderable is settled now.
            var window = Window();
            window.SettleAll(after, []);
            KeepWindow(window);
        }
        // Money first: once the ledger has an order, payment or refund it is the record, whatever happens next.
        // A retry after a failure here or below writes the same entries again (same ids), never twice.
        var (workspace, journeyId) = Keys.Split(Key);
        var money = MoneyEvents.Of(journeyId, after, events);
        if (money.Count > 0) await ledger.AppendAsync(workspace, journeyId, money);
        // The orders' list for the revenue line's drill-down, reported whole to the shard.
        var booked = OrderLine.Of(events, after);
        List<OrderLine>? orders = null;
        if (booked.Count > 0) orders = [.. (prior ?? []), .. booked];
        record.State.State = after;
        if (orders is not null) record.State.Orders = orders;
        record.State.Plan = plan;
        // Durable storage: written before anyone hears of the change. In-memory storage dies with the silo
        // anyway, so a write there buys only a copy for the next activation: it is made when this one ends.
        if (storage.Durable) await record.WriteStateAsync();
        else unwritten = true;
        return new JourneyStepResult(deltas, referrals, nextDue, release, events.Count, outcome, after.InPool ? returned : null,
            Record: RecordRow(), Orders: orders);
    }

    // A lead counts against its rep's load while it is an open prospect.
    static RepRelease? ReleaseOf(JourneyState before, JourneyState after) =>
        !after.Existing && before.Status is JourneyStatus.None or JourneyStatus.Prospect
        && after.Status != JourneyStatus.Prospect && after.RepId is not null
        && after.TeamId is not null && after.RegionId is not null
            ? new RepRelease(after.RegionId, after.TeamId, after.RepId)
            : null;
}
