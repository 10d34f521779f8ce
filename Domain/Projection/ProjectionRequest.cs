using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Projection;

/// <summary>Revenue targets over the projection's horizon: for the company, and optionally per region and team.</summary>
public sealed record ProjectionTargets
{
    /// <summary>Company revenue over the horizon; null means the reps' quarterly targets summed and pro-rated to the horizon.</summary>
    public decimal? Revenue { get; init; }
    /// <summary>Revenue targets over the horizon by region id.</summary>
    public IReadOnlyDictionary<string, decimal> Regions { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Revenue targets over the horizon by team id.</summary>
    public IReadOnlyDictionary<string, decimal> Teams { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>
/// Everything a projection needs: the organisation and behaviour model it starts from, the customer base it
/// already has, the scenario's levers, targets, horizon, number of Monte Carlo paths and the seed.
/// </summary>
public sealed record ProjectionRequest
{
    /// <summary>Regions, teams, reps and campaigns.</summary>
    public required Organisation Organisation { get; init; }
    /// <summary>The behaviour model's parameters the workspace runs on.</summary>
    public BehaviourParameters Parameters { get; init; } = BehaviourParameters.Default;
    /// <summary>Customers the organisation already has when the projection starts.</summary>
    public int ExistingCustomers { get; init; }
    /// <summary>Open opportunities in flight when the projection starts (they close over the first weeks).</summary>
    public int OpenOpportunities { get; init; }
    /// <summary>Qualified leads in flight that have no opportunity yet.</summary>
    public int OpenQualified { get; init; }
    /// <summary>When the projection starts (only names the weeks; the model has no seasonality).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    /// <summary>The scenario's changes against the baseline.</summary>
    public ProjectionLevers Levers { get; init; } = ProjectionLevers.None;
    /// <summary>The plan the reps' current incentive levels reflect.</summary>
    public IncentivePlan CurrentPlan { get; init; } = IncentivePlan.Current;
    /// <summary>Targets to compute the probability of reaching.</summary>
    public ProjectionTargets Targets { get; init; } = new();
    /// <summary>Horizon in weeks, 1..104.</summary>
    public int Weeks { get; init; } = 26;
    /// <summary>Monte Carlo paths, 100..20000 (every path's weekly figures are kept for the percentiles: 20000 x 104 weeks is about 80 MB).</summary>
    public int Paths { get; init; } = 2000;
    /// <summary>Seed of every draw: the same request always gives the same result, on any number of cores.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>
    /// Synthetic effective leads walked through the journey planner to measure the funnel's rates and delays
    /// (junk leads and existing customers get a fixed share of this). More is more precise and slower.
    /// </summary>
    public int CalibrationLeads { get; init; } = 16_000;

    /// <summary>The first thing wrong with the request, or null.</summary>
    public string? Validate() =>
        Organisation is null ? "organisation is required"
        : Organisation.Teams.Sum(t => t.Reps.Count) == 0 ? "the organisation has no reps"
        : Organisation.Campaigns.FirstOrDefault(c => !Parameters.Channels.ContainsKey(c.Channel)) is { } c
            ? $"campaign {c.Id}: no lead quality is defined for channel {c.Channel}"
        : Weeks is < 1 or > 104 ? $"weeks must be between 1 and 104 (was {Weeks})"
        : Paths is < 100 or > 20_000 ? $"paths must be between 100 and 20000 (was {Paths})"
        : OpenOpportunities is < 0 or > 1_000_000 ? $"openOpportunities must be between 0 and 1000000 (was {OpenOpportunities})"
        : OpenQualified is < 0 or > 1_000_000 ? $"openQualified must be between 0 and 1000000 (was {OpenQualified})"
        : ExistingCustomers is < 0 or > 1_000_000 ? $"existingCustomers must be between 0 and 1000000 (was {ExistingCustomers})"
        : CalibrationLeads is < 1000 or > 200_000 ? $"calibrationLeads must be between 1000 and 200000 (was {CalibrationLeads})"
        : Targets is null ? "targets must not be null"
        : Targets.Revenue is < 0 ? $"targets.revenue must not be negative (was {Targets.Revenue})"
        : Targets.Regions?.Keys.FirstOrDefault(r => Organisation.Regions.All(x => x.Id != r)) is { } region ? $"targets.regions: unknown region {region}"
        : Targets.Teams?.Keys.FirstOrDefault(t => Organisation.Teams.All(x => x.Id != t)) is { } team ? $"targets.teams: unknown team {team}"
        : Levers is null ? "levers must not be null"
        : Levers.Validate(Weeks);
}
