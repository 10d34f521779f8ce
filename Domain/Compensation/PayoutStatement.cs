namespace Growth.Domain.Compensation;

/// <summary>What a line of a statement pays for.</summary>
public enum PayoutLineKind { BasePay, Commission, Spiff, TeamBonus, Clawback, Draw, DrawRecovery }

/// <summary>
/// One line of a rep's statement, rounded to cents on its own (the statement is the sum of its lines). A commission
/// line is the part of one deal's credited revenue that fell in one tier; spiff, clawback and recovery lines trace to
/// their deal too.
/// </summary>
/// <param name="Period">The measurement period the line belongs to.</param>
/// <param name="Revenue">The revenue the line is computed on (commission: the part within the tier; clawback: the amount reversed).</param>
/// <param name="Tier">Index of the commission tier (0 = first); null when the line is not commission or the revenue was above the cap.</param>
public sealed record PayoutLine(
    PayoutLineKind Kind,
    string Period,
    decimal Amount,
    string? JourneyId = null,
    DateTimeOffset? At = null,
    decimal Revenue = 0,
    int? Tier = null,
    double Rate = 0,
    string? LedgerEntry = null,
    string? Note = null);

/// <summary>
/// One rep's pay for one measurement period of their plan: target, credited revenue, attainment, the pay by kind
/// and every line. <see cref="Total"/> is exactly the sum of the lines.
/// </summary>
public sealed record PayoutStatement
{
    public required string RepId { get; init; }
    public string RepName { get; init; } = "";
    public string? TeamId { get; init; }
    public string? RegionId { get; init; }
    public required string PlanId { get; init; }
    public required string Period { get; init; }
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    public decimal Target { get; init; }
    public decimal Credited { get; init; }
    /// <summary>Credited over target (1 = 100 %); 0 without a target.</summary>
    public double Attainment { get; init; }
    public decimal OnTargetEarnings { get; init; }
    public decimal BasePay { get; init; }
    public decimal Commission { get; init; }
    public decimal Spiffs { get; init; }
    public decimal Bonus { get; init; }
    /// <summary>Clawbacks (negative or 0).</summary>
    public decimal Clawbacks { get; init; }
    /// <summary>Draw paid (positive) less draw recovered (negative).</summary>
    public decimal Draws { get; init; }
    /// <summary>Draw advanced and not yet recovered after this period.</summary>
    public decimal DrawOutstanding { get; init; }
    public decimal Total { get; init; }
    public IReadOnlyList<PayoutLine> Lines { get; init; } = [];
}

/// <summary>
/// Every rep's statements for a period and the company's figures: <see cref="Total"/> (cost of sales) is exactly the
/// sum of the statements' totals; <see cref="Revenue"/> the revenue credited under the reps' plans.
/// </summary>
public sealed record CompensationReport
{
    public required string Period { get; init; }
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    public IReadOnlyList<PayoutStatement> Statements { get; init; } = [];
    public decimal Total { get; init; }
    /// <summary>Won revenue in the period (booked at the win, whatever the plans' basis).</summary>
    public decimal Revenue { get; init; }
    /// <summary>Total over revenue (0 without revenue).</summary>
    public double PayoutShare => Revenue == 0 ? 0 : (double)(Total / Revenue);
    public decimal Target => Statements.Sum(s => s.Target);
    public decimal Credited => Statements.Sum(s => s.Credited);
}
