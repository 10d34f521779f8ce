namespace Growth.Domain.Figures;

/// <summary>
/// Current customers by customer grade (value × activity, see <see cref="Simulation.CustomerRules"/>): A high value and
/// active, B lower value and active, C high value and lapsed, D lower value and lapsed. All zero when customers are not graded.
/// </summary>
public sealed record CustomerGradeMix
{
    public long A { get; init; }
    public long B { get; init; }
    public long C { get; init; }
    public long D { get; init; }
    public long Graded => A + B + C + D;

    /// <summary>Customers of the grade (by its letter's order, A = 0).</summary>
    public long Of(Simulation.CustomerGrade grade) => grade switch
    {
        Simulation.CustomerGrade.A => A,
        Simulation.CustomerGrade.B => B,
        Simulation.CustomerGrade.C => C,
        _ => D,
    };

    public static CustomerGradeMix Of(Tally t) => new()
    {
        A = t[Count.CustomersGradeA], B = t[Count.CustomersGradeB], C = t[Count.CustomersGradeC], D = t[Count.CustomersGradeD],
    };
}
