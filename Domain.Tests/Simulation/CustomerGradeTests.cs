using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>Customer grades (value × activity) set the retention effort and the churn hazard, in the modelled size (seeded, pure).</summary>
public class CustomerGradeTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly CustomerRules Rules = CustomerRules.For(5000m);
    static readonly BehaviourParameters Graded = BehaviourParameters.Default with
    {
        // Satisfied customers, so the only churn is the grades' hazard.
        ChurnSatisfaction = 0,
        Rules = OperatingRules.Default with { Customers = Rules },
    };

    [Theory]
    [InlineData(12000, 10, CustomerGrade.A)]
    [InlineData(3000, 10, CustomerGrade.B)]
    [InlineData(12000, 400, CustomerGrade.C)]
    [InlineData(3000, 400, CustomerGrade.D)]
    public void A_grade_is_value_times_activity(int value, double days, CustomerGrade expected) =>
        Assert.Equal(expected, Rules.GradeOf(value, days));

    [Fact]
    public void Grade_A_gets_the_most_retention_effort_and_the_lowest_churn()
    {
        var a = Rules.RuleOf(CustomerGrade.A);
        foreach (var other in new[] { CustomerGrade.B, CustomerGrade.C, CustomerGrade.D }.Select(Rules.RuleOf))
        {
            Assert.True(365 / a.CheckInDays > 365 / other.CheckInDays, $"A checks in less often than {other.Grade}");
            Assert.True(a.AnnualChurn < other.AnnualChurn, $"A churns more than {other.Grade}");
        }
        // A constant hazard: check-ins over a year add up to the yearly churn whatever the cadence.
        var kept = Math.Pow(1 - a.ChurnWithin(a.CheckInDays), 365 / a.CheckInDays);
        Assert.Equal(1 - a.AnnualChurn, kept, 6);
    }

    static JourneyStart Existing(int i) => new()
    {
        JourneyId = $"customer-{i}", At = T0, Existing = true,
        Rep = new RepAssignment("r", "t", "a", Enumerable.Repeat(0.7, 6).ToArray(), 0.5, 0, 40),
        Persona = new LeadPersona(true, 0.8, 6000m, (ulong)(91_000 + i)),
    };

    static (CustomerGrade? First, JourneyState End, List<JourneyEvent> Events) Walk(BehaviourParameters p, int i, double days)
    {
        var planner = new JourneyPlanner(p);
        var (first, plan) = planner.Start(Existing(i));
        var end = planner.AdvanceTo(first.State, plan, T0.AddDays(days));
        return (first.State.CustomerGrade, end.State, first.Events.Concat(end.Events).ToList());
    }

    [Fact]
    public void Churn_per_year_held_in_a_grade_is_that_grades_hazard_and_A_churns_least()
    {
        var end = T0.AddDays(730);
        var walks = Enumerable.Range(0, 3000).Select(i => Walk(Graded, i, 730)).ToList();
        Assert.All(walks, w => Assert.NotNull(w.First));
        var years = new double[4];
        var left = new int[4];
        foreach (var (_, state, events) in walks)
        {
            CustomerGrade? held = null;
            var since = T0;
            foreach (var e in events.Where(e => e.Kind is EventKind.Graded or EventKind.Churned))
            {
                if (held is { } h) years[(int)h] += (e.At - since).TotalDays / 365;
                if (e.Kind == EventKind.Churned) { left[(int)held!.Value]++; held = null; break; }
                held = (CustomerGrade)(int)e.Grade!.Value;
                since = e.At;
            }
            if (held is { } still) years[(int)still] += (end - since).TotalDays / 365;
        }
        foreach (var g in new[] { CustomerGrade.A, CustomerGrade.D })
        {
            Assert.True(years[(int)g] > 100, $"only {years[(int)g]:0} customer-years at grade {g}");
            var hazard = left[(int)g] / years[(int)g];
            var modelled = -Math.Log(1 - Rules.RuleOf(g).AnnualChurn);
            Assert.InRange(hazard, 0.8 * modelled, 1.2 * modelled);
        }
        Assert.True(left[0] / years[0] < left[3] / years[3], $"A: {left[0]} left in {years[0]:0} years; D: {left[3]} in {years[3]:0}");
    }

    [Fact]
    public void Graded_customers_show_in_the_grade_mix_and_an_ungraded_setup_grades_nobody()
    {
        var graded = Enumerable.Range(0, 200).Select(i => Walk(Graded, i, 30).End).ToList();
        var t = new Tally();
        foreach (var s in graded) t.Add(Tally.Of(s));
        var mix = CustomerGradeMix.Of(t);
        Assert.Equal(graded.Count(s => s.IsCustomer), mix.Graded);
        Assert.True(mix.A > 0 && mix.D > 0);

        var plain = Enumerable.Range(0, 50).Select(i => Walk(BehaviourParameters.Default, i, 30)).ToList();
        Assert.All(plain, w => Assert.Null(w.End.CustomerGrade));
        Assert.DoesNotContain(plain.SelectMany(w => w.Events), e => e.Kind == EventKind.Graded);
    }

    [Fact]
    public void The_setup_turns_grades_on_and_refuses_a_bad_grade_rule()
    {
        var on = new SetupDocument { Rules = new RulesSetup { Customers = new CustomerRulesSetup { Enabled = true } } };
        var rules = SetupCompiler.Parameters(on, BehaviourParameters.Default).Rules.Customers;
        Assert.NotNull(rules);
        Assert.Equal(BehaviourParameters.Default.ListPrice, rules.HighValue);
        Assert.Null(SetupCompiler.Parameters(new SetupDocument(), BehaviourParameters.Default).Rules.Customers);
        Assert.Contains(AssumptionCatalogue.Of(BehaviourParameters.Default with { Rules = OperatingRules.Default with { Customers = rules } }),
            a => a.Key == "rules.customers.annualChurn");

        var bad = on with { Rules = on.Rules with { Customers = on.Rules.Customers with { Grades = [new CustomerGradeSetup { Grade = CustomerGrade.A, CheckInDays = 0, AnnualChurn = 1.5 }] } } };
        var problems = SetupValidator.Validate(bad);
        Assert.Contains(problems, p => p.Path == "rules.customers.grades[0].checkInDays");
        Assert.Contains(problems, p => p.Path == "rules.customers.grades[0].annualChurn");
    }
}
