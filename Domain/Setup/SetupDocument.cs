namespace Growth.Domain.Setup;

/// <summary>
/// A workspace's own company as data: who sells, what they sell at what price, where leads come from, what the
/// targets are and how customers pay. Every part has defaults, so an empty document still runs. Versioned by the
/// workspace's setup grain; edited on the Setup page, through the API, or as a YAML/JSON file.
/// </summary>
public sealed record SetupDocument
{
    public CompanySetup Company { get; init; } = new();
    public OrganisationSetup Organisation { get; init; } = new();
    public CatalogueSetup Catalogue { get; init; } = new();
    public ChannelsSetup Channels { get; init; } = new();
    public TargetsSetup Targets { get; init; } = new();
    public PaymentTermsSetup PaymentTerms { get; init; } = new();
    /// <summary>How the reps are paid (none given: today's flat 8 % plan for everyone).</summary>
    public CompensationSetup Compensation { get; init; } = new();
    /// <summary>How leads are worked: first-contact deadline, returns to the pool, intent grades (none given: the defaults).</summary>
    public RulesSetup Rules { get; init; } = new();
}

/// <summary>The company itself: name, money, calendar and working time.</summary>
public sealed record CompanySetup
{
    public string Name { get; init; } = "Your company";
    /// <summary>What kind of company it is: sets the sales cycle (see <see cref="Simulation.SalesCycles"/>).</summary>
    public Simulation.CompanyKind Kind { get; init; } = Simulation.CompanyKind.General;
    public CurrencySetup Currency { get; init; } = new();
    /// <summary>Month (1..12) the fiscal year starts in; a fiscal year is named by the calendar year it ends in.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;
    /// <summary>IANA or Windows time zone id the company's days and periods are counted in.</summary>
    public string TimeZone { get; init; } = "UTC";
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    /// <summary>Start and end of the working day, local time ("09:00").</summary>
    public string WorkdayStart { get; init; } = "09:00";
    public string WorkdayEnd { get; init; } = "18:00";
    /// <summary>
    /// Fiscal periods the company names itself (a 4-4-5 calendar, say); empty means quarters and months counted
    /// from <see cref="FiscalYearStartMonth"/>. Named periods may not overlap.
    /// </summary>
    public IReadOnlyList<FiscalPeriodSetup> FiscalPeriods { get; init; } = [];
}

/// <summary>The money the company counts in: ISO 4217 code, the symbol shown, and the culture numbers are written in.</summary>
public sealed record CurrencySetup
{
    public string Code { get; init; } = "USD";
    public string Symbol { get; init; } = "$";
    /// <summary>Culture name for number formats ("en-US", "zh-CN", "de-DE").</summary>
    public string Culture { get; init; } = "en-US";
}

/// <summary>A named fiscal period [Start, End] (both dates inclusive).</summary>
public sealed record FiscalPeriodSetup
{
    public string Name { get; init; } = "";
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
}

/// <summary>How customers pay: invoice terms and how reliably they are met.</summary>
public sealed record PaymentTermsSetup
{
    /// <summary>Days from invoice to due date.</summary>
    public int Days { get; init; } = 30;
    /// <summary>Share of the order paid up front, 0..1.</summary>
    public double Deposit { get; init; }
    /// <summary>Share of invoices paid on time, 0..1 (source: assumed; an import measures it).</summary>
    public double OnTimeShare { get; init; } = 0.75;
    /// <summary>Share of overdue invoices paid eventually, 0..1 (assumed).</summary>
    public double LateCollectedShare { get; init; } = 0.8;
    /// <summary>Mean days an overdue invoice stays unpaid before it is paid late (assumed).</summary>
    public double DaysLate { get; init; } = 20;
}
