using System.Diagnostics;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using static Growth.Domain.Tests.Setup.ValidSetup;

namespace Growth.Domain.Tests.Setup;

public class OrganisationValidationTests
{
    [Fact]
    public void An_empty_organisation_is_valid_because_defaults_fill_it_in() =>
        Assert.Empty(SetupValidator.Validate(Document() with
        {
            Organisation = new(), Targets = new() { Targets = [new() { Level = TargetLevel.Company, Period = "FY2027-Q1", Amount = 5 }] },
            Catalogue = Document().Catalogue with { PriceLists = [] }, Channels = new(),
        }));

    [Theory]
    [InlineData(""), InlineData("has space"), InlineData("a/b"), InlineData("-lead")]
    public void Ids_must_follow_the_id_rule(string id)
    {
        SingleProblem(Document().WithTeam(0, 1, t => t with { Id = id }), "organisation.regions[0].teams[1].id");
        SingleProblem(Document().WithRep(0, 1, 0, r => r with { Id = id }), "organisation.regions[0].teams[1].reps[0].id");
    }

    [Fact]
    public void Region_team_and_rep_ids_that_break_the_rule_are_named_with_the_rule()
    {
        Assert.Equal("'has space' must be 1-100 letters, digits or . _ : # -",
            SingleProblem(Document().WithTeam(0, 1, t => t with { Id = "has space" }), "organisation.regions[0].teams[1].id"));
        Assert.Equal("must not be empty", SingleProblem(Document().WithRep(0, 0, 2, r => r with { Id = "" }), "organisation.regions[0].teams[0].reps[2].id"));
    }

    [Fact]
    public void Ids_are_unique_within_their_kind()
    {
        Assert.Contains(SetupValidator.Validate(Document().WithRegion(1, r => r with { Id = "south west" })),
            p => p.Path == "organisation.regions[1].id" && p.Message == "'south west' must be 1-100 letters, digits or . _ : # -");
        var twoNorths = Document().WithRegion(1, r => r with { Id = "north" });
        var problems = SetupValidator.Validate(twoNorths);
        Assert.Contains(problems, p => p.Path == "organisation.regions[1].id" && p.Message == "duplicate region id 'north' (also at organisation.regions[0].id)");
        Assert.Equal("duplicate team id 'north-1' (also at organisation.regions[0].teams[0].id)",
            SingleProblem(Document().WithTeam(0, 1, t => t with { Id = "north-1" }), "organisation.regions[0].teams[1].id"));
        // the same id in different kinds is fine
        Assert.Empty(SetupValidator.Validate(Document().WithTeam(1, 0, t => t with { Id = "south" }).WithTarget(2, t => t with { Id = "south" })));
    }

    [Fact]
    public void A_rep_in_two_teams_is_refused_naming_both_places()
    {
        var document = Document().WithRep(0, 1, 2, r => r with { Id = "rep-2" });
        Assert.Equal("rep 'rep-2' is also in team north-1 (organisation.regions[0].teams[0].reps[1])",
            SingleProblem(document, "organisation.regions[0].teams[1].reps[2].id"));
        var twiceInOneTeam = Document().WithRep(0, 0, 2, r => r with { Id = "rep-1" });
        Assert.Contains("listed twice in team north-1", SingleProblem(twiceInOneTeam, "organisation.regions[0].teams[0].reps[2].id"));
    }

    [Fact]
    public void Names_and_team_leaders_must_be_given()
    {
        SingleProblem(Document().WithRegion(1, r => r with { Name = "" }), "organisation.regions[1].name");
        SingleProblem(Document().WithTeam(0, 1, t => t with { Name = "" }), "organisation.regions[0].teams[1].name");
        SingleProblem(Document().WithTeam(0, 1, t => t with { Leader = " " }), "organisation.regions[0].teams[1].leader");
        SingleProblem(Document().WithRep(1, 0, 1, r => r with { Name = "" }), "organisation.regions[1].teams[0].reps[1].name");
        SingleProblem(Document().WithTeam(0, 0, t => t with { Assignment = (AssignmentRule)7 }), "organisation.regions[0].teams[0].assignment");
    }

    [Fact]
    public void A_team_needs_a_rep_and_a_region_a_team()
    {
        var noReps = Document().WithTeam(0, 1, t => t with { Reps = [] });
        Assert.Equal("a team needs at least one rep", SingleProblem(noReps, "organisation.regions[0].teams[1].reps"));
        var noTeams = Document().WithRegion(1, r => r with { Teams = [] }).WithTarget(2, t => t with { Id = "north-1" })
            .WithTarget(3, t => t with { Id = "rep-1" });
        Assert.Equal("a region needs at least one team", SingleProblem(noTeams, "organisation.regions[1].teams"));
    }

    [Theory]
    [InlineData(0), InlineData(10_001), InlineData(-4)]
    public void Capacity_is_between_1_and_10000(int capacity) =>
        Assert.Equal($"must be between 1 and 10000 (was {capacity})", SingleProblem(Document().WithRep(1, 0, 0, r => r with { Capacity = capacity }), "organisation.regions[1].teams[0].reps[0].capacity"));

    [Fact]
    public void Each_skill_is_a_share()
    {
        Assert.Equal("must be between 0 and 1 (was 1.2)",
            SingleProblem(Document().WithRep(0, 1, 2, r => r with { Skills = r.Skills with { Close = 1.2 } }), "organisation.regions[0].teams[1].reps[2].skills.close"));
        SingleProblem(Document().WithRep(0, 1, 2, r => r with { Skills = r.Skills with { ObjectionHandling = -0.1 } }), "organisation.regions[0].teams[1].reps[2].skills.objectionHandling");
    }

    [Fact]
    public void Incentive_is_a_share() =>
        SingleProblem(Document().WithRep(0, 0, 0, r => r with { Incentive = 2 }), "organisation.regions[0].teams[0].reps[0].incentive");

    [Fact]
    public void Quota_is_zero_or_more()
    {
        Assert.Equal("must be 0 or more (was -5)", SingleProblem(Document().WithRep(1, 0, 1, r => r with { Quota = -5 }), "organisation.regions[1].teams[0].reps[1].quota"));
        Assert.Empty(SetupValidator.Validate(Document().WithRep(1, 0, 1, r => r with { Quota = 0 })));
    }

    [Fact]
    public void Hire_dates_lie_between_1900_and_2100()
    {
        SingleProblem(Document().WithRep(0, 0, 1, r => r with { HireDate = new DateOnly(2101, 1, 1) }), "organisation.regions[0].teams[0].reps[1].hireDate");
        SingleProblem(Document().WithRep(0, 0, 1, r => r with { HireDate = new DateOnly(1899, 12, 31) }), "organisation.regions[0].teams[0].reps[1].hireDate");
        Assert.Empty(SetupValidator.Validate(Document().WithRep(0, 0, 1, r => r with { HireDate = null })));
    }

    [Fact]
    public void Territory_regions_must_be_regions_of_the_organisation() =>
        Assert.Equal("unknown region 'west'", SingleProblem(
            Document().WithRep(1, 0, 1, r => r with { Territory = r.Territory with { Regions = ["south", "west"] } }), "organisation.regions[1].teams[0].reps[1].territory.regions[1]"));

    [Fact]
    public void Territory_product_lines_must_be_series_of_the_catalogue_when_there_is_one()
    {
        var document = Document().WithRep(1, 0, 1, r => r with { Territory = r.Territory with { ProductLines = ["Robots"] } });
        Assert.StartsWith("unknown product line 'Robots'", SingleProblem(document, "organisation.regions[1].teams[0].reps[1].territory.productLines[0]"));
        var noCatalogue = document with { Catalogue = new() };
        Assert.Empty(SetupValidator.Validate(noCatalogue));
    }

    [Fact]
    public void Ten_thousand_reps_validate_well_under_a_second()
    {
        var regions = Enumerable.Range(0, 10).Select(r => new RegionSetup
        {
            Id = $"region-{r}", Name = $"Region {r}",
            Teams = [.. Enumerable.Range(0, 50).Select(t => new TeamSetup
            {
                Id = $"team-{r}-{t}", Name = $"Team {r}-{t}", Leader = "Lead",
                Reps = [.. Enumerable.Range(0, 20).Select(i => Rep($"rep-{r}-{t}-{i}") with
                {
                    Territory = new TerritorySetup { Regions = [$"region-{r}"], ProductLines = ["GTX"] },
                })],
            })],
        }).ToList();
        var targets = regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps)
            .Select(rep => new TargetSetup { Level = TargetLevel.Rep, Id = rep.Id, Period = "FY2027-Q1", Amount = 1000 }).ToList();
        var document = Document() with
        {
            Organisation = new() { Regions = regions }, Targets = new() { Targets = targets },
            Catalogue = Document().Catalogue with { PriceLists = [] }, Channels = new(),
        };
        SetupValidator.Validate(document); // warm up
        var clock = Stopwatch.StartNew();
        var problems = SetupValidator.Validate(document);
        clock.Stop();
        Assert.Empty(problems);
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }
}
