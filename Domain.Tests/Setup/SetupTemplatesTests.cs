using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Setup;

public class SetupTemplatesTests
{
    static readonly SetupTemplates Templates = SetupTemplates.Load();

    [Fact]
    public void Three_companies_of_different_shapes_ship_with_growth()
    {
        Assert.Equal(["business-software", "consumer-education", "industrial-equipment"], Templates.All.Select(t => t.Id));
        Assert.Equal(["USD", "CNY", "EUR"], Templates.All.Select(t => t.Document.Company.Currency.Code));
        Assert.Equal([2, 1, 10], Templates.All.Select(t => t.Document.Company.FiscalYearStartMonth));
        Assert.All(Templates.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Summary)));
        Assert.Equal("Rheinwerk Maschinenbau GmbH", Templates.Find("industrial-equipment")!.Name);
        Assert.Null(Templates.Find("nothing-like-it"));
        var reps = Templates.All.Select(t => t.Document.Organisation.Regions.SelectMany(r => r.Teams).Sum(team => team.Reps.Count)).ToList();
        Assert.Equal([20, 36, 10], reps);
    }

    [Fact]
    public void Each_template_chooses_its_kind_of_company_which_sets_its_sales_cycle()
    {
        Assert.Equal([CompanyKind.BusinessSoftware, CompanyKind.ConsumerEducation, CompanyKind.IndustrialEquipment],
            Templates.All.Select(t => t.Document.Company.Kind));
        var cycles = Templates.All.Select(t => SetupCompiler.Parameters(t.Document, BehaviourParameters.Default).DaysPerStep * 6).ToList();
        Assert.Equal(51.8, cycles[0], 9);
        Assert.True(cycles[1] < cycles[0] && cycles[0] < cycles[2]);
        // No kind: the model's own 12 days.
        Assert.Equal(2, SetupCompiler.Parameters(new SetupDocument(), BehaviourParameters.Default).DaysPerStep);
    }

    [Fact]
    public void Each_template_file_is_exactly_what_the_writer_writes()
    {
        foreach (var template in Templates.All)
        {
            var file = File.ReadAllText(Path.Combine(SetupTemplates.DefaultFolder, template.Id + ".yaml"));
            var body = SetupFormat.Write(template.Document, SetupFileFormat.Yaml);
            Assert.EndsWith("\n\n" + body, file);
            Assert.Equal(body, SetupFormat.Write(SetupFormat.Read(body, SetupFileFormat.Yaml), SetupFileFormat.Yaml));
            var json = SetupFormat.Write(template.Document, SetupFileFormat.Json);
            Assert.Equal(body, SetupFormat.Write(SetupFormat.Read(json, SetupFileFormat.Json), SetupFileFormat.Yaml));
        }
    }

    [Fact]
    public void Every_template_is_a_valid_setup()
    {
        foreach (var template in Templates.All)
            Assert.True(SetupValidator.Validate(template.Document).Count == 0,
                $"{template.Id}: {string.Join("; ", SetupValidator.Validate(template.Document))}");
    }

    /// <summary>Leads a week a campaign brings at the default channel rates (per touch: budget / cost × lead rate; per lead: budget / cost; fixed: reach × lead rate).</summary>
    static double LeadsPerWeek(CampaignSetup c)
    {
        var quality = BehaviourParameters.Default.Channels[c.Channel];
        var weekly = (double)c.Budget * c.Period switch
        {
            BudgetPeriod.Day => 7, BudgetPeriod.Week => 1, BudgetPeriod.Month => 7 / 30.0, BudgetPeriod.Quarter => 7 / 91.0, _ => 7 / 365.0,
        };
        var cost = (double)(c.CostPerUnit ?? quality.CostPerTouch);
        return c.CostModel switch
        {
            CostModel.PerLead => weekly / cost,
            CostModel.Fixed => (c.ExpectedReach ?? 0) * quality.LeadRate * c.Period switch { BudgetPeriod.Month => 7 / 30.0, BudgetPeriod.Quarter => 7 / 91.0, _ => 1 },
            _ => cost <= 0 ? 0 : weekly / cost * quality.LeadRate,
        };
    }

    [Fact]
    public void Each_template_brings_a_few_to_a_few_hundred_leads_a_week_per_campaign()
    {
        foreach (var template in Templates.All)
        {
            var flows = template.Document.Channels.Campaigns.Select(LeadsPerWeek).ToList();
            Assert.All(flows, f => Assert.InRange(f, 2, 400));
            Assert.InRange(flows.Sum(), 20, 1000);
        }
        var education = Templates.Find("consumer-education")!.Document.Channels.Campaigns.Sum(LeadsPerWeek);
        var industry = Templates.Find("industrial-equipment")!.Document.Channels.Campaigns.Sum(LeadsPerWeek);
        Assert.True(education > 3 * industry, $"education {education:0} leads a week, industry {industry:0}");
    }

    [Fact]
    public void A_broken_template_is_named_by_its_file_and_field()
    {
        var e = Assert.Throws<InvalidSetupException>(() => SetupTemplates.Parse("mine", "# Mine\ncatalogue:\n  products:\n    - listPrice: cheap\n"));
        Assert.Equal("mine.yaml: catalogue.products[0].listPrice", Assert.Single(e.Problems).Path);
        Assert.Equal("Mine", SetupTemplates.Parse("mine", "# Mine\n\n# more\ncompany:\n  name: M # not this\n").Summary.Split(' ')[0]);
        Assert.Empty(SetupTemplates.Load(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid())).All);
    }
}
