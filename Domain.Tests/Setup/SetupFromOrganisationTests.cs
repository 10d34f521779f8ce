using Growth.Domain.Calibration;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Setup;

public class SetupFromOrganisationTests
{
    [Fact]
    public void The_setup_of_a_generated_organisation_keeps_every_id_quota_skill_and_budget()
    {
        var organisation = OrganisationFactory.Build(7, 2, 2, 3, 5);
        var setup = SetupFromOrganisation.Build(organisation, BehaviourParameters.Default);

        Assert.Equal(organisation.Regions.Select(r => r.Id), setup.Organisation.Regions.Select(r => r.Id));
        Assert.Equal(organisation.Teams.Select(t => t.Id), setup.Organisation.Regions.SelectMany(r => r.Teams).Select(t => t.Id));
        var reps = setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToList();
        Assert.Equal(organisation.Reps.Select(r => (r.Id, r.Name, r.Target, r.Capacity, r.Incentive)), reps.Select(r => (r.Id, r.Name, r.Quota, r.Capacity, r.Incentive)));
        Assert.Equal(organisation.Reps.Select(r => r.Skills), reps.Select(r => r.Skills.ToArray()));
        var team = organisation.Teams[1];
        var teamSetup = setup.Organisation.Regions[0].Teams[1];
        Assert.Equal((team.LeaderName, team.Rule, team.Name), (teamSetup.Leader, teamSetup.Assignment, teamSetup.Name));

        Assert.Equal(organisation.Campaigns.Select(c => (c.Id, c.Channel, c.DailyBudget * 30)), setup.Channels.Campaigns.Select(c => (c.Id, c.Channel, c.Budget)));
        Assert.All(setup.Channels.Campaigns, c => Assert.Equal(BudgetPeriod.Month, c.Period));
        Assert.All(setup.Channels.Campaigns, c => Assert.Equal(["region-1", "region-2"], c.Regions));
        Assert.All(setup.Channels.Campaigns, c => Assert.Null(c.CostPerUnit));

        var product = Assert.Single(setup.Catalogue.Products);
        Assert.Equal(("standard", 5000m), (product.Id, product.ListPrice));
        Assert.Equal((30, 0.75, 0.8, 20.0), (setup.PaymentTerms.Days, setup.PaymentTerms.OnTimeShare, setup.PaymentTerms.LateCollectedShare, setup.PaymentTerms.DaysLate));
        Assert.Equal("Your company", setup.Company.Name);
    }

    [Fact]
    public void Calibrated_products_channels_and_payment_become_the_catalogue_and_terms()
    {
        var parameters = BehaviourParameters.Default with
        {
            PaymentTermsDays = 45, OnTimePaymentRate = 0.6, LatePaymentRate = 0.9, DaysLate = 12,
            Channels = new Dictionary<Channel, ChannelQuality>(BehaviourParameters.Default.Channels) { [Channel.Ads] = new(0.25, 3.5m, 0.03) },
            Deals = new DealCalibration
            {
                Products =
                [
                    new ProductFit("GTX Pro 2.0", 4800m, 0.6, 0.3, []),
                    new ProductFit("GTX Pro 2.0!", 5200m, 0.3, 0.3, []),
                    new ProductFit("  ", 900m, 0.1, 0.3, []),
                ],
            },
        };
        var organisation = new Organisation
        {
            Teams = [new TeamProfile { Id = "T-1", Name = "Alpha", RegionId = "Nowhere", LeaderName = "Kim", Reps = [] }],
            Campaigns = [new CampaignProfile { Id = "ads", Name = "Ads", Channel = Channel.Ads, DailyBudget = 100m, RegionIds = ["Nowhere"] }],
        };
        var company = new CompanySetup { Name = "Imported", Currency = new CurrencySetup { Code = "EUR", Symbol = "€", Culture = "de-DE" } };
        var setup = SetupFromOrganisation.Build(organisation, parameters, company);

        Assert.Equal(["gtx-pro-2-0", "gtx-pro-2-0-2", "product"], setup.Catalogue.Products.Select(p => p.Id));
        Assert.Equal([4800m, 5200m, 900m], setup.Catalogue.Products.Select(p => p.ListPrice));
        Assert.Equal([0.6, 0.3, 0.1], setup.Catalogue.Products.Select(p => p.Mix));
        Assert.Equal("GTX Pro 2.0", setup.Catalogue.Products[0].Name);
        Assert.Equal((45, 0.6, 0.9, 12.0), (setup.PaymentTerms.Days, setup.PaymentTerms.OnTimeShare, setup.PaymentTerms.LateCollectedShare, setup.PaymentTerms.DaysLate));
        var campaign = Assert.Single(setup.Channels.Campaigns);
        Assert.Equal((3000m, 3.5m, 0.75), (campaign.Budget, campaign.CostPerUnit, campaign.JunkShare));
        var region = Assert.Single(setup.Organisation.Regions);
        Assert.Equal(("Nowhere", "T-1"), (region.Id, Assert.Single(region.Teams).Id));
        Assert.Same(company, setup.Company);
    }

    [Fact]
    public void The_setup_of_a_generated_organisation_is_valid()
    {
        var setup = SetupFromOrganisation.Build(OrganisationFactory.Build(11, 3, 2, 4, 7), BehaviourParameters.Default);
        Assert.Empty(SetupValidator.Validate(setup));
    }

    [Fact]
    public void A_built_setup_survives_both_formats()
    {
        var setup = SetupFromOrganisation.Build(OrganisationFactory.Build(3, 3, 2, 4, 6), BehaviourParameters.Default);
        foreach (var format in new[] { SetupFileFormat.Json, SetupFileFormat.Yaml })
        {
            var text = SetupFormat.Write(setup, format);
            Assert.Empty(SetupDiff.Compare(setup, SetupFormat.Read(text, format)));
        }
    }
}
