using Growth.Domain.Compensation;
using Growth.Domain.Setup;
using Growth.Domain.Tests.Setup;

namespace Growth.Domain.Tests.Compensation;

/// <summary>Reps carry a role (ae, sdr…) and pay plans may apply to roles: validated, paid by, and kept in the setup file.</summary>
public class PlanRoleTests
{
    static readonly FiscalPeriod Q1 = FiscalCalendar.Default.Find("FY2027-Q1")!;

    /// <summary>The valid setup with rep-1 and rep-4 as account executives and rep-7 as an SDR.</summary>
    static SetupDocument WithRoles(params CompensationPlanSetup[] plans)
    {
        var doc = ValidSetup.Document();
        var roles = new Dictionary<string, string> { ["rep-1"] = "ae", ["rep-4"] = "ae", ["rep-7"] = "sdr" };
        return doc with
        {
            Organisation = new()
            {
                Regions = doc.Organisation.Regions.Select(r => r with
                {
                    Teams = r.Teams.Select(t => t with { Reps = t.Reps.Select(p => p with { Role = roles.GetValueOrDefault(p.Id) }).ToList() }).ToList(),
                }).ToList(),
            },
            Compensation = new() { Plans = plans },
        };
    }

    static SetupDocument WithRole(string rep, string? role) => WithRoles() with
    {
        Organisation = new()
        {
            Regions = WithRoles().Organisation.Regions.Select(r => r with
            {
                Teams = r.Teams.Select(t => t with { Reps = t.Reps.Select(p => p.Id == rep ? p with { Role = role } : p).ToList() }).ToList(),
            }).ToList(),
        },
    };

    /// <summary>The payout tests' team of two (quota 100,000 a quarter each), rep-1 an account executive.</summary>
    static SetupDocument PaySetup(params CompensationPlanSetup[] plans)
    {
        var setup = PayoutTests.Setup(plans);
        var region = setup.Organisation.Regions[0];
        var team = region.Teams[0];
        return setup with
        {
            Organisation = new()
            {
                Regions = [region with { Teams = [team with { Reps = team.Reps.Select(r => r.Id == "rep-1" ? r with { Role = "ae" } : r).ToList() }] }],
            },
        };
    }

    static CompensationPlanSetup ForRoles(string id, params string[] roles) =>
        PayoutTests.Tiered with { Id = id, AppliesTo = new() { Roles = roles } };

    [Fact]
    public void Roles_and_a_plan_for_a_role_are_valid() =>
        Assert.Empty(SetupValidator.Validate(WithRoles(ForRoles("ae-plan", "ae"), ForRoles("sdr-plan", "sdr"), CompensationPlanSetup.Flat)));

    [Theory]
    [InlineData("account exec")]
    [InlineData("")]
    [InlineData("ae!")]
    public void A_role_that_is_not_a_simple_id_is_refused_naming_the_rep_and_the_value(string role)
    {
        var message = ValidSetup.SingleProblem(WithRole("rep-2", role), "organisation.regions[0].teams[0].reps[1].role");
        Assert.Equal($"rep 'rep-2' has role '{role}', which must be 1-100 letters, digits or . _ : # -", message);
    }

    [Fact]
    public void A_plan_names_roles_some_rep_carries()
    {
        var message = ValidSetup.SingleProblem(WithRoles(ForRoles("x", "ae", "csm")), "compensation.plans[0].appliesTo.roles[1]");
        Assert.Equal("unknown role 'csm' (known: ae, sdr)", message);
        Assert.Equal("unknown role 'ae' (known: none)", ValidSetup.SingleProblem(ValidSetup.Document() with { Compensation = new() { Plans = [ForRoles("x", "ae")] } },
            "compensation.plans[0].appliesTo.roles[0]"));
    }

    [Fact]
    public void Two_plans_may_not_pay_the_same_role_on_the_same_day()
    {
        var a = ForRoles("a", "ae") with { EffectiveFrom = new(2027, 1, 1), EffectiveTo = new(2027, 6, 30) };
        var b = ForRoles("b", "sdr", "ae") with { EffectiveFrom = new(2027, 6, 1) };
        Assert.Equal("plan 'b' is in force on the same days as plan 'a' for role 'ae'; give them dates that do not overlap",
            ValidSetup.SingleProblem(WithRoles(a, b), "compensation.plans[1].effectiveFrom"));
        Assert.Empty(SetupValidator.Validate(WithRoles(a, b with { EffectiveFrom = new(2027, 7, 1) })));
        // A role plan beside a team plan is no overlap: the team plan wins for its reps.
        Assert.Empty(SetupValidator.Validate(WithRoles(a, PayoutTests.Tiered with { Id = "t", AppliesTo = new() { Teams = ["north-1"] } })));
    }

    [Fact]
    public void A_rep_with_a_role_is_paid_by_the_role_plan_and_a_rep_without_one_by_the_default()
    {
        var setup = PaySetup(CompensationPlanSetup.Flat, ForRoles("ae-plan", "ae"));
        var report = Payouts.Compute(setup, Q1, new PayoutActivity { Wins = [PayoutTests.Win("rep-1", 45_000), PayoutTests.Win("rep-2", 45_000)] });
        var (ae, plain) = (report.Statements.Single(s => s.RepId == "rep-1"), report.Statements.Single(s => s.RepId == "rep-2"));
        Assert.Equal("ae-plan", ae.PlanId);
        Assert.Equal("flat", plain.PlanId);
        // 45,000 against a quarter's 100,000: all in the 2 % band of the tiered plan, against 8 % flat.
        Assert.Equal(900m, ae.Commission);
        Assert.Equal(3_600m, plain.Commission);
        Assert.Equal(report.Total, report.Statements.Sum(s => s.Total));
    }

    [Fact]
    public void A_plan_naming_the_rep_its_team_or_its_region_beats_the_role_plan()
    {
        var role = ForRoles("ae-plan", "ae");
        PlanBookIs("ae-plan", role);
        PlanBookIs("rep-plan", role, CompensationPlanSetup.Flat with { Id = "rep-plan", AppliesTo = new() { Reps = ["rep-1"] } });
        PlanBookIs("team-plan", role, CompensationPlanSetup.Flat with { Id = "team-plan", AppliesTo = new() { Teams = ["team-a"] } });
        PlanBookIs("region-plan", role, CompensationPlanSetup.Flat with { Id = "region-plan", AppliesTo = new() { Regions = ["north"] } });
        // Once the role plan ends, the default plan pays.
        PlanBookIs("flat", role with { EffectiveTo = new(2026, 12, 31) }, CompensationPlanSetup.Flat);

        static void PlanBookIs(string expected, params CompensationPlanSetup[] plans)
        {
            var setup = PaySetup([.. plans]);
            var statement = Payouts.Compute(setup, Q1, new PayoutActivity()).Statements.Single(s => s.RepId == "rep-1");
            Assert.Equal(expected, statement.PlanId);
            Assert.Equal(expected, PlanBook.For(setup.Compensation, "rep-1", "team-a", "north", "ae", new(2027, 1, 1)).Id);
        }
    }

    [Fact]
    public void The_simulated_organisation_carries_the_role_so_projections_pick_the_role_plan()
    {
        var setup = WithRoles(ForRoles("ae-plan", "ae"));
        var org = SetupCompiler.Organisation(setup, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var rep = org.Reps.Single(r => r.Id == "rep-4");
        Assert.Equal("ae", rep.Role);
        Assert.Null(org.Reps.Single(r => r.Id == "rep-5").Role);
        Assert.Equal("ae-plan", PlanBook.For(setup.Compensation, rep.Id, rep.TeamId, "north", rep.Role, new(2027, 1, 1)).Id);
        Assert.Equal("ae", SetupFromOrganisation.Build(org, Growth.Domain.Simulation.BehaviourParameters.Default).Organisation.Regions
            .SelectMany(r => r.Teams).SelectMany(t => t.Reps).Single(r => r.Id == "rep-4").Role);
    }

    [Theory]
    [InlineData(SetupFileFormat.Yaml)]
    [InlineData(SetupFileFormat.Json)]
    public void Roles_survive_a_round_trip_through_the_setup_file(SetupFileFormat format)
    {
        var setup = WithRoles(ForRoles("ae-plan", "ae", "sdr"), CompensationPlanSetup.Flat);
        var text = SetupFormat.Write(setup, format);
        var back = SetupFormat.Read(text, format);
        Assert.Equal(["ae", "sdr"], back.Compensation.Plans[0].AppliesTo.Roles);
        Assert.Empty(back.Compensation.Plans[1].AppliesTo.Roles);
        var reps = back.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToDictionary(r => r.Id);
        Assert.Equal("ae", reps["rep-1"].Role);
        Assert.Equal("sdr", reps["rep-7"].Role);
        Assert.Null(reps["rep-2"].Role);
        Assert.Equal(text, SetupFormat.Write(back, format));
        if (format == SetupFileFormat.Yaml)
        {
            Assert.Contains("roles: [ae, sdr]", text);
            Assert.Contains("role: ae", text);
            // A rep without a role writes no role line: three of the eight reps carry one.
            Assert.Equal(3, text.Split('\n').Count(l => l.Trim().StartsWith("role:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_setup_file_written_before_roles_reads_with_none()
    {
        var written = SetupFormat.Write(ValidSetup.Document() with { Compensation = new() { Plans = [PayoutTests.Tiered with { AppliesTo = new() { Teams = ["north-1"] } }] } }, SetupFileFormat.Yaml);
        var yaml = System.Text.RegularExpressions.Regex.Replace(written, @"(?m)^ *roles: \[\]\n", "");
        Assert.DoesNotContain("roles:", yaml);
        var back = SetupFormat.Read(yaml, SetupFileFormat.Yaml);
        Assert.Empty(back.Compensation.Plans[0].AppliesTo.Roles);
        Assert.Empty(SetupValidator.Validate(back));
    }
}
