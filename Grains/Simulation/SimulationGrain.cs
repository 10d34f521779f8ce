using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Runtime;
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
public sealed class SimulationGrain(
    [PersistentState("simulation", GrainStorage.Name)] IPersistentState<SimulationRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<SimulationGrain> logger) : Grain, ISimulationGrain, IRemindable
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

    string Workspace => this.GetPrimaryKeyString();
    SimulationRecord S => record.State;
    ParametersRef Parameters => parameters ??= new ParametersRef(S.Parameters);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Created) organisation = await WorkspaceGrain.GetOrganisationAsync() ?? new Organisation();
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

    void RequireCreated()
    {
        if (!S.Created) throw new DomainException($"workspace {Workspace} has no simulation", DomainErrorKind.NotFound);
    }

    void StartTimer()
    {
        if (timer is not null) return;
        clock = new SimulationClock(time.GetUtcNow());
        timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { Interleave = false, KeepAlive = true });
    }

    async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!S.Running) return;
        var (granted, dropped) = clock.Tick(time.GetUtcNow(), S.Settings.Speed);
        var steps = 0;
        for (; steps < granted && !cancellationToken.IsCancellationRequested; steps++) await StepAsync();
        clock.Unrun(granted - steps);
        if (dropped > TimeSpan.Zero && steps == granted)
            logger.LogDebug("Simulation {Workspace} is behind real time; dropping {Owed} of simulated time", Workspace, dropped);
        if (steps > 0)
        {
            await FlushShardsAsync();
            await record.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The shards' journey lists are saved before the clock: after a crash the simulation repeats steps from its
    /// saved clock, and every journey started since is still on a shard's list (starting it again changes nothing).
    /// </summary>
    Task FlushShardsAsync() => Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).FlushAsync()));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != KeepAlive) return;
        // Activation already started the timer of a running simulation; a stopped one needs no reminder.
        if (!S.Running) await StopKeepAliveAsync();
    }

    async Task StopKeepAliveAsync()
    {
        if (await this.GetReminder(KeepAlive) is { } reminder) await this.UnregisterReminder(reminder);
    }

    async Task BuildAsync(SimulationSettings settings)
    {
        var start = settings.Start ?? new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        // A given organisation and parameters (such as ones calibrated on an imported history) replace the seeded ones.
        var org = settings.Organisation
            ?? OrganisationFactory.Build(settings.Seed, settings.Regions, settings.TeamsPerRegion, settings.RepsPerTeam, settings.Campaigns, settings.BudgetScale);
        record.State = new SimulationRecord
        {
            // The organisation lives with the workspace; the settings keep only whether it was given.
            Settings = settings with { Organisation = null }, GivenOrganisation = settings.Organisation is not null,
            Created = true, Start = start, Now = start,
            Parameters = settings.Parameters ?? BehaviourParameters.Default,
        };
        organisation = org;
        parameters = null;
        var p = Parameters;
        await Task.WhenAll(org.Reps.Select(r => GrainFactory.GetGrain<IRepGrain>(Keys.Of(Workspace, r.Id)).SetProfileAsync(r)));
        await Task.WhenAll(org.Teams.Select(t => GrainFactory.GetGrain<ITeamGrain>(Keys.Of(Workspace, t.Id)).ConfigureAsync(t)));
        await Task.WhenAll(org.Regions.Select(r => Region(r.Id).ConfigureAsync(r, org.Teams.Where(t => t.RegionId == r.Id).ToList())));
        await Task.WhenAll(org.Campaigns.Select(c =>
            GrainFactory.GetGrain<ICampaignGrain>(Keys.Of(Workspace, c.Id)).ConfigureAsync(c, p, Prng.Derive(settings.Seed, c.Id))));
        // The clock first: a statistics grain that knows the workspace but not yet its simulated clock takes history
        // points on real time, and one taken while the customers below are being created would stop the simulated
        // history from ever falling due (seen on a loaded machine as a same-seed run with a different history).
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).SetClockAsync(new ClockStatus(false, settings.Speed, settings.Seed, start));
        await WorkspaceGrain.DefineAsync(WorkspaceKind.Simulation, org);
        await StartJourneysAsync(ExistingCustomers.Starts(settings.Seed, settings.ExistingCustomers, org, S.Parameters, start), start);
        await record.WriteStateAsync();
    }

    async Task StepAsync()
    {
        var from = S.Now;
        var to = from + Step;
        var p = Parameters;

        var batches = new List<CampaignBatch>(organisation.Campaigns.Count);
        foreach (var c in organisation.Campaigns)
            batches.Add(await GrainFactory.GetGrain<ICampaignGrain>(Keys.Of(Workspace, c.Id)).RunAsync(from, to));

        var shardResults = await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).AdvanceAsync(p, to)));

        var referrals = S.CarriedReferrals.Concat(shardResults.SelectMany(r => r.Referrals)).ToList();
        var releases = S.CarriedReleases.Concat(shardResults.SelectMany(r => r.Releases)).ToList();
        var leads = batches.SelectMany(b => b.Leads).Concat(referrals.Select(ReferralToLead)).ToList();
        leads.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.LeadId, b.LeadId));

        var starts = await RouteAsync(leads, releases);
        var started = await StartJourneysAsync(starts, to);

        S.CarriedReferrals = started.SelectMany(r => r.Referrals).ToList();
        S.CarriedReleases = started.SelectMany(r => r.Releases).ToList();
        S.Leads += leads.Count;
        S.Now = to;
        S.Steps++;
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RecordStepAsync(to, batches);
    }

    NewLead ReferralToLead(ReferralLead r)
    {
        var (region, persona) = ReferralLeads.Draw(r, organisation, S.Parameters);
        return new NewLead(r.LeadId, r.At, region, null, Channel.Referral, persona);
    }

    async Task<List<JourneyStart>> RouteAsync(List<NewLead> leads, List<RepRelease> releases)
    {
        var starts = new List<JourneyStart>(leads.Count);
        foreach (var region in organisation.Regions)
        {
            var regionLeads = leads.Where(l => l.RegionId == region.Id).ToList();
            var regionReleases = releases.Where(r => r.RegionId == region.Id).ToList();
            if (regionLeads.Count == 0 && regionReleases.Count == 0) continue;
            var assignments = await Region(region.Id).RouteAsync(regionLeads, regionReleases);
            for (var i = 0; i < regionLeads.Count; i++)
            {
                var lead = regionLeads[i];
                starts.Add(new JourneyStart
                {
                    JourneyId = lead.LeadId, At = lead.At, CampaignId = lead.CampaignId, Channel = lead.Channel,
                    Persona = lead.Persona, Rep = assignments[i],
                });
            }
        }
        return starts;
    }

    async Task<ShardStepResult[]> StartJourneysAsync(List<JourneyStart> starts, DateTimeOffset until)
    {
        if (starts.Count == 0) return [];
        var p = Parameters;
        return await Task.WhenAll(starts.GroupBy(s => Keys.ShardOf(s.JourneyId))
            .Select(g => Shard(g.Key).StartAsync(g.ToList(), p, until)));
    }

    IJourneyShardGrain Shard(int index) => GrainFactory.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, index));
    IWorkspaceGrain WorkspaceGrain => GrainFactory.GetGrain<IWorkspaceGrain>(Workspace);
    IRegionGrain Region(string id) => GrainFactory.GetGrain<IRegionGrain>(Keys.Of(Workspace, id));
}
