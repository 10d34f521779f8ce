namespace Growth.Domain.Simulation;

/// <summary>
/// Grade of an existing customer, value × activity: A high value and active, B lower value but active, C high value
/// but lapsed, D lower value and lapsed. It sets how often the company checks in with the customer (retention effort)
/// and how likely the customer is to leave (churn hazard).
/// </summary>
public enum CustomerGrade { A, B, C, D }

/// <summary>Retention effort and churn hazard of one customer grade.</summary>
/// <param name="CheckInDays">Days between retention check-ins (account reviews): the retention effort (assumed defaults).</param>
/// <param name="AnnualChurn">Share of the grade's customers who leave within a year, whatever their satisfaction (assumed defaults).</param>
public sealed record CustomerGradeRule(CustomerGrade Grade, double CheckInDays, double AnnualChurn)
{
    /// <summary>Mean days to leaving at this grade's constant hazard (−ln(1 − annual churn) a year); null: never.</summary>
    public double? MeanDaysToLeave => AnnualChurn <= 0 ? null : 365 / -Math.Log(1 - Math.Min(AnnualChurn, 0.999_999));

    /// <summary>Chance a customer of this grade leaves within <paramref name="days"/>: 1 − (1 − annual churn)^(days / 365), a constant hazard.</summary>
    public double ChurnWithin(double days) =>
        days <= 0 || AnnualChurn <= 0 ? 0 : 1 - Math.Pow(1 - Math.Min(AnnualChurn, 0.999_999), days / 365.0);
}

/// <summary>
/// The customer-grade rule as the simulation runs it (source: the setup's <c>rules.customers</c>). A customer is graded
/// when they become one, after each purchase and at each check-in (the grade's cadence); while they hold a grade they
/// leave at its constant hazard (a time drawn again at each change of grade, exact because the hazard is memoryless).
/// </summary>
/// <param name="HighValue">Lifetime value (orders signed, or for an existing customer their typical order) from which a customer is high value.</param>
/// <param name="ActiveDays">Days since the last purchase within which a customer counts as active.</param>
public sealed record CustomerRules(decimal HighValue, double ActiveDays, IReadOnlyList<CustomerGradeRule> Grades)
{
    /// <summary>High value from the list price (assumed): about the upper half of customers by what they have bought.</summary>
    public const double HighValueOfListPrice = 1;
    /// <summary>Active: bought within 180 days (assumed: two quarters, four times a fully satisfied customer's mean repurchase interval of 45 days).</summary>
    public const double DefaultActiveDays = 180;

    /// <summary>
    /// Defaults (assumed): the better the grade, the more often the company checks in and the fewer leave. A's 8 % a year
    /// to D's 40 % brackets the 10–15 % a year often quoted for business customers (assumed, no single study).
    /// </summary>
    public static IReadOnlyList<CustomerGradeRule> DefaultGrades { get; } =
    [
        new(CustomerGrade.A, 30, 0.08),
        new(CustomerGrade.B, 60, 0.15),
        new(CustomerGrade.C, 45, 0.25),
        new(CustomerGrade.D, 120, 0.40),
    ];

    public static CustomerRules For(decimal listPrice) =>
        new(Math.Round(listPrice * (decimal)HighValueOfListPrice, 0), DefaultActiveDays, DefaultGrades);

    public CustomerGradeRule RuleOf(CustomerGrade grade) =>
        Grades.FirstOrDefault(g => g.Grade == grade) ?? DefaultGrades[(int)grade];

    /// <summary>The grade of a customer with this lifetime value whose last purchase was <paramref name="daysSincePurchase"/> ago.</summary>
    public CustomerGrade GradeOf(decimal lifetimeValue, double daysSincePurchase)
    {
        var high = lifetimeValue >= HighValue;
        var active = daysSincePurchase <= ActiveDays;
        return (high, active) switch
        {
            (true, true) => CustomerGrade.A,
            (false, true) => CustomerGrade.B,
            (true, false) => CustomerGrade.C,
            _ => CustomerGrade.D,
        };
    }
}
