using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Grains.Simulation;

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
    /// <summary>
    /// A seeded organisation (no setup, organisation or parameters given) runs the long run: market saturation, rep
    /// turnover and yearly quotas from the plan (<c>rules.longRun</c> at its defaults, written into the setup it stores).
    /// False runs it as before the long run. A setup's own <c>rules.longRun</c> decides otherwise.
    /// </summary>
    [Id(75)] public bool LongRun { get; init; } = true;

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
