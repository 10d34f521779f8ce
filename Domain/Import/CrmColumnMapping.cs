namespace Growth.Domain.Import;

/// <summary>
/// Which column of a CRM export holds what: the pipeline (one row per opportunity), the sales teams
/// (agent, manager, office) and the product price list. Header names are matched ignoring case and
/// surrounding whitespace. <see cref="Maven"/> is the preset for the Maven Analytics CRM sample.
/// </summary>
public sealed record CrmColumnMapping
{
    /// <summary>File name of the pipeline export, used by <see cref="CrmImport.ReadFolder"/>.</summary>
    public required string PipelineFile { get; init; }
    public required string OpportunityId { get; init; }
    public required string Agent { get; init; }
    public required string Product { get; init; }
    public required string Account { get; init; }
    /// <summary>Deal stage: Prospecting, Engaging, Won or Lost.</summary>
    public required string Stage { get; init; }
    public required string EngageDate { get; init; }
    public required string CloseDate { get; init; }
    public required string CloseValue { get; init; }
    /// <summary>
    /// Format of the engage dates: "day-first" or "month-first" (<see cref="DateColumns.FormatNames"/>); null to detect it
    /// from the column's values (<see cref="DateColumns.Detect"/>; "detect" says the same). Needed only when no row decides it.
    /// The Maven preset names month-first, as the sample is written.
    /// </summary>
    public string? EngageDateFormat { get; init; }
    /// <summary>Format of the close dates, as <see cref="EngageDateFormat"/>.</summary>
    public string? CloseDateFormat { get; init; }

    /// <summary>File name of the sales teams export.</summary>
    public required string TeamsFile { get; init; }
    public required string TeamAgent { get; init; }
    public required string TeamManager { get; init; }
    public required string TeamOffice { get; init; }

    /// <summary>File name of the product price list.</summary>
    public required string ProductsFile { get; init; }
    public required string ProductName { get; init; }
    public required string ProductSeries { get; init; }
    public required string ProductPrice { get; init; }

    /// <summary>The Maven Analytics "CRM + Sales Opportunities" sample.</summary>
    public static CrmColumnMapping Maven { get; } = new()
    {
        PipelineFile = "sales_pipeline.csv",
        OpportunityId = "opportunity_id",
        Agent = "sales_agent",
        Product = "product",
        Account = "account",
        Stage = "deal_stage",
        EngageDate = "engage_date",
        CloseDate = "close_date",
        CloseValue = "close_value",
        EngageDateFormat = "month-first",
        CloseDateFormat = "month-first",
        TeamsFile = "sales_teams.csv",
        TeamAgent = "sales_agent",
        TeamManager = "manager",
        TeamOffice = "regional_office",
        ProductsFile = "products.csv",
        ProductName = "product",
        ProductSeries = "series",
        ProductPrice = "sales_price",
    };

    internal IReadOnlyList<string> PipelineColumns =>
        [OpportunityId, Agent, Product, Account, Stage, EngageDate, CloseDate, CloseValue];

    internal IReadOnlyList<string> TeamColumns => [TeamAgent, TeamManager, TeamOffice];

    internal IReadOnlyList<string> ProductColumns => [ProductName, ProductSeries, ProductPrice];
}
