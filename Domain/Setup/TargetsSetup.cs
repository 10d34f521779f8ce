namespace Growth.Domain.Setup;

/// <summary>How a company target is split over regions, teams and reps when they have none of their own.</summary>
public enum TargetAllocation
{
    /// <summary>In proportion to the reps' capacity.</summary>
    ByCapacity,
    /// <summary>In proportion to revenue won in the previous period (even where there is no history).</summary>
    ByHistory,
    /// <summary>The same for every rep.</summary>
    Even,
    /// <summary>
    /// In proportion to the reps' quotas: a target that equals the sum of the quotas below it gives every rep exactly
    /// their quota (an imported setup's default, whose company target is the reps' run rate).
    /// </summary>
    ByQuota,
}

/// <summary>Who a target is for.</summary>
public enum TargetLevel { Company, Region, Team, Rep }

/// <summary>Revenue targets per fiscal period, top-down beside the bottom-up sum of rep quotas.</summary>
public sealed record TargetsSetup
{
    public TargetAllocation Allocation { get; init; } = TargetAllocation.ByCapacity;
    public IReadOnlyList<TargetSetup> Targets { get; init; } = [];
}

/// <summary>
/// One target: a level, the id at that level (none for the company), a fiscal period ("FY2027-Q1", "FY2027-M03",
/// or the name of a period the company defined) and the amount.
/// </summary>
public sealed record TargetSetup
{
    public TargetLevel Level { get; init; } = TargetLevel.Company;
    public string? Id { get; init; }
    public string Period { get; init; } = "";
    public decimal Amount { get; init; }
}
