using System.Globalization;
using Growth.Domain.Simulation;

namespace Growth.Domain.LongRun;

/// <summary>
/// What keeps a company from compounding without limit over years: a market that is used up, customers who leave,
/// reps who leave and are replaced (and ramp again), and quotas set again each fiscal year from the plan. Every one is a
/// named assumption with a unit and a source (<see cref="Catalogue"/>).
/// </summary>
public sealed record LongRunAssumptions
{
    /// <summary>Accounts that could ever buy, per region (the segment the simulation routes leads by). Assumed.</summary>
    public double MarketAccountsPerRegion { get; init; } = 3000;
    /// <summary>Yearly growth of each region's market (new accounts). Assumed.</summary>
    public double MarketGrowth { get; init; } = 0.03;
    /// <summary>Share of customers who leave within a year when customers are not graded (graded: grade B's churn). Assumed.</summary>
    public double AnnualCustomerChurn { get; init; } = 0.15;
    /// <summary>Mean years a rep stays (exponential tenure): 1.5 after the Bridge Group's 2018 report.</summary>
    public double RepTenureYears { get; init; } = 1.5;
    /// <summary>Days a seat stays empty between a rep leaving and the new hire starting. Assumed.</summary>
    public double VacancyDays { get; init; } = 60;
    /// <summary>Next fiscal year's plan: last year's revenue × (1 + this) (the suggestion from history, <c>targets.growth</c>).</summary>
    public double PlanGrowth { get; init; } = Quotas.CapacityAssumptions.DefaultGrowth;

    public static LongRunAssumptions Default { get; } = new();

    /// <summary>Bridge Group's tenure as cited by Xactly (2019).</summary>
    public const string TenureSource =
        "study: The Bridge Group, SaaS AE report 2018 (average tenure 1.5 years), cited in Xactly, \"6 Sales Turnover Statistics You Need to Know\", 2019";

    /// <summary>These assumptions as the assumptions catalogue lists them.</summary>
    public IEnumerable<Assumption> Catalogue()
    {
        yield return new("Long run", "longRun.marketAccountsPerRegion", "Market per region", N(MarketAccountsPerRegion), "accounts",
            "leads arrive in a region as if (1 − customers ÷ market) of it were still open: a used-up market brings fewer leads", "assumed");
        yield return new("Long run", "longRun.marketGrowth", "Market growth", N(MarketGrowth), "share a year",
            "new accounts join each region's market every year", "assumed");
        yield return new("Long run", "longRun.annualCustomerChurn", "Customer churn", N(AnnualCustomerChurn), "share leaving a year",
            "customers leave at this constant rate when the setup does not grade them (graded: grade B's churn)", "assumed");
        yield return new("Long run", "longRun.repTenureYears", "Rep tenure", N(RepTenureYears), "years (mean)",
            "reps leave at random with this mean tenure; the seat is filled again and the new rep ramps up", TenureSource);
        yield return new("Long run", "longRun.vacancyDays", "Seat vacancy", N(VacancyDays), "days",
            "a seat stays empty this long between a rep leaving and the next starting", "assumed");
        yield return new("Long run", "longRun.planGrowth", "Yearly plan", N(PlanGrowth), "share",
            "each fiscal year's quotas: last year's revenue × (1 + this), shared by the seats' ramped capacity", "assumed (targets.growth)");
    }

    static string N(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
