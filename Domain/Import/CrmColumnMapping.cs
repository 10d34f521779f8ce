namespace Growth.Domain.Import;

/// <summary>
/// Which column of a CRM export holds what: the pipeline (one row per opportunity), the sales teams
/// (agent, manager, office) and the product price list. Header names are matched ignoring case and
/// surrounding whitespace. <see cref="Maven"/> is the preset for the Maven Analytics CRM sample; <see cref="CrmPresets"/>
/// has the others. A column named "" is not in the export (<see cref="Product"/>, <see cref="Account"/>); a file named
/// null is not part of it (<see cref="TeamsFile"/>: reps come from the owner column; <see cref="ProductsFile"/>: no price list).
/// </summary>
public sealed partial record CrmColumnMapping
{
    /// <summary>The preset's name ("maven", "hubspot", ...); null for a mapping made by hand.</summary>
    public string? Preset { get; init; }
    /// <summary>File name of the pipeline export, used by <see cref="CrmImport.ReadFolder"/>.</summary>
    public required string PipelineFile { get; init; }
    public required string OpportunityId { get; init; }
    public required string Agent { get; init; }
    public required string Product { get; init; }
    public required string Account { get; init; }
    /// <summary>Deal stage: Prospecting, Engaging, Won or Lost, or the export's own names as <see cref="StageMap"/> maps them.</summary>
    public required string Stage { get; init; }
    /// <summary>
    /// The export's stage names and what each is in Growth, "name=target; name=target": target Won, Lost, Prospecting,
    /// Engaging (open, step unknown) or a conversation step (open at that step: Opening, Rapport, Topic, TrialClose,
    /// ObjectionHandling, Close). Null: the names Prospecting, Engaging, Won and Lost. A name not in the map rejects its row.
    /// </summary>
    public string? StageMap { get; init; }
    /// <summary>
    /// A status column (won, lost, open) that decides the outcome, when the export keeps it apart from the stage
    /// (Pipedrive); the stage then gives the step an open or lost deal was at. Null: the stage decides.
    /// </summary>
    public string? Status { get; init; }
    /// <summary>Column of the lost deals' close date when the export keeps it apart (Pipedrive's lost time); null: <see cref="CloseDate"/>.</summary>
    public string? LostDate { get; init; }
    /// <summary>
    /// Column of the deal's contact person, if the export has one (the record lists show it as the customer's name; with
    /// none they show the <see cref="Account"/>, else the opportunity id). Null: none (no preset names one).
    /// </summary>
    public string? Contact { get; init; }
    /// <summary>Column of the reason a deal was lost, if the export has one.</summary>
    public string? LostReason { get; init; }
    /// <summary>
    /// Column that values every deal when it opens (a CRM's amount); null: the product's list price. A won deal is
    /// worth <see cref="CloseValue"/> (the same column in CRM presets).
    /// </summary>
    public string? OpportunityValue { get; init; }
    /// <summary>
    /// Culture the amounts are written in ("de-DE": 1.054,50), so thousands separators and decimal marks are read as the
    /// workspace writes them; null: a decimal point and comma thousands ("1,054.50"). Currency symbols and ISO codes are ignored.
    /// </summary>
    public string? AmountCulture { get; init; }
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

    /// <summary>
    /// File name of a leads export (one row per lead: id, first-contact date, origin), when the deals come apart from
    /// their leads; null: none. The pipeline's <see cref="OpportunityId"/> then holds the lead's id (a deal references its
    /// lead), its engage date is the lead's first contact (<see cref="EngageDate"/> ""), and leads without a deal are
    /// imported as leads. A lead's origin is its campaign, and its channel as <see cref="OriginChannels"/> says.
    /// </summary>
    public string? LeadsFile { get; init; }
    public string LeadId { get; init; } = "";
    public string LeadCreated { get; init; } = "";
    public string LeadOrigin { get; init; } = "";
    /// <summary>Format of the leads' first-contact dates, as <see cref="EngageDateFormat"/>.</summary>
    public string? LeadCreatedFormat { get; init; }
    /// <summary>
    /// "origin=target; ..." where a target is one of the workspace's own campaigns (its id or name in the setup's
    /// channels: the origin's leads join that campaign, on its channel) or a channel its campaigns run on (the origin is a
    /// campaign of its own, on that channel); a workspace whose setup has no campaign takes Growth's channels (Ads,
    /// Events, Content, Incentive, Brand, Referral). See <see cref="OriginTargets"/>. An unknown target refuses the import,
    /// naming it; an origin not listed is a campaign without a channel (said in a note).
    /// </summary>
    public string? OriginChannels { get; init; }

    /// <summary>File name of the sales teams export; null when the export has none (reps from the agent column, in one team).</summary>
    public string? TeamsFile { get; init; }
    public required string TeamAgent { get; init; }
    public required string TeamManager { get; init; }
    public required string TeamOffice { get; init; }

    /// <summary>File name of the product price list; null when the export has none.</summary>
    public string? ProductsFile { get; init; }
    public required string ProductName { get; init; }
    public required string ProductSeries { get; init; }
    public required string ProductPrice { get; init; }

    /// <summary>The Maven Analytics "CRM + Sales Opportunities" sample.</summary>
    public static CrmColumnMapping Maven { get; } = new()
    {
        Preset = "maven",
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
        new[] { OpportunityId, Agent, Product, Account, Stage, EngageDate, CloseDate, CloseValue, Status, LostDate, LostReason, OpportunityValue, Contact }
            .OfType<string>().Where(c => c.Length > 0).ToArray();

    internal IReadOnlyList<string> LeadColumns => [LeadId, LeadCreated, LeadOrigin];

    internal IReadOnlyList<string> TeamColumns => [TeamAgent, TeamManager, TeamOffice];

    internal IReadOnlyList<string> ProductColumns => [ProductName, ProductSeries, ProductPrice];
}

