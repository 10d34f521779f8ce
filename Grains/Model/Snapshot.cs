namespace Growth.Grains.Model;

/// <summary>One workspace's figures at one moment: the contract other parts (dashboard, API) read.</summary>
public sealed record WorkspaceSnapshot
{
    public required string Workspace { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    /// <summary>Grows by one each time the figures change.</summary>
    public long Version { get; init; }
    public required IReadOnlyList<FunnelStageFigures> Funnel { get; init; }
    public required DealFigures Deals { get; init; }
    public required RevenueFigures Revenue { get; init; }
    public required LifecycleFigures Lifecycle { get; init; }
    public required ReceivableFigures Receivables { get; init; }
    public required IReadOnlyList<GroupFigures> Regions { get; init; }
    public required IReadOnlyList<GroupFigures> Teams { get; init; }
    public required IReadOnlyList<GroupFigures> Reps { get; init; }
    public required IReadOnlyList<CampaignFigures> Campaigns { get; init; }
    /// <summary>Journeys known to the workspace.</summary>
    public long Journeys { get; init; }
    /// <summary>Average hours from lead creation to first contact.</summary>
    public double AverageHoursToFirstContact { get; init; }
}

public sealed record FunnelStageFigures(FunnelStage Stage, long Entered, long Current, double ConversionToNext);

public sealed record DealFigures(long Won, long Lost, long Open, double WinRate, decimal WonValue, decimal AverageWonValue, double AverageDaysToClose);

/// <summary>
/// The performance formula, factor by factor:
/// total = (effectiveLeads x leadConversion + existingCustomers) x repurchaseCount x averageOrderValue.
/// </summary>
public sealed record RevenueFigures
{
    public decimal Total { get; init; }
    public long EffectiveLeads { get; init; }
    /// <summary>New customers per effective lead.</summary>
    public double LeadConversion { get; init; }
    public long ExistingCustomers { get; init; }
    /// <summary>Orders per customer: the repurchase factor of the formula.</summary>
    public double RepurchaseCount { get; init; }
    public decimal AverageOrderValue { get; init; }
    public long Customers { get; init; }
    public long NewCustomers { get; init; }
    public long Orders { get; init; }
    /// <summary>Orders beyond a customer's first.</summary>
    public long Repurchases { get; init; }
}

public sealed record LifecycleFigures(long Acquired, long Activated, long Retained, long Upsold, long Referred, long Churned)
{
    /// <summary>Referral leads created by customers.</summary>
    public long Referrals { get; init; }
}

public sealed record ReceivableFigures(decimal Collected, decimal Outstanding, decimal Overdue)
{
    public decimal Billed { get; init; }
    public decimal Refunded { get; init; }
}

/// <summary>A region, team or rep row.</summary>
public record GroupFigures
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The enclosing group (team's region, rep's team), if any.</summary>
    public string? ParentId { get; init; }
    public long Won { get; init; }
    public long Lost { get; init; }
    public long Open { get; init; }
    public double WinRate { get; init; }
    public decimal WonValue { get; init; }
    public decimal AverageWonValue { get; init; }
    public double AverageDaysToClose { get; init; }
    public long Leads { get; init; }
    public decimal Revenue { get; init; }
}

/// <summary>A campaign row: the deal figures of the customers it brought, and what it cost.</summary>
public sealed record CampaignFigures : GroupFigures
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public CampaignFigures(GroupFigures row) : base(row) { }

    public Channel? Channel { get; init; }
    public decimal Spend { get; init; }
    public long Touches { get; init; }
    public long EffectiveLeads { get; init; }
    public decimal CostPerEffectiveLead { get; init; }
    /// <summary>Revenue from customers the campaign brought in, repurchases included (same as <see cref="GroupFigures.Revenue"/>).</summary>
    public decimal AttributedRevenue { get; init; }
    /// <summary>(attributed revenue - spend) / spend.</summary>
    public double Roi { get; init; }
}
