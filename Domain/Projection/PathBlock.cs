namespace Growth.Domain.Projection;

/// <summary>The figures of a run of consecutive paths: per path and week, and per path totals.</summary>
public sealed class PathBlock
{
    public required int FirstPath { get; init; }
    public required int Count { get; init; }
    /// <summary>Per path then week (path * weeks + week).</summary>
    public required double[] Revenue { get; init; }
    public required double[] Cash { get; init; }
    public required double[] NewCustomers { get; init; }
    public required double[] Repurchases { get; init; }
    /// <summary>Per path totals over the horizon.</summary>
    public required double[] WonRevenue { get; init; }
    public required double[] RepurchaseRevenueNew { get; init; }
    public required double[] RepurchaseRevenueExisting { get; init; }
    public required double[] Wins { get; init; }
    public required double[] Qualified { get; init; }
}
