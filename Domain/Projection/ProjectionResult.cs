namespace Growth.Domain.Projection;

/// <summary>A distribution over Monte Carlo paths: mean and the 10th, 50th and 90th percentiles.</summary>
public sealed record Band(double Mean, double P10, double P50, double P90);

/// <summary>One week's distribution of every projected figure.</summary>
/// <param name="Week">0-based week of the horizon.</param>
/// <param name="Start">When the week begins.</param>
/// <param name="Revenue">Revenue booked in the week (new deals and repurchases).</param>
/// <param name="CumulativeRevenue">Revenue booked from the start to the end of the week.</param>
/// <param name="CumulativeTarget">The company target pro-rated to the end of the week.</param>
/// <param name="Cash">Cash collected in the week.</param>
/// <param name="NewCustomers">Deals won in the week.</param>
/// <param name="Repurchases">Repurchase orders in the week.</param>
public sealed record ProjectedWeek(int Week, DateTimeOffset Start, Band Revenue, Band CumulativeRevenue, decimal CumulativeTarget,
    Band Cash, Band NewCustomers, Band Repurchases);

/// <summary>The chance a target is reached over the horizon.</summary>
public sealed record TargetOdds(string Id, decimal Target, Band Projected, double Probability);

/// <summary>What the scenario costs over the horizon.</summary>
/// <param name="Incentive">Commission, accelerator, bonus and spiffs paid (a distribution: it depends on what is sold).</param>
/// <param name="Marketing">Campaign spend.</param>
/// <param name="Hires">Cost of the reps hired.</param>
public sealed record ProjectedCost(Band Incentive, decimal Marketing, decimal Hires)
{
    /// <summary>Mean total cost.</summary>
    public double Total => Incentive.Mean + (double)Marketing + (double)Hires;
}

/// <summary>
/// The revenue formula's factors over the horizon (path means):
/// revenue = (effective leads x lead conversion + existing customers) x repurchase count x average order value.
/// </summary>
public sealed record ProjectedFactors(double EffectiveLeads, double LeadConversion, double ExistingCustomers, double RepurchaseCount, double AverageOrderValue);

/// <summary>A projection of one scenario: week-by-week bands, totals, odds of reaching the targets, costs and formula factors.</summary>
public sealed record ProjectionResult
{
    public required int Weeks { get; init; }
    public required int Paths { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<ProjectedWeek> Timeline { get; init; }
    /// <summary>Revenue over the whole horizon.</summary>
    public required Band Revenue { get; init; }
    /// <summary>Mean weekly revenue (revenue over the horizon / weeks), as a distribution.</summary>
    public required Band WeeklyRevenue { get; init; }
    public required Band Cash { get; init; }
    public required Band NewCustomers { get; init; }
    public required Band Repurchases { get; init; }
    /// <summary>The company target and the chance of reaching it.</summary>
    public required TargetOdds Company { get; init; }
    public required IReadOnlyList<TargetOdds> Regions { get; init; }
    public required IReadOnlyList<TargetOdds> Teams { get; init; }
    public required ProjectedCost Cost { get; init; }
    public required ProjectedFactors Factors { get; init; }
    /// <summary>Reps at the end of the horizon, and their average open leads against capacity (above 1 slows first contact).</summary>
    public required int Headcount { get; init; }
    public required double LoadRatio { get; init; }
}
