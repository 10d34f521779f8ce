using Growth.Grains.Model;

namespace Growth.Grains.Contracts;

/// <summary>A rep whose open load dropped because a lead or opportunity closed.</summary>
[GenerateSerializer, Immutable]
public sealed record RepRelease([property: Id(0)] string RegionId, [property: Id(1)] string TeamId, [property: Id(2)] string RepId);

/// <summary>What one journey call changed: figures to aggregate, referral leads to create, when it is due next.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyStepResult(
    [property: Id(0)] IReadOnlyList<TallyDelta> Deltas,
    [property: Id(1)] IReadOnlyList<ReferralLead> Referrals,
    [property: Id(2)] DateTimeOffset? NextDue,
    [property: Id(3)] RepRelease? Release,
    [property: Id(4)] int Events,
    [property: Id(5)] DealOutcome? Outcome = null)
{
    public static JourneyStepResult Nothing(DateTimeOffset? nextDue) => new([], [], nextDue, null, 0);
}

/// <summary>
/// What a shard hands to the statistics grain: summed figure changes and the deals that closed. NeedsRecount: the
/// shard cannot vouch for its sums (it was just activated after its silo went away, or a journey call failed
/// midway), so the statistics must recount from the journeys rather than trust the deltas.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardDrain([property: Id(0)] IReadOnlyList<TallyDelta> Deltas, [property: Id(1)] IReadOnlyList<DealOutcome> Outcomes,
    [property: Id(2)] bool NeedsRecount = false);

/// <summary>One workspace's new snapshot and notable events, as the live feed carries them.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveUpdate([property: Id(0)] string Workspace, [property: Id(1)] WorkspaceSnapshot Snapshot, [property: Id(2)] IReadOnlyList<NotableEvent> Notables);

/// <summary>What a shard's step produced, for the simulation to route.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardStepResult(
    [property: Id(0)] IReadOnlyList<ReferralLead> Referrals,
    [property: Id(1)] IReadOnlyList<RepRelease> Releases,
    [property: Id(2)] int Events,
    [property: Id(3)] int JourneysAdvanced);

/// <summary>The outcome of applying external events to one journey.</summary>
[GenerateSerializer, Immutable]
public sealed record ApplyResult([property: Id(0)] bool Accepted, [property: Id(1)] string? Error, [property: Id(2)] JourneyState State);

/// <summary>What became of one ingested event.</summary>
public enum EventResult
{
    /// <summary>Applied to its journey.</summary>
    Accepted,
    /// <summary>Its id was already applied to that journey: applied once, nothing changed.</summary>
    Duplicate,
    /// <summary>Refused for the reason given; nothing changed.</summary>
    Rejected,
}

/// <summary>The outcome of one ingested event: accepted, duplicate, or rejected with the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record EventOutcome([property: Id(0)] EventResult Result, [property: Id(1)] string? Reason = null);

/// <summary>Events for one journey, in the order they arrived.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyBatch([property: Id(0)] string JourneyId, [property: Id(1)] IReadOnlyList<JourneyEvent> Events);

/// <summary>One journey as a page shows it: its state and its most recent events.</summary>
[GenerateSerializer, Immutable]
public sealed record JourneyView([property: Id(0)] string Workspace, [property: Id(1)] JourneyState State, [property: Id(2)] IReadOnlyList<JourneyEvent> Recent);

/// <summary>Behaviour parameters passed by reference: never copied on a local call.</summary>
[GenerateSerializer, Immutable]
public sealed record ParametersRef([property: Id(0)] BehaviourParameters Value);

/// <summary>A campaign's activity over one step: reach and spend, and the leads it produced.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignBatch(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] long Touches,
    [property: Id(2)] decimal Spend,
    [property: Id(3)] IReadOnlyList<NewLead> Leads);

/// <summary>A lead waiting to be routed to a team and rep.</summary>
[GenerateSerializer, Immutable]
public sealed record NewLead(
    [property: Id(0)] string LeadId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string RegionId,
    [property: Id(3)] string? CampaignId,
    [property: Id(4)] Channel Channel,
    [property: Id(5)] LeadPersona Persona);

/// <summary>A workspace simulation's settings.</summary>
[GenerateSerializer, Immutable]
public sealed record SimulationSettings
{
    [Id(0)] public ulong Seed { get; init; } = 42;
    /// <summary>Simulated days per real second.</summary>
    [Id(1)] public double Speed { get; init; } = 2;
    [Id(2)] public int Regions { get; init; } = 3;
    [Id(3)] public int TeamsPerRegion { get; init; } = 2;
    [Id(4)] public int RepsPerTeam { get; init; } = 10;
    [Id(5)] public int Campaigns { get; init; } = 5;
    [Id(6)] public int ExistingCustomers { get; init; } = 200;
    /// <summary>Simulated start; null means today (UTC midnight).</summary>
    [Id(7)] public DateTimeOffset? Start { get; init; }
    /// <summary>Budget multiplier on every campaign (1 = default budgets).</summary>
    [Id(8)] public double BudgetScale { get; init; } = 1;
    /// <summary>
    /// The organisation to simulate (regions, teams, reps and campaigns), such as one calibrated on an imported
    /// history; null builds one from the seed and the size settings above (which are then ignored).
    /// </summary>
    [Id(9)] public Organisation? Organisation { get; init; }
    /// <summary>The behaviour model's parameters, such as fitted ones; null means the defaults.</summary>
    [Id(10)] public BehaviourParameters? Parameters { get; init; }

    /// <summary>The first thing wrong with these settings, or null.</summary>
    public string? Validate() =>
        Speed is <= 0 or > 365 ? $"speed must be between 0 and 365 simulated days per second (was {Speed})"
        : Regions is < 1 or > 20 ? $"regions must be between 1 and 20 (was {Regions})"
        : TeamsPerRegion is < 1 or > 20 ? $"teamsPerRegion must be between 1 and 20 (was {TeamsPerRegion})"
        : RepsPerTeam is < 1 or > 50 ? $"repsPerTeam must be between 1 and 50 (was {RepsPerTeam})"
        : Campaigns is < 0 or > 50 ? $"campaigns must be between 0 and 50 (was {Campaigns})"
        : ExistingCustomers is < 0 or > 1_000_000 ? $"existingCustomers must be between 0 and 1000000 (was {ExistingCustomers})"
        : BudgetScale is < 0 or > 1000 ? $"budgetScale must be between 0 and 1000 (was {BudgetScale})"
        : Organisation is { } org ? ValidateOrganisation(org, Parameters ?? BehaviourParameters.Default)
        : null;

    static string? ValidateOrganisation(Organisation org, BehaviourParameters p) =>
        org.Regions.Count == 0 ? "the organisation needs at least one region"
        : org.Regions.FirstOrDefault(r => !org.Teams.Any(t => t.RegionId == r.Id && t.Reps.Count > 0)) is { } empty
            ? $"region {empty.Id} needs at least one team with reps"
        : org.Campaigns.FirstOrDefault(c => !p.Channels.ContainsKey(c.Channel)) is { } unpriced
            ? $"campaign {unpriced.Id}: no lead quality is defined for channel {unpriced.Channel}"
        : null;
}

/// <summary>Where a workspace's simulation stands.</summary>
[GenerateSerializer, Immutable]
public sealed record SimulationStatus(
    [property: Id(0)] string Workspace,
    [property: Id(1)] bool Created,
    [property: Id(2)] bool Running,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] double Speed,
    [property: Id(5)] DateTimeOffset? Start,
    [property: Id(6)] DateTimeOffset? SimulatedNow,
    [property: Id(7)] long Steps,
    [property: Id(8)] long Leads);

/// <summary>A domain rule refused a request; the message says what was wrong. Nothing was changed.</summary>
[GenerateSerializer]
public sealed class DomainException : Exception
{
    public DomainException(string message, DomainErrorKind kind = DomainErrorKind.Invalid) : base(message) => Kind = kind;
    [Id(0)] public DomainErrorKind Kind { get; }
}

public enum DomainErrorKind { Invalid, NotFound, Conflict }

/// <summary>A workspace and what kind it is (simulation, live, ...).</summary>
[GenerateSerializer, Immutable]
public sealed record WorkspaceEntry([property: Id(0)] string Name, [property: Id(1)] string Kind);
