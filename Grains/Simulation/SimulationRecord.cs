using Growth.Domain.Journeys;
using Growth.Domain.Simulation;
using Growth.Grains.Organisations;

namespace Growth.Grains.Simulation;

/// <summary>Persisted state of a workspace's simulation: its settings, clock, counters and what the last step carried over.</summary>
[GenerateSerializer]
public sealed class SimulationRecord
{
    [Id(0)] public SimulationSettings Settings { get; set; } = new();
    [Id(1)] public bool Created { get; set; }
    [Id(2)] public bool Running { get; set; }
    [Id(3)] public DateTimeOffset Start { get; set; }
    [Id(4)] public DateTimeOffset Now { get; set; }
    [Id(5)] public long Steps { get; set; }
    [Id(6)] public long Leads { get; set; }
    [Id(8)] public BehaviourParameters Parameters { get; set; } = BehaviourParameters.Default;
    /// <summary>Referrals and load releases produced by journeys started in the last step, routed in the next.</summary>
    [Id(9)] public List<ReferralLead> CarriedReferrals { get; set; } = [];
    [Id(10)] public List<RepRelease> CarriedReleases { get; set; } = [];
    /// <summary>The simulation was given its organisation (calibrated, say) rather than building one from the seed; a reset keeps it.</summary>
    [Id(11)] public bool GivenOrganisation { get; set; }
    /// <summary>The setup version the simulation runs on (0: none).</summary>
    [Id(12)] public int SetupVersion { get; set; }
    /// <summary>
    /// End of the fiscal quarter the reps' targets were compiled for: the first step at or after it compiles them again
    /// for the new quarter (default: the simulation runs on no setup's targets).
    /// </summary>
    [Id(13)] public DateTimeOffset TargetsUntil { get; set; }
    /// <summary>Leads that went back to the pool while being started in the last step, reassigned in the next.</summary>
    [Id(14)] public List<PoolReturn> CarriedReturns { get; set; } = [];
    /// <summary>Where each rep stands against their pay plan (null: no setup plans, everyone on the flat plan).</summary>
    [Id(15)] public Domain.Compensation.RepStandings? Plans { get; set; }
    /// <summary>The long run: customers per region, when reps leave, empty seats, the fiscal year's revenue so far.</summary>
    [Id(75)] public Domain.LongRun.LongRunState LongRun { get; set; } = new();
}
