namespace Growth.Domain.Setup;

/// <summary>A fiscal period [Start, End) in UTC, with its name ("FY2027-Q1", "FY2027-M03", or a period the company named).</summary>
public sealed record FiscalPeriod(string Name, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The company's fiscal calendar: fiscal years starting in the setup's month (named by the calendar year they end
/// in), their quarters and months, or the periods the company named itself; days counted in the company's time zone.
/// </summary>
public sealed class FiscalCalendar(CompanySetup company)
{
    public static FiscalCalendar Default { get; } = new(new CompanySetup());

    public CompanySetup Company { get; } = company;

    public FiscalPeriod QuarterOf(DateTimeOffset at) => throw new NotImplementedException();

    public FiscalPeriod MonthOf(DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>The period with this name, or null if the calendar has none.</summary>
    public FiscalPeriod? Find(string name) => throw new NotImplementedException();
}
