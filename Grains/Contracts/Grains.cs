using Orleans.Concurrency;
using Growth.Grains.Model;

namespace Growth.Grains.Contracts;

/// <summary>One customer journey: the single source of truth for one lead or customer. Key: "{workspace}/{journeyId}".</summary>
public interface IJourneyGrain : IGrainWithStringKey
{
    /// <summary>Creates the simulated journey and advances it to <paramref name="until"/>.</summary>
    Task<JourneyStepResult> StartAsync(JourneyStart start, ParametersRef parameters, DateTimeOffset until);

    /// <summary>Applies everything the simulation has due up to <paramref name="until"/>.</summary>
    Task<JourneyStepResult> AdvanceAsync(ParametersRef parameters, DateTimeOffset until);

    /// <summary>Applies external events atomically: all or none.</summary>
    Task<(ApplyResult Result, JourneyStepResult Step)> ApplyAsync(IReadOnlyList<JourneyEvent> events);

    /// <summary>
    /// Offers external events one by one, in the order given: each is applied in its place in time (an older one
    /// is re-ordered into the journey's recent past), recognised as a duplicate of an event already applied, or
    /// rejected with the reason. One result per event, same order.
    /// </summary>
    Task<(IReadOnlyList<EventOutcome> Outcomes, JourneyStepResult Step)> IngestAsync(IReadOnlyList<JourneyEvent> events);

    /// <summary>The journey with its recent events, or null if it does not exist.</summary>
    Task<JourneyView?> GetAsync();

    /// <summary>Forgets the journey (workspace reset).</summary>
    Task ClearAsync();
}

/// <summary>
/// A slice of a workspace's journeys (by stable hash of the id): schedules the due ones and sums their
/// figure changes in memory until the statistics grain drains them. Key: "{workspace}/shard-{n}".
/// </summary>
public interface IJourneyShardGrain : IGrainWithStringKey
{
    /// <summary>Starts new simulated journeys and advances them to <paramref name="until"/>.</summary>
    Task<ShardStepResult> StartAsync(IReadOnlyList<JourneyStart> starts, ParametersRef parameters, DateTimeOffset until);

    /// <summary>Advances every journey due up to <paramref name="until"/>.</summary>
    Task<ShardStepResult> AdvanceAsync(ParametersRef parameters, DateTimeOffset until);

    /// <summary>Applies external events to one journey of this shard.</summary>
    Task<ApplyResult> ApplyAsync(string journeyId, IReadOnlyList<JourneyEvent> events);

    /// <summary>Offers each journey of this shard its events (journeys in parallel); one outcome list per batch, same order.</summary>
    Task<IReadOnlyList<IReadOnlyList<EventOutcome>>> IngestAsync(IReadOnlyList<JourneyBatch> batches);

    /// <summary>The state of every journey of the shard (for calibrating a model on an imported history).</summary>
    Task<IReadOnlyList<JourneyState>> StatesAsync();

    /// <summary>Hands over and clears the figure changes summed, and the deals closed, since the last drain.</summary>
    Task<ShardDrain> DrainAsync();

    /// <summary>Forgets every journey of the shard (and its slice of the money ledger).</summary>
    Task ResetAsync();

    /// <summary>
    /// The shard's whole contribution to the figures, summed from its journeys' current states; the changes
    /// pending since the last drain are dropped (the totals include them).
    /// </summary>
    Task<IReadOnlyList<TallyDelta>> RecountAsync();

    /// <summary>Makes the shard's journey list durable (no-op with in-memory storage); the simulation calls it before saving its clock.</summary>
    Task FlushAsync();

    /// <summary>Ids of every journey of the shard.</summary>
    Task<IReadOnlyList<string>> JourneyIdsAsync();

    /// <summary>Journeys known to the shard and how many are scheduled.</summary>
    Task<(int Journeys, int Scheduled)> CountAsync();
}

/// <summary>One workspace's figures: merges the shards' sums into one snapshot a few times a second. Key: workspace.</summary>
public interface IWorkspaceStatisticsGrain : IGrainWithStringKey
{
    Task SetOrganisationAsync(Organisation organisation);

    /// <summary>Records a simulation step: the simulated time reached and campaign reach and spend.</summary>
    Task RecordStepAsync(DateTimeOffset asOf, IReadOnlyList<CampaignBatch> activity);

    /// <summary>Records the simulation's clock settings (shown with the snapshot).</summary>
    Task SetClockAsync(ClockStatus clock);

    /// <summary>The latest snapshot (at most a few hundred milliseconds old), or null for an unknown workspace.</summary>
    Task<WorkspaceSnapshot?> GetSnapshotAsync();

    /// <summary>Drains every shard now and returns the up-to-date snapshot, or null for an unknown workspace.</summary>
    Task<WorkspaceSnapshot?> RefreshAsync();

    /// <summary>Cumulative figures over time (one point per simulated day), oldest first.</summary>
    Task<IReadOnlyList<HistoryPoint>> GetHistoryAsync();

    /// <summary>
    /// Rebuilds the money figures (orders, revenue, collected, refunded; in total and per region, team, rep and
    /// campaign) from the money ledger and compares them with the running figures; with <paramref name="apply"/>,
    /// the running figures take the ledger's where they differ. Refused without a durable ledger.
    /// </summary>
    Task<Model.Ledger.LedgerCheck> CheckLedgerAsync(bool apply);

    Task ResetAsync();
}

/// <summary>A web host's receiver of the live feed (one per host, not per browser).</summary>
public interface ILiveFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnUpdatesAsync(IReadOnlyList<LiveUpdate> updates);
}

/// <summary>
/// Per silo: collects the workspaces' updates, keeps only the latest per workspace, and every 100 ms sends one
/// batch to each registered web host. Statistics grains never wait for web hosts.
/// </summary>
public interface ILiveFeedNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishAsync(LiveUpdate update);
}

/// <summary>The web hosts listening to the live feed. Hosts re-register every 30 s; silent ones are dropped after 2 minutes.</summary>
public interface ILiveFeedRegistryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(ILiveFeedObserver observer);
    Task UnregisterAsync(ILiveFeedObserver observer);
    Task<IReadOnlyList<ILiveFeedObserver>> GetObserversAsync();
}

/// <summary>The names of the workspaces that exist, for pickers. Called when a workspace is created and when a page lists them.</summary>
public interface IWorkspaceDirectoryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string workspace, string kind);
    Task<IReadOnlyList<WorkspaceEntry>> ListAsync();
}

/// <summary>A workspace's simulation: seed, clock, speed, and the organisation and campaigns it builds. Key: workspace.</summary>
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>Builds the organisation if needed and starts the clock.</summary>
    Task<SimulationStatus> StartAsync(SimulationSettings settings);

    /// <summary>Builds the organisation if needed without starting the clock.</summary>
    Task<SimulationStatus> CreateAsync(SimulationSettings settings);

    Task<SimulationStatus> PauseAsync();
    Task<SimulationStatus> ResumeAsync();
    Task<SimulationStatus> SetSpeedAsync(double daysPerSecond);

    /// <summary>Throws everything away and rebuilds from the seed (the current one if null). Keeps running if it was.</summary>
    Task<SimulationStatus> ResetAsync(ulong? seed);

    /// <summary>Advances simulated time by <paramref name="span"/> at once, independent of the real clock.</summary>
    Task<SimulationStatus> RunForAsync(TimeSpan span);

    Task<SimulationStatus> GetStatusAsync();
    Task<Organisation?> GetOrganisationAsync();

    /// <summary>The behaviour parameters the simulation runs on (calibrated or default), or null if there is no simulation.</summary>
    Task<BehaviourParameters?> GetParametersAsync();
}

/// <summary>A sales rep: profile, skills per conversation step, capacity, incentive. Key: "{workspace}/{repId}".</summary>
public interface IRepGrain : IGrainWithStringKey
{
    Task SetProfileAsync(RepProfile profile);
    Task<RepProfile?> GetProfileAsync();
}

/// <summary>A team of about ten reps and a lead: assigns incoming leads by its rule. Key: "{workspace}/{teamId}".</summary>
public interface ITeamGrain : IGrainWithStringKey
{
    Task ConfigureAsync(TeamProfile team);

    /// <summary>Assigns each lead (in order) to a rep; returns one assignment per lead.</summary>
    Task<IReadOnlyList<RepAssignment>> AssignAsync(int leads);

    /// <summary>Lowers the open load of the given reps by one each.</summary>
    Task ReleaseAsync(IReadOnlyList<string> repIds);

    /// <summary>Open load per rep id.</summary>
    Task<IReadOnlyDictionary<string, int>> GetLoadsAsync();
    Task<TeamProfile?> GetProfileAsync();
}

/// <summary>A region: routes its incoming leads to its teams (least loaded relative to capacity). Key: "{workspace}/{regionId}".</summary>
public interface IRegionGrain : IGrainWithStringKey
{
    Task ConfigureAsync(RegionProfile region, IReadOnlyList<TeamProfile> teams);

    /// <summary>Applies releases, then assigns each lead (in order) to a team and rep.</summary>
    Task<IReadOnlyList<RepAssignment>> RouteAsync(IReadOnlyList<NewLead> leads, IReadOnlyList<RepRelease> releases);
}

/// <summary>A marketing campaign: budget, channel, reach, the leads it brings. Key: "{workspace}/{campaignId}".</summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    Task ConfigureAsync(CampaignProfile campaign, ParametersRef parameters, ulong seed);

    /// <summary>Spends the budget over [from, to) and returns the reach and leads it bought.</summary>
    Task<CampaignBatch> RunAsync(DateTimeOffset from, DateTimeOffset to);

    Task<CampaignProfile?> GetProfileAsync();
}
