namespace Growth.Domain.Import;

/// <summary>A pipeline row read and checked, ready to become a journey.</summary>
internal sealed record Opportunity
{
    public required int Row { get; init; }
    public required string Id { get; init; }
    public required CrmDealStage Stage { get; init; }
    /// <summary>The step an open deal is working on, or a lost deal was lost at, when the export says; null: unknown.</summary>
    public Journeys.ConversationStep? Step { get; init; }
    /// <summary>Why a lost deal was lost, when the export says.</summary>
    public string? LostReason { get; init; }
    /// <summary>Engage date; null only for a prospect that has none.</summary>
    public DateTimeOffset? EngagedAt { get; init; }
    /// <summary>Close date of a won or lost deal.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>Value when the opportunity opened: the product's list price.</summary>
    public decimal OpportunityValue { get; init; }
    /// <summary>Value of a won deal: its close value; 0 when the export has none (value unknown).</summary>
    public decimal WonValue { get; init; }
    /// <summary>Rep, team and region of the agent; null when the row names no agent.</summary>
    public RepPlacement? Placement { get; init; }
    public required IReadOnlyList<ImportIssue> FixUps { get; init; }
    /// <summary>The lead's campaign (its origin) and channel, for a deal of a leads export.</summary>
    public string? CampaignId { get; init; }
    public Journeys.Channel? Channel { get; init; }
    /// <summary>The account (company) and contact person the row names; null: the export has no such column or the cell is empty.</summary>
    public string? Company { get; init; }
    public string? Contact { get; init; }

    /// <summary>Dates the row carries, for placing undated prospects.</summary>
    public IEnumerable<DateTimeOffset> Dates => new[] { EngagedAt, ClosedAt }.OfType<DateTimeOffset>();
}
