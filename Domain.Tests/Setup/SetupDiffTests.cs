using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

public class SetupDiffTests
{
    static SetupDocument WithRep(SetupDocument d, Func<RepSetup, RepSetup> change, int index = 1)
    {
        var region = d.Organisation.Regions[0];
        var team = region.Teams[0];
        var reps = team.Reps.Select((r, i) => i == index ? change(r) : r).ToList();
        return d with { Organisation = new OrganisationSetup { Regions = [region with { Teams = [team with { Reps = reps }] }] } };
    }

    [Fact]
    public void The_same_setup_has_no_changes()
    {
        Assert.Empty(SetupDiff.Compare(SetupSamples.Small(), SetupSamples.Small()));
        Assert.Equal("no changes", SetupDiff.Summary([]));
    }

    [Fact]
    public void A_field_change_is_named_by_the_ids_of_the_items_it_is_in()
    {
        var before = SetupSamples.Small();
        var after = WithRep(before, r => r with { Quota = 95000m, Skills = r.Skills with { Close = 0.9 } });
        var changes = SetupDiff.Compare(before, after);
        Assert.Equal(
            [
                new SetupChange("organisation.regions[east].teams[east-1].reps[rep-2].skills.close", "0.8", "0.9"),
                new SetupChange("organisation.regions[east].teams[east-1].reps[rep-2].quota", "120000.50", "95000"),
            ],
            changes);
    }

    [Fact]
    public void Items_are_matched_by_id_not_by_position()
    {
        var before = SetupSamples.Small();
        var reordered = before with { Catalogue = before.Catalogue with { Products = before.Catalogue.Products.Reverse().ToList() } };
        Assert.Empty(SetupDiff.Compare(before, reordered));
        var repriced = before with
        {
            Catalogue = before.Catalogue with { Products = [before.Catalogue.Products[1] with { ListPrice = 13800m }, before.Catalogue.Products[0]] },
        };
        Assert.Equal([new SetupChange("catalogue.products[pkg-48].listPrice", "12800", "13800")], SetupDiff.Compare(before, repriced));
    }

    [Fact]
    public void An_added_or_removed_item_is_one_change_carrying_the_item()
    {
        var before = SetupSamples.Small();
        var team = before.Organisation.Regions[0].Teams[0];
        var ana = new RepSetup { Id = "rep-9", Name = "Ana Lima", Quota = 80000m };
        var after = before with
        {
            Organisation = new OrganisationSetup
            {
                Regions = [before.Organisation.Regions[0] with { Teams = [team with { Reps = [team.Reps[0], team.Reps[2], ana] }] }],
            },
        };
        var changes = SetupDiff.Compare(before, after);
        Assert.Equal(2, changes.Count);
        Assert.Equal("organisation.regions[east].teams[east-1].reps[rep-9]", changes[0].Path);
        Assert.Null(changes[0].Before);
        Assert.Equal("Ana Lima", SetupFormat.Read($"{{\"organisation\":{{\"regions\":[{{\"teams\":[{{\"reps\":[{changes[0].After}]}}]}}]}}}}", SetupFileFormat.Json)
            .Organisation.Regions[0].Teams[0].Reps[0].Name);
        Assert.Equal("organisation.regions[east].teams[east-1].reps[rep-2]", changes[1].Path);
        Assert.Null(changes[1].After);
        Assert.Contains("\"id\":\"rep-2\"", changes[1].Before);
    }

    [Fact]
    public void Plain_lists_compare_whole_and_targets_match_by_level_id_and_period()
    {
        var before = SetupSamples.Small();
        var after = before with
        {
            Company = before.Company with { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday] },
            Targets = before.Targets with { Targets = [before.Targets.Targets[1] with { Amount = 140000m }, before.Targets.Targets[0]] },
        };
        Assert.Equal(
            [
                new SetupChange("company.workingDays", "[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\",\"saturday\"]", "[\"monday\",\"tuesday\"]"),
                new SetupChange("targets.targets[rep/rep-2/FY2027-Q1].amount", "130000", "140000"),
            ],
            SetupDiff.Compare(before, after));
    }

    [Fact]
    public void Items_without_unique_ids_compare_by_position_and_nullable_fields_appear()
    {
        var before = new SetupDocument { Catalogue = new CatalogueSetup { Products = [new ProductSetup { Name = "A" }, new ProductSetup { Name = "B" }] } };
        var after = new SetupDocument { Catalogue = new CatalogueSetup { Products = [new ProductSetup { Name = "A" }, new ProductSetup { Name = "C" }, new ProductSetup()] } };
        var changes = SetupDiff.Compare(before, after);
        Assert.Equal("catalogue.products[1].name", changes[0].Path);
        Assert.Equal(("\"B\"", "\"C\""), (changes[0].Before, changes[0].After));
        Assert.Equal("catalogue.products[2]", changes[1].Path);

        var campaign = new CampaignSetup { Id = "c1" };
        var d1 = new SetupDocument { Channels = new ChannelsSetup { Campaigns = [campaign] } };
        var d2 = new SetupDocument { Channels = new ChannelsSetup { Campaigns = [campaign with { End = new DateOnly(2026, 6, 30) }] } };
        Assert.Equal([new SetupChange("channels.campaigns[c1].end", null, "\"2026-06-30\"")], SetupDiff.Compare(d1, d2));
    }

    [Fact]
    public void The_summary_says_it_in_one_short_line()
    {
        var changes = new List<SetupChange>
        {
            new("organisation.regions[north].teams[north-1].reps[rep-7].quota", "80000", "95000"),
            new("catalogue.products[gtx-basic].listPrice", "550", "600"),
            new("paymentTerms.days", "30", "45"),
            new("company.name", "\"Acme\"", "\"Acme Ltd\""),
            new("organisation.regions[north].teams[north-1].reps[rep-9]", null, "{\"id\":\"rep-9\"}"),
            new("channels.campaigns[c1]", "{\"id\":\"c1\"}", null),
            new("channels.campaigns[c2]", "{\"id\":\"c2\"}", null),
        };
        Assert.Equal("rep-7 quota 80,000 → 95,000; product gtx-basic listPrice 550 → 600; paymentTerms days 30 → 45; company name Acme → Acme Ltd; +1 rep; −2 campaigns",
            SetupDiff.Summary(changes));
        var many = Enumerable.Range(0, 100).Select(i => new SetupChange($"organisation.regions[r].teams[t].reps[rep-{i}].quota", "1000", "2000")).ToList();
        var line = SetupDiff.Summary(many);
        Assert.True(line.Length <= 160, line);
        Assert.StartsWith("rep-0 quota 1,000 → 2,000; rep-1 quota", line);
        Assert.Matches(@" and \d+ more$", line);
    }
}
