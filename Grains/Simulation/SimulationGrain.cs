using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Runtime;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Growth.Grains.Simulation;

/// <summary>
/// One workspace's simulation: owns the simulated clock, builds the organisation and campaigns from the seed,
/// and drives everything in fixed one-hour steps (so results do not depend on how real time batches them):
/// campaigns spend and bring leads, shards advance the journeys that are due, regions and teams assign the
/// new leads, and the statistics grain hears the step.
/// </summary>
public sealed partial class SimulationGrain(
    [PersistentState("simulation", GrainStorage.Name)] IPersistentState<SimulationRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<SimulationGrain> logger,
    SiloStop stop) : Grain, ISimulationGrain, IRemindable
{
    /// <summary>
    /// While running, a reminder wakes the simulation every this often: if its silo went away, it carries on
    /// elsewhere from its last saved step instead of waiting for someone to call it.
    /// </summary>
    public static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromSeconds(10);
    const string KeepAlive = "keep-running";

    /// <summary>Simulated time covered by one step.</summary>
    static readonly TimeSpan Step = SimulationClock.Step;
    /// <summary>How often the real-time clock ticks.</summary>
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(200);

    IGrainTimer? timer;
    SimulationClock clock = new(DateTimeOffset.MinValue);
    ParametersRef? parameters;
    // The workspace's organisation, read from the workspace grain (which owns it) when the simulation activates.
    Organisation organisation = new();
    // A setup version to take up at the next step (not stored: a new activation asks the setup grain again).
    CurrentSetup? pendingSetup;

    string Workspace => this.GetPrimaryKeyString();
    SimulationRecord S => record.State;
    ParametersRef Parameters => parameters ??= new ParametersRef(S.Parameters);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Created)
        {
            organisation = await WorkspaceGrain.GetOrganisationAsync() ?? new Organisation();
            if (await Setup.GetAsync() is { } current && current.Version > S.SetupVersion) pendingSetup = current;
        }
        if (S.Running) StartTimer();
    }

    public async Task<SimulationStatus> CreateAsync(SimulationSettings settings)
    {
        if (settings.Validate() is { } error) throw new DomainException(error);
        if (!S.Created) await BuildAsync(settings);
        return await PublishedStatus();
    }

    public async Task<SimulationStatus> StartAsync(SimulationSettings settings)
    {
        await CreateAsync(settings);
        return await ResumeAsync();
    }

    public async Task<SimulationStatus> PauseAsync()
    {
        RequireCreated();
        S.Running = false;
        timer?.Dispose();
        timer = null;
        await record.WriteStateAsync();
        await StopKeepAliveAsync();
        return await PublishedStatus();
    }

    public async Task<SimulationStatus> ResumeAsync()
    {
        RequireCreated();
        if (!S.Running)
        {
            S.Running = true;
            await record.WriteStateAsync();
        }
        await this.RegisterOrUpdateReminder(KeepAlive, KeepAlivePeriod, KeepAlivePeriod);
        StartTimer();
        return await PublishedStatus();
    }

    public async Task<SimulationStatus> SetSpeedAsync(double daysPerSecond)
    {
        RequireCreated();
        if (S.Settings with { Speed = daysPerSecond } is var changed && changed.Validate() is { } error) throw new DomainException(error);
        S.Settings = changed;
        await record.WriteStateAsync();
        return await PublishedStatus();
    }

    public async Task<SimulationStatus> ResetAsync(ulong? seed)
    {
        RequireCreated();
        var wasRunning = S.Running;
        timer?.Dispose();
        timer = null;
        var settings = S.Settings with { Seed = seed ?? S.Settings.Seed, Organisation = S.GivenOrganisation ? organisation : null };
        await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).ResetAsync()));
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).ResetAsync();
        record.State = new SimulationRecord();
        parameters = null;
        await BuildAsync(settings);
        return wasRunning ? await ResumeAsync() : await PublishedStatus();
    }

    public async Task<SimulationStatus> RunForAsync(TimeSpan span)
    {
        RequireCreated();
        if (span <= TimeSpan.Zero || span > TimeSpan.FromDays(3650))
            throw new DomainException($"span must be positive and at most 10 years (was {span})");
        var target = S.Now + span;
        while (S.Now + Step <= target) await StepAsync();
        await FlushShardsAsync();
        await record.WriteStateAsync();
        return Status();
    }

    public Task<SimulationStatus> GetStatusAsync() => Task.FromResult(Status());

    public Task<bool> ApplySetupAsync(int version, SetupDocument setup)
    {
        if (S.Created && version > Math.Max(S.SetupVersion, pendingSetup?.Version ?? 0)) pendingSetup = new CurrentSetup(version, setup, default, "");
        return Task.FromResult(S.Created);
    }

    /// <summary>Takes the pending setup version up now, at the simulated time the next step starts.</summary>
    async Task TakeUpSetupAsync(CurrentSetup pending)
    {
        pendingSetup = null;
        if (pending.Version <= S.SetupVersion) return;
        var taken = await new LiveSetup(GrainFactory, Workspace).ApplyAsync(organisation, S.Parameters, pending.Document, S.Settings.Seed, S.Now);
        (organisation, S.Parameters, parameters, S.SetupVersion) = (taken.Organisation, taken.Parameters, null, pending.Version);
        (S.TargetsUntil, S.Plans) = (LiveSetup.TargetsEnd(pending.Document, S.Now), Domain.Compensation.RepStandings.For(pending.Document, S.Plans,
            Domain.Projection.ChannelFlow.SharesOf(Domain.Projection.ChannelFlow.Of(taken.Organisation, taken.Parameters, S.Now, Domain.Projection.ChannelFlow.SpiffWeeks))));
        S.LongRun.UseCalendar(pending.Document.Company, S.Now);
        await record.WriteStateAsync();
        await LiveSetup.PublishAsync(GrainFactory, Workspace, pending, organisation, new SetupMark(pending.Version, S.Now, taken.Summary));
    }

    public Task<BehaviourParameters?> GetParametersAsync() => Task.FromResult(S.Created ? S.Parameters : null);

    /// <summary>Tells the statistics grain the clock's settings so pages show them with the figures.</summary>
    async Task<SimulationStatus> PublishedStatus()
    {
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace)
            .SetClockAsync(new ClockStatus(S.Running, S.Settings.Speed, S.Settings.Seed, S.Start));
        return Status();
    }

    SimulationStatus Status() => new(Workspace, S.Created, S.Running, S.Settings.Seed, S.Settings.Speed,
        S.Created ? S.Start : null, S.Created ? S.Now : null, S.Steps, S.Leads);

    void RequireCreated() { if (!S.Created) throw new DomainException($"workspace {Workspace} has no simulation", DomainErrorKind.NotFound); }

    async Task BuildAsync(SimulationSettings settings)
    {
        var start = settings.Start ?? new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        // A given organisation and parameters (such as ones calibrated on an imported history) replace the seeded
        // ones; else the workspace's setup, if it describes an organisation; else one built from the seed.
        var setup = await Setup.GetAsync();
        pendingSetup = null;
        // The seeded demo (no setup, nothing given) runs the long run: market saturation, rep turnover and yearly quotas.
        var basis = settings.Parameters ?? BehaviourParameters.Default;
        if (setup is null && settings.Parameters is null && settings.Organisation is null && settings.LongRun)
            basis = basis with { Rules = basis.Rules with { LongRun = Domain.LongRun.LongRunAssumptions.Default } };
        var (fromSetup, startParameters) = LiveSetup.FromSetup(setup, basis, start);
        var org = settings.Organisation ?? fromSetup
            ?? OrganisationFactory.Build(settings.Seed, settings.Regions, settings.TeamsPerRegion, settings.RepsPerTeam, settings.Campaigns, settings.BudgetScale);
        record.State = new SimulationRecord
        {
            // The organisation lives with the workspace; the settings keep only whether it was given.
            Settings = settings with { Organisation = null }, GivenOrganisation = settings.Organisation is not null,
            Created = true, Start = start, Now = start,
            Parameters = startParameters,
            // A simulation without a setup gets one describing what it built (version 1, stored below).
            SetupVersion = setup?.Version ?? 1, Plans = setup is null ? null
                : Domain.Compensation.RepStandings.For(setup.Document, channelShares: Domain.Projection.ChannelFlow.SharesOf(Domain.Projection.ChannelFlow.Of(org, startParameters, start, Domain.Projection.ChannelFlow.SpiffWeeks))),
        };
        organisation = org;
        parameters = null;
        var p = Parameters;
        await LiveSetup.ConfigureAsync(GrainFactory, Workspace, org, p, settings.Seed);
        // The clock first: a statistics grain that knows the workspace but not yet its simulated clock takes history
        // points on real time, and one taken while the customers below are being created would stop the simulated
        // history from ever falling due (seen on a loaded machine as a same-seed run with a different history).
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).SetClockAsync(new ClockStatus(false, settings.Speed, settings.Seed, start));
        await WorkspaceGrain.DefineAsync(WorkspaceKind.Simulation, org);
        S.LongRun.UseCalendar(setup?.Document.Company ?? new CompanySetup(), start);
        foreach (var r in await StartJourneysAsync(ExistingCustomers.Starts(settings.Seed, settings.ExistingCustomers, org, S.Parameters, start), start))
            S.LongRun.Count(r.CustomersByRegion, 0);
        // Opportunities already open at the start (the setup's rules.inFlightDeals), on their own random stream; their
        // reps' loads are not touched (an open opportunity is no longer a prospect), so their releases are not carried.
        await StartJourneysAsync(InFlightDeals.Starts(settings.Seed, S.Parameters.Rules.InFlightDeals, org, S.Parameters, start), start);
        S.TargetsUntil = setup is null ? default : LiveSetup.TargetsEnd(setup.Document, start);
        await record.WriteStateAsync();
        if (setup is not null) await Statistics.SetSetupAsync(SetupCompiler.Money(setup.Document), setup.Document.Company.FiscalYearStartMonth, timeZone: setup.Document.Company.TimeZone);
        else if (!await LiveSetup.StoreBuiltAsync(GrainFactory, Workspace, org, S.Parameters, settings.Organisation is null, logger))
        {
            S.SetupVersion = 0;
            await record.WriteStateAsync();
        }
    }

    async Task StepAsync()
    {
        stop.ThrowIfStopping();
        if (pendingSetup is { } pending) await TakeUpSetupAsync(pending);
        // Once a yearly plan set the quotas, the setup's quarterly targets no longer do.
        else if (S.TargetsUntil != default && S.Now >= S.TargetsUntil && !S.LongRun.Planned)
            (organisation, S.TargetsUntil) = await LiveSetup.RetargetAsync(GrainFactory, Workspace, organisation, S.Now);
        await LongRunBeforeStepAsync(S.Now);
        var (from, to) = (S.Now, S.Now + Step);
        var p = Parameters.With(S.Plans?.StancesAt(organisation, from, S.Parameters.PlanResponse)); // pull-ins, hold-backs, discounts
        var batches = new List<CampaignBatch>(organisation.Campaigns.Count);
        foreach (var c in organisation.Campaigns)
            batches.Add(await GrainFactory.GetGrain<ICampaignGrain>(Keys.Of(Workspace, c.Id)).RunAsync(from, to));
        var shardResults = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).AdvanceAsync(p, to)));
        S.Plans?.Record(shardResults.SelectMany(r => r.WonByRep ?? new Dictionary<string, decimal>()), to, organisation);
        CountLongRun(shardResults);

        var referrals = S.CarriedReferrals.Concat(shardResults.SelectMany(r => r.Referrals)).ToList();
        var releases = S.CarriedReleases.Concat(shardResults.SelectMany(r => r.Releases)).ToList();
        var returned = S.CarriedReturns.Concat(shardResults.SelectMany(r => r.Returned ?? [])).ToList();
        var leads = Arriving(batches.SelectMany(b => b.Leads).Concat(referrals.Select(r => LeadRouting.FromReferral(r, organisation, S.Parameters))).ToList());
        leads.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.LeadId, b.LeadId));

        var starts = await LeadRouting.RouteAsync(GrainFactory, Workspace, organisation, leads, releases, S.Parameters.Rules);
        S.Plans?.Adjust(starts, organisation, S.Parameters.PlanResponse); // each rep's effort as their pay plan and standing make it
        // Leads their reps gave back this step go to the reps their teams pick now (releases were applied by the routing).
        var started = (await StartJourneysAsync(starts, to)).Concat(await LeadPool.ReassignAsync(GrainFactory, Workspace, organisation, returned, p, to)).ToList();
        CountLongRun(started);
        S.CarriedReferrals = started.SelectMany(r => r.Referrals).ToList();
        S.CarriedReleases = started.SelectMany(r => r.Releases).ToList();
        S.CarriedReturns = started.SelectMany(r => r.Returned ?? []).ToList();
        S.Leads += leads.Count;
        S.Now = to;
        S.Steps++;
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RecordStepAsync(to, batches);
    }

    async Task<ShardStepResult[]> StartJourneysAsync(List<JourneyStart> starts, DateTimeOffset until)
    {
        if (starts.Count == 0) return [];
        var p = Parameters;
        return await Task.WhenAll(starts.GroupBy(s => Keys.ShardOf(s.JourneyId))
            .Select(g => Shard(g.Key).StartAsync(g.ToList(), p, until)));
    }

    ISetupGrain Setup => GrainFactory.GetGrain<ISetupGrain>(Workspace);
    IWorkspaceStatisticsGrain Statistics => GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace);
    IJourneyShardGrain Shard(int index) => GrainFactory.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, index));
    IWorkspaceGrain WorkspaceGrain => GrainFactory.GetGrain<IWorkspaceGrain>(Workspace);
}
