using Growth.Domain.Setup;
using static Growth.Domain.Tests.Setup.ValidSetup;

namespace Growth.Domain.Tests.Setup;

public class TargetValidationTests
{
    [Theory]
    [InlineData("FY2027-Q5"), InlineData("Q1 2027"), InlineData(""), InlineData("FY-P9")]
    public void A_target_period_must_be_one_the_calendar_knows(string period) =>
        Assert.StartsWith($"unknown fiscal period '{period}'", SingleProblem(Document().WithTarget(0, t => t with { Period = period }), "targets.targets[0].period"));

    [Theory]
    [InlineData("FY2028"), InlineData("FY2027-Q4"), InlineData("FY2027-M12"), InlineData("FY-P3")]
    public void Standard_and_named_periods_are_accepted(string period) =>
        Assert.Empty(SetupValidator.Validate(Document().WithTarget(0, t => t with { Period = period })));

    [Fact]
    public void Named_periods_come_from_the_documents_own_company()
    {
        var withoutPeriods = Document().WithCompany(c => c with { FiscalPeriods = [] });
        SingleProblem(withoutPeriods, "targets.targets[3].period");
    }

    [Fact]
    public void A_company_target_has_no_id() =>
        Assert.Equal("a company target has no id (was 'north')", SingleProblem(Document().WithTarget(0, t => t with { Id = "north" }), "targets.targets[0].id"));

    [Fact]
    public void Other_levels_need_an_id_that_exists_at_that_level()
    {
        Assert.Equal("a region target needs the region's id", SingleProblem(Document().WithTarget(1, t => t with { Id = null }), "targets.targets[1].id"));
        Assert.Equal("unknown region 'north-1'", SingleProblem(Document().WithTarget(1, t => t with { Id = "north-1" }), "targets.targets[1].id"));
        Assert.Equal("unknown team 'south'", SingleProblem(Document().WithTarget(2, t => t with { Id = "south" }), "targets.targets[2].id"));
        Assert.Equal("unknown rep 'rep-99'", SingleProblem(Document().WithTarget(3, t => t with { Id = "rep-99" }), "targets.targets[3].id"));
        SingleProblem(Document().WithTarget(3, t => t with { Level = (TargetLevel)9 }), "targets.targets[3].level");
    }

    [Fact]
    public void A_target_amount_is_zero_or_more() =>
        Assert.Equal("must be 0 or more (was -1)", SingleProblem(Document().WithTarget(2, t => t with { Amount = -1 }), "targets.targets[2].amount"));

    [Fact]
    public void The_same_target_cannot_be_given_twice()
    {
        var twice = Document().AddTarget(new TargetSetup { Level = TargetLevel.Region, Id = "north", Period = "FY2027-Q1", Amount = 5 });
        Assert.Equal("duplicate target for region 'north' in FY2027-Q1 (also at targets.targets[1])", SingleProblem(twice, "targets.targets[4]"));
        var companyTwice = Document().AddTarget(new TargetSetup { Level = TargetLevel.Company, Period = "FY2027-Q1", Amount = 5 });
        SingleProblem(companyTwice, "targets.targets[4]");
        // another period or another level is another target
        Assert.Empty(SetupValidator.Validate(Document().AddTarget(new TargetSetup { Level = TargetLevel.Region, Id = "north", Period = "FY2027-Q2", Amount = 5 })));
        Assert.Empty(SetupValidator.Validate(Document().AddTarget(new TargetSetup { Level = TargetLevel.Region, Id = "south", Period = "FY2027-Q1", Amount = 5 })));
    }

    [Fact]
    public void The_allocation_must_be_one_of_the_known_ways() =>
        SingleProblem(Document() with { Targets = Document().Targets with { Allocation = (TargetAllocation)5 } }, "targets.allocation");
}
