namespace Growth.Domain.Import;

/// <summary>
/// Mappings for widely used CRM export layouts, each with its real column names and default stage names (sources:
/// each vendor's export of its standard deal or opportunity object, default pipeline; see README "Import presets").
/// CRM exports have no teams or products file: reps come from the owner column, deals are valued at their amount.
/// </summary>
public static class CrmPresets
{
    /// <summary>HubSpot: Deals view, Export (CSV), default "Sales Pipeline". Dates are written yyyy-MM-dd HH:mm.</summary>
    public static CrmColumnMapping HubSpot { get; } = CrmExport("hubspot", "hubspot-deals.csv") with
    {
        OpportunityId = "Record ID", Agent = "Deal owner", Account = "Associated Company", Stage = "Deal Stage",
        EngageDate = "Create Date", CloseDate = "Close Date", CloseValue = "Amount", OpportunityValue = "Amount",
        StageMap = "Appointment Scheduled=Opening; Qualified To Buy=Rapport; Presentation Scheduled=Topic; " +
            "Decision Maker Bought-In=TrialClose; Contract Sent=Close; Closed Won=Won; Closed Lost=Lost",
    };

    /// <summary>
    /// Salesforce: an Opportunities report exported as CSV (details only), with the Opportunity ID column added; the
    /// standard stage picklist. Dates as an en_US user writes them (M/d/yyyy), amounts with a currency symbol.
    /// </summary>
    public static CrmColumnMapping Salesforce { get; } = CrmExport("salesforce", "salesforce-opportunities.csv") with
    {
        OpportunityId = "Opportunity ID", Agent = "Opportunity Owner", Account = "Account Name", Stage = "Stage",
        EngageDate = "Created Date", CloseDate = "Close Date", CloseValue = "Amount", OpportunityValue = "Amount",
        EngageDateFormat = "month-first", CloseDateFormat = "month-first",
        StageMap = "Prospecting=Opening; Qualification=Rapport; Needs Analysis=Topic; Value Proposition=Topic; " +
            "Id. Decision Makers=TrialClose; Perception Analysis=TrialClose; Proposal/Price Quote=TrialClose; " +
            "Negotiation/Review=ObjectionHandling; Closed Won=Won; Closed Lost=Lost",
    };

    /// <summary>
    /// Pipedrive: Deals list, Export (CSV). The status column (open, won, lost) decides the outcome, the stage gives the
    /// step an open or lost deal was at; won and lost times are separate columns, as is the lost reason.
    /// </summary>
    public static CrmColumnMapping Pipedrive { get; } = CrmExport("pipedrive", "pipedrive-deals.csv") with
    {
        OpportunityId = "Deal - ID", Agent = "Deal - Owner", Account = "Deal - Organization", Stage = "Deal - Stage",
        Status = "Deal - Status", EngageDate = "Deal - Deal created", CloseDate = "Deal - Won time", LostDate = "Deal - Lost time",
        LostReason = "Deal - Lost reason", CloseValue = "Deal - Value", OpportunityValue = "Deal - Value",
        StageMap = "Qualified=Opening; Contact Made=Rapport; Demo Scheduled=Topic; Proposal Made=TrialClose; Negotiations Started=ObjectionHandling",
    };

    /// <summary>
    /// A marketing-funnel export in two files (the Olist marketing funnel's layout): leads (<c>mql_id</c>,
    /// <c>first_contact_date</c>, <c>origin</c>) and won deals referencing them (<c>mql_id</c>, the sales rep
    /// <c>sr_id</c>, <c>won_date</c>, <c>declared_monthly_revenue</c>); no stage (every deal is won), no teams or
    /// products. Dates are detected (day-first <c>26-02-2018 19:58</c> as re-saved by a European spreadsheet). Origins
    /// to channels (assumed, by what each origin pays for): paid search, display and other publicities are Ads;
    /// organic search, social and e-mail are Content; direct traffic is Brand; referral is Referral; other and unknown
    /// have none.
    /// </summary>
    public static CrmColumnMapping LeadsAndDeals { get; } = CrmExport("leads-deals", "closed_deals.csv") with
    {
        LeadsFile = "leads.csv", LeadId = "mql_id", LeadCreated = "first_contact_date", LeadOrigin = "origin",
        OpportunityId = "mql_id", Agent = "sr_id", CloseDate = "won_date",
        CloseValue = "declared_monthly_revenue", OpportunityValue = "declared_monthly_revenue",
        OriginChannels = "paid_search=Ads; display=Ads; other_publicities=Ads; organic_search=Content; social=Content; " +
            "email=Content; direct_traffic=Brand; referral=Referral",
    };

    /// <summary>Every preset, the Maven sample's first.</summary>
    public static IReadOnlyList<CrmColumnMapping> All { get; } = [CrmColumnMapping.Maven, HubSpot, Salesforce, Pipedrive, LeadsAndDeals];

    /// <summary>The preset of this name (ignoring case); null if none.</summary>
    public static CrmColumnMapping? Named(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Preset, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The preset whose pipeline columns a file's header has, all of them (ignoring case and surrounding spaces); when
    /// several fit, the one with the most columns. Null when none fits.
    /// </summary>
    public static CrmColumnMapping? Detect(IEnumerable<string> header)
    {
        var columns = header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return All.Where(p => p.PipelineColumns.All(columns.Contains)).MaxBy(p => p.PipelineColumns.Count);
    }

    /// <summary>A CRM's single deals file: no teams file, no price list, no product column.</summary>
    static CrmColumnMapping CrmExport(string name, string file) => new()
    {
        Preset = name, PipelineFile = file,
        OpportunityId = "", Agent = "", Product = "", Account = "", Stage = "", EngageDate = "", CloseDate = "", CloseValue = "",
        TeamsFile = null, TeamAgent = "", TeamManager = "", TeamOffice = "",
        ProductsFile = null, ProductName = "", ProductSeries = "", ProductPrice = "",
    };
}
