using Growth.Domain.Calibration;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Domain.Tests.Import;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Setup;

/// <summary>The setup an imported history yields: the Maven sample's products, prices, reps and run-rate quotas.</summary>
public sealed class ImportedSetupTests
{
    static readonly Lazy<(SetupDocument Setup, CalibrationResult Fit)> Built = new(() =>
    {
        var import = MavenImportTests.Sample.Value;
        var states = import.Journeys.Select(SmallExport.Apply).ToList();
        var fit = HistoryCalibration.Fit(states, import.Organisation, import.Products.Select(p => (p.Name, p.ListPrice)).ToList());
        var setup = ImportedSetup.Build(new ImportedHistory { Calibration = fit, Journeys = states, PriceList = import.Products, CompanyName = "maven-sim" });
        return (setup, fit);
    });

    static SetupDocument Setup => Built.Value.Setup;
    static IEnumerable<(TeamSetup Team, RepSetup Rep)> Reps => Setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps.Select(r => (t, r)));

    /// <summary>The products file read plainly: name, series, price.</summary>
    static IReadOnlyList<(string Name, string Series, decimal Price)> ProductsFile => File.ReadAllLines(Path.Combine(MavenSample.Folder, "products.csv"))
        .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
        .Select(f => (f[0], f[1], decimal.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    static readonly DateTime From = MavenSample.Deals.Where(d => d.EngageDate.Length > 0).Min(d => d.Engaged);
    static readonly DateTime To = MavenSample.Deals.Where(d => d.CloseDate.Length > 0).Select(d => d.Closed)
        .Concat(MavenSample.Deals.Where(d => d.EngageDate.Length > 0).Select(d => d.Engaged)).Max();

    [Fact]
    public void The_imported_setup_is_valid_and_survives_a_yaml_round_trip()
    {
        Assert.Empty(SetupValidator.Validate(Setup));
        var yaml = SetupFormat.Write(Setup, SetupFileFormat.Yaml);
        Assert.Equal(SetupFormat.Write(Setup, SetupFileFormat.Json), SetupFormat.Write(SetupFormat.Read(yaml, SetupFileFormat.Yaml), SetupFileFormat.Json));
    }

    [Fact]
    public void The_catalogue_is_the_products_file_with_its_prices_and_series()
    {
        var products = Setup.Catalogue.Products;
        Assert.Equal(ProductsFile.Select(p => (p.Name, p.Series, p.Price)), products.Select(p => (p.Name, p.Series, p.ListPrice)));
        Assert.Equal(ProductsFile.Select(p => CrmNames.Slug(p.Name)), products.Select(p => p.Id));
        Assert.Contains(products, p => p is { Id: "gtx-pro", ListPrice: 4821m, Series: "GTX" });
    }

    [Fact]
    public void A_product_s_mix_is_its_share_of_the_history_s_opportunities()
    {
        static string Key(string name) => name.Replace(" ", "").ToLowerInvariant();
        var opened = MavenSample.Deals.ToList();
        foreach (var product in Setup.Catalogue.Products)
        {
            var share = (double)opened.Count(d => Key(d.Product) == Key(product.Name)) / opened.Count;
            Assert.Equal(share, product.Mix, 1e-6);
        }
        Assert.Equal(1, Setup.Catalogue.Products.Sum(p => p.Mix), 4);
    }

    [Fact]
    public void The_organisation_is_the_teams_file_and_no_rep_has_quota_0()
    {
        Assert.Equal(MavenSample.Agents.Select(a => a.Name).Order(), Reps.Select(x => x.Rep.Name).Order());
        Assert.Equal(MavenSample.Agents.Select(a => a.Office).Distinct().Count(), Setup.Organisation.Regions.Count);
        Assert.All(Reps, x => Assert.True(x.Rep.Quota > 0, $"{x.Rep.Id} has quota {x.Rep.Quota}"));
        // The sample names reps who never closed a deal: they get a quota too.
        Assert.Contains(MavenSample.Agents, a => !MavenSample.Deals.Any(d => d.Agent == a.Name && d.Stage == "Won"));
    }

    [Fact]
    public void A_rep_s_quota_is_their_revenue_run_rate_per_quarter()
    {
        var won = MavenSample.Deals.Where(d => d.Stage == "Won").GroupBy(d => d.Agent).OrderByDescending(g => g.Count()).First();
        var quarters = (To - From).TotalDays / (365.25 / 4);
        var expected = Math.Round(won.Sum(d => d.Value) / (decimal)quarters, 0);
        Assert.Equal(expected, Reps.Single(x => x.Rep.Name == won.Key).Rep.Quota);
        Assert.InRange(quarters, 4, 6); // the sample covers about fourteen months
    }

    [Fact]
    public void A_rep_who_won_nothing_gets_the_team_median()
    {
        var idle = MavenSample.Agents.First(a => !MavenSample.Deals.Any(d => d.Agent == a.Name && d.Stage == "Won"));
        var (team, rep) = Reps.Single(x => x.Rep.Name == idle.Name);
        var winners = team.Reps.Where(r => MavenSample.Deals.Any(d => d.Agent == r.Name && d.Stage == "Won")).Select(r => r.Quota).Order().ToArray();
        Assert.NotEmpty(winners);
        var median = winners.Length % 2 == 1 ? winners[winners.Length / 2] : Math.Round((winners[winners.Length / 2 - 1] + winners[winners.Length / 2]) / 2, 0, MidpointRounding.AwayFromZero);
        Assert.Equal(median, rep.Quota);
    }

    [Fact]
    public void Quotas_fall_back_to_the_company_median_then_to_one()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        RepProfile Rep(string id, string team) => new() { Id = id, Name = id, TeamId = team, Skills = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] };
        TeamProfile Team(string id, params RepProfile[] reps) => new() { Id = id, Name = id, RegionId = "r", LeaderName = id, Reps = reps };
        var org = new Organisation { Teams = [Team("a", Rep("a1", "a"), Rep("a2", "a"), Rep("a3", "a")), Team("b", Rep("b1", "b"))] };
        JourneyState Win(string rep, decimal value) => new() { Id = rep + value, RepId = rep, Won = true, WonValue = value };
        var quarter = at.AddDays(ImportedSetup.DaysPerQuarter);

        var quotas = ImportedSetup.Quotas(org, [Win("a1", 1000), Win("a2", 3000), Win("a2", 1000)], at, quarter);
        Assert.Equal(1000m, quotas["a1"]);
        Assert.Equal(4000m, quotas["a2"]);
        Assert.Equal(2500m, quotas["a3"]); // the team's median
        Assert.Equal(2500m, quotas["b1"]); // no winner in the team: the company's median

        var none = ImportedSetup.Quotas(org, [], at, quarter);
        Assert.All(none.Values, q => Assert.Equal(ImportedSetup.LastResortQuota, q));
    }

    [Fact]
    public void The_company_targets_are_the_run_rate_for_the_next_four_fiscal_quarters()
    {
        var total = Reps.Sum(x => x.Rep.Quota);
        Assert.Equal(["FY2018-Q1", "FY2018-Q2", "FY2018-Q3", "FY2018-Q4"], Setup.Targets.Targets.Select(t => t.Period));
        Assert.All(Setup.Targets.Targets, t => Assert.Equal((TargetLevel.Company, (string?)null, total), (t.Level, t.Id, t.Amount)));
        Assert.Equal(new DateTime(2017, 12, 31), To); // so the next quarter is FY2018-Q1

        var named = ImportedSetup.Build(new ImportedHistory
        {
            Calibration = Built.Value.Fit, Journeys = [], TargetsFrom = new DateTimeOffset(2016, 11, 5, 0, 0, 0, TimeSpan.Zero),
        });
        Assert.Equal(["FY2016-Q4", "FY2017-Q1", "FY2017-Q2", "FY2017-Q3"], named.Targets.Targets.Select(t => t.Period));
    }

    [Fact]
    public void The_company_target_is_split_by_quota_so_every_rep_is_held_to_their_own_run_rate()
    {
        var sheet = TargetPlan.For(Setup, "FY2018-Q2")!;
        Assert.Equal(Reps.ToDictionary(x => x.Rep.Id, x => x.Rep.Quota).OrderBy(x => x.Key), sheet.Reps.OrderBy(x => x.Key));
        Assert.Equal(sheet.BottomUp, sheet.Company);
        // Compiled for the simulation at a date in a target quarter: the same targets.
        var compiled = SetupCompiler.Organisation(Setup, new DateTimeOffset(2018, 5, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(sheet.Reps.OrderBy(x => x.Key), compiled.Reps.Select(r => KeyValuePair.Create(r.Id, r.Target)).OrderBy(x => x.Key));
    }

    [Fact]
    public void The_company_channels_and_payment_terms_come_from_the_workspace_and_the_calibration()
    {
        var fit = Built.Value.Fit;
        Assert.Equal("maven-sim", Setup.Company.Name);
        Assert.Equal("USD", Setup.Company.Currency.Code);
        Assert.Equal(fit.Organisation.Campaigns.Select(c => (c.Id, c.DailyBudget)), Setup.Channels.Campaigns.Select(c => (c.Id, c.Budget)));
        Assert.All(Setup.Channels.Campaigns, c => Assert.Equal((BudgetPeriod.Day, CostModel.PerLead, 0.0), (c.Period, c.CostModel, c.JunkShare)));
        Assert.Equal((int)fit.Parameters.PaymentTermsDays, Setup.PaymentTerms.Days);
        Assert.Equal(fit.Parameters.OnTimePaymentRate, Setup.PaymentTerms.OnTimeShare);
    }

    [Fact]
    public void Without_a_price_list_the_history_s_prices_make_the_products()
    {
        var setup = ImportedSetup.Build(new ImportedHistory { Calibration = Built.Value.Fit, Journeys = [] });
        Assert.Equal(Built.Value.Fit.Products.Select(p => p.ListPrice), setup.Catalogue.Products.Select(p => p.ListPrice));
        Assert.Equal(setup.Catalogue.Products.Count, setup.Catalogue.Products.Select(p => p.Id).Distinct().Count());
        // No journeys given: nobody won anything, and the quota is still not 0.
        Assert.All(setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps), r => Assert.Equal(ImportedSetup.LastResortQuota, r.Quota));
    }
}
