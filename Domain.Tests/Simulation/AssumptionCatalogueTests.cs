using Growth.Domain.Calibration;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>Every behaviour assumption shows its value, unit, effect and source, and says when a calibration fitted it.</summary>
public class AssumptionCatalogueTests
{
    [Fact]
    public void The_catalogue_covers_every_area_and_each_entry_names_its_source()
    {
        var all = AssumptionCatalogue.Of(BehaviourParameters.Default);
        foreach (var area in new[] { "Speed to lead", "Sales cycle", "Referral", "Churn", "Seasonality", "Working hours" })
            Assert.Contains(all, a => a.Area == area);
        Assert.All(all, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Value), a.Key);
            Assert.False(string.IsNullOrWhiteSpace(a.Effect), a.Key);
            Assert.Matches("^(study|data set|assumed|setup|fitted)", a.Source);
        });
        Assert.Equal(all.Count, all.Select(a => a.Key).Distinct().Count());
        Assert.Contains(all, a => a.Key == "speedToLead.fastHours" && a.Source.Contains("HBR 2011"));
        Assert.DoesNotContain(all, a => a.Fitted);
    }

    [Fact]
    public void A_business_software_setup_shows_the_Maven_cycle_and_its_working_time()
    {
        var setup = new SetupDocument { Company = new CompanySetup { Kind = CompanyKind.BusinessSoftware, TimeZone = "Europe/Berlin", WorkdayStart = "08:00" } };
        var p = SetupCompiler.Parameters(setup, BehaviourParameters.Default);
        var all = AssumptionCatalogue.Of(p, setup.Company.Kind);
        var cycle = all.Single(a => a.Key == "salesCycleDays");
        Assert.Equal("51.8", cycle.Value);
        Assert.StartsWith("data set", cycle.Source);
        Assert.Equal("08:00–18:00 Europe/Berlin", all.Single(a => a.Key == "arrival.workday").Value);
    }

    [Fact]
    public void A_calibration_marks_what_it_fitted()
    {
        var p = BehaviourParameters.Default with
        {
            Deals = new DealCalibration { WinRate = 0.4, RepWinRates = new Dictionary<string, double>(), TeamWinRates = new Dictionary<string, double>(), Products = [] },
            SpeedToLead = SpeedToLead.Default with { Enabled = false },
            MaxReferrals = 0,
        };
        var fitted = AssumptionCatalogue.Of(p).Where(a => a.Fitted).Select(a => a.Key).ToList();
        Assert.Equal(["speedToLead.enabled", "qualifyEffective", "salesCycleDays", "winRate", "stalledShare", "maxReferrals"], fitted);
        Assert.Contains(AssumptionCatalogue.Of(p), a => a.Key == "referralMeanDays" && !a.Fitted && a.Source == "assumed");
    }
}
