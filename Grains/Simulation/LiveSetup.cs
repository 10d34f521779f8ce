using System.Text.Json;
using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.Logging;

namespace Growth.Grains.Simulation;

/// <summary>A setup version taken up by a running simulation: what it runs on from now, and the line the figures show.</summary>
public sealed record TakenSetup(Organisation Organisation, BehaviourParameters Parameters, string Summary, int HandedOver);

/// <summary>
/// Takes a new setup up in a running simulation, between two steps: the organisation's grains are told what changed
/// (new reps and teams configured, changed teams and regions reconfigured keeping their open loads, campaigns updated
/// keeping their random state and counters), and the open leads of reps who left go to the reps their team picks.
/// Not a grain: the simulation grain runs it in its own turn.
/// </summary>
public sealed class LiveSetup(IGrainFactory grains, string workspace)
{
    /// <summary>
    /// Applies <paramref name="setup"/> at simulated time <paramref name="now"/> to the simulation running
    /// <paramref name="running"/> on <paramref name="parameters"/>. A setup without an organisation of its own keeps
    /// the running one (with its campaigns); prices and payment terms always come from the setup.
    /// </summary>
    public async Task<TakenSetup> ApplyAsync(Organisation running, BehaviourParameters parameters, SetupDocument setup, ulong seed, DateTimeOffset now)
    {
        var compiled = SetupCompiler.Organisation(setup, now);
        var next = compiled.Regions.Count > 0 ? compiled : running;
        var p = SetupCompiler.Parameters(setup, parameters);
        var shared = new ParametersRef(p);
        var changes = OrganisationChanges.Between(running, next);
        // Reps the setup dropped join the former reps (their rows stay, marked as left); one it brings back is current again.
        next = (next with { Departed = running.Departed }).WithDeparted(changes.RepsLeft, now);

        await Task.WhenAll(changes.RepsJoined.Concat(changes.RepsChanged).Select(r => Rep(r.Id).SetProfileAsync(r)));
        await Task.WhenAll(changes.TeamsAdded.Select(t => Team(t.Id).ConfigureAsync(t)));
        await Task.WhenAll(changes.TeamsChanged.Select(t => Team(t.Id).ReconfigureAsync(t)));
        var added = changes.RegionsAdded.Select(r => r.Id).ToHashSet();
        await Task.WhenAll(next.Regions.Select(r =>
        {
            var teams = next.Teams.Where(t => t.RegionId == r.Id).ToList();
            return added.Contains(r.Id) ? Region(r.Id).ConfigureAsync(r, teams) : Region(r.Id).ReconfigureAsync(r, teams);
        }));
        var handedOver = await HandOverAsync(changes.RepsLeft, next, now);
        var newCampaigns = changes.CampaignsAdded.Select(c => c.Id).ToHashSet();
        await Task.WhenAll(next.Campaigns.Select(c => newCampaigns.Contains(c.Id)
            ? Campaign(c.Id).ConfigureAsync(c, shared, Prng.Derive(seed, c.Id))
            : Campaign(c.Id).UpdateAsync(c, shared)));

        return new TakenSetup(next, p, Summary(changes, parameters, p, handedOver), handedOver);
    }

    /// <summary>Configures every rep, team, region and campaign of a freshly built organisation (loads and counters from zero).</summary>
    public static async Task ConfigureAsync(IGrainFactory grains, string workspace, Organisation org, ParametersRef p, ulong seed)
    {
        var live = new LiveSetup(grains, workspace);
        await Task.WhenAll(org.Reps.Select(r => live.Rep(r.Id).SetProfileAsync(r)));
        await Task.WhenAll(org.Teams.Select(t => live.Team(t.Id).ConfigureAsync(t)));
        await Task.WhenAll(org.Regions.Select(r => live.Region(r.Id).ConfigureAsync(r, org.Teams.Where(t => t.RegionId == r.Id).ToList())));
        await Task.WhenAll(org.Campaigns.Select(c => live.Campaign(c.Id).ConfigureAsync(c, p, Prng.Derive(seed, c.Id))));
    }

    /// <summary>The organisation a setup describes (null if it describes none) and the basis parameters with its prices and payment terms.</summary>
    public static (Organisation? Organisation, BehaviourParameters Parameters) FromSetup(CurrentSetup? setup, BehaviourParameters basis, DateTimeOffset asOf) =>
        setup is null ? (null, basis)
        : (setup.Document.Organisation.Regions.Count > 0 ? SetupCompiler.Organisation(setup.Document, asOf) : null,
            SetupCompiler.Parameters(setup.Document, basis));

    /// <summary>
    /// Stores the setup describing an organisation a simulation just built as version 1 by "simulation", so its leader
    /// can read and edit it. False if it was refused: the simulation then runs without a setup, as before setups existed.
    /// </summary>
    public static async Task<bool> StoreBuiltAsync(IGrainFactory grains, string workspace, Organisation org, BehaviourParameters parameters,
        bool seeded, ILogger logger)
    {
        try
        {
            var document = SetupFromOrganisation.Build(org, parameters);
            await grains.GetGrain<ISetupGrain>(workspace).ApplyAsync(document, "simulation",
                seeded ? "built from the seed" : "the organisation the simulation was given", expectedVersion: 0);
            return true;
        }
        catch (DomainException e)
        {
            logger.LogWarning("Simulation {Workspace} could not store the setup of the organisation it built: {Reason}", workspace, e.Message);
            return false;
        }
    }

    /// <summary>End of the fiscal quarter holding <paramref name="at"/> in the setup's calendar: its targets hold until then.</summary>
    public static DateTimeOffset TargetsEnd(SetupDocument setup, DateTimeOffset at) =>
        setup.Organisation.Regions.Count == 0 ? DateTimeOffset.MaxValue : new FiscalCalendar(setup.Company).QuarterOf(at).End;

    /// <summary>
    /// A new fiscal quarter began: the running organisation's reps take their targets for it from the current setup
    /// (and the workspace grain, hence the Sales page, hears them). Returns the organisation and when to do this again.
    /// </summary>
    public static async Task<(Organisation Organisation, DateTimeOffset Until)> RetargetAsync(
        IGrainFactory grains, string workspace, Organisation running, DateTimeOffset now)
    {
        if (await grains.GetGrain<ISetupGrain>(workspace).GetAsync() is not { Document: var setup } || setup.Organisation.Regions.Count == 0)
            return (running, DateTimeOffset.MaxValue);
        var targets = SetupCompiler.Organisation(setup, now).Reps.ToDictionary(r => r.Id, r => r.Target);
        var next = running with
        {
            Teams = running.Teams.Select(t => t with
            {
                Reps = t.Reps.Select(r => targets.TryGetValue(r.Id, out var target) ? r with { Target = target } : r).ToList(),
            }).ToList(),
        };
        await grains.GetGrain<IWorkspaceGrain>(workspace).DefineAsync(WorkspaceKind.Simulation, next);
        return (next, TargetsEnd(setup, now));
    }

    /// <summary>
    /// Makes a version the simulation took up known: the workspace's organisation (targets), the statistics' money
    /// style, fiscal year and mark, and the setup grain's effective time.
    /// </summary>
    public static async Task PublishAsync(IGrainFactory grains, string workspace, CurrentSetup taken, Organisation organisation, SetupMark mark)
    {
        await grains.GetGrain<IWorkspaceGrain>(workspace).DefineAsync(WorkspaceKind.Simulation, organisation);
        await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace)
            .SetSetupAsync(SetupCompiler.Money(taken.Document), taken.Document.Company.FiscalYearStartMonth, mark, taken.Document.Company.TimeZone);
        await grains.GetGrain<ISetupGrain>(workspace).MarkEffectiveAsync(taken.Version, mark.At);
    }

    /// <summary>
    /// The open leads and opportunities of reps who left go to their team (or, if it went too, a team of their
    /// region, else the first team), which assigns them by its rule; journeys already closed keep their rep.
    /// </summary>
    async Task<int> HandOverAsync(IReadOnlyList<RepProfile> left, Organisation next, DateTimeOffset now)
    {
        if (left.Count == 0 || next.Teams.Count == 0) return 0;
        var repIds = left.Select(r => r.Id).ToList();
        var open = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Shard(i).OpenJourneysOfAsync(repIds))))
            .SelectMany(s => s).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var handovers = new List<JourneyHandover>(open.Count);
        foreach (var group in open.GroupBy(s => TeamFor(s, next)))
        {
            var assigned = await Team(group.Key).AssignAsync(group.Count());
            handovers.AddRange(group.Select((s, i) => new JourneyHandover(s.Id, assigned[i])));
        }
        var counts = await Task.WhenAll(handovers.GroupBy(h => Keys.ShardOf(h.JourneyId))
            .Select(g => Shard(g.Key).ReassignAsync(g.ToList(), repIds, now)));
        return counts.Sum();
    }

    static string TeamFor(JourneyState journey, Organisation next) =>
        next.Teams.FirstOrDefault(t => t.Id == journey.TeamId)?.Id
        ?? next.Teams.FirstOrDefault(t => t.RegionId == journey.RegionId)?.Id
        ?? next.Teams[0].Id;

    static string Summary(OrganisationChanges changes, BehaviourParameters before, BehaviourParameters after, int handedOver)
    {
        var parts = new List<string>();
        if (changes.Summary() is { Length: > 0 } organisation) parts.Add(organisation);
        if (handedOver > 0) parts.Add($"{handedOver} open leads handed over");
        if (JsonSerializer.Serialize(before.Prices) != JsonSerializer.Serialize(after.Prices) || before.ListPrice != after.ListPrice) parts.Add("prices changed");
        if ((before.PaymentTermsDays, before.OnTimePaymentRate, before.LatePaymentRate, before.DaysLate)
            != (after.PaymentTermsDays, after.OnTimePaymentRate, after.LatePaymentRate, after.DaysLate)) parts.Add("payment terms changed");
        return parts.Count == 0 ? "no change to the running simulation" : string.Join("; ", parts);
    }

    IRepGrain Rep(string id) => grains.GetGrain<IRepGrain>(Keys.Of(workspace, id));
    ITeamGrain Team(string id) => grains.GetGrain<ITeamGrain>(Keys.Of(workspace, id));
    IRegionGrain Region(string id) => grains.GetGrain<IRegionGrain>(Keys.Of(workspace, id));
    ICampaignGrain Campaign(string id) => grains.GetGrain<ICampaignGrain>(Keys.Of(workspace, id));
    IJourneyShardGrain Shard(int index) => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, index));
}
