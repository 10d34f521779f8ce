using Growth.Domain.Figures;
using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Setup;

/// <summary>Turns a setup into what the simulation and the figures run on: the organisation and the behaviour parameters.</summary>
public static class SetupCompiler
{
    /// <summary>
    /// Regions, teams, reps (with their target for the fiscal quarter holding <paramref name="asOf"/>) and campaigns.
    /// A setup without regions describes no organisation of its own ("generated"): regions and teams stay empty, and
    /// the simulation keeps building its organisation from the seed.
    /// </summary>
    public static Organisation Organisation(SetupDocument setup, DateTimeOffset asOf)
    {
        var regions = new List<RegionProfile>();
        var teams = new List<TeamProfile>();
        // Each rep is held to their target for the fiscal quarter holding asOf (top-down where targets are set, else the quota).
        var targets = setup.Organisation.Regions.Count == 0
            ? null
            : TargetPlan.For(setup, new FiscalCalendar(setup.Company).QuarterOf(asOf)).Reps;
        foreach (var region in setup.Organisation.Regions)
        {
            regions.Add(new RegionProfile { Id = region.Id, Name = Named(region.Name, region.Id), TeamIds = region.Teams.Select(t => t.Id).ToList() });
            foreach (var team in region.Teams)
                teams.Add(new TeamProfile
                {
                    Id = team.Id,
                    Name = Named(team.Name, team.Id),
                    RegionId = region.Id,
                    LeaderName = team.Leader,
                    Rule = team.Assignment,
                    Reps = team.Reps.Select(r => Rep(r, team.Id, targets?.GetValueOrDefault(r.Id, r.Quota) ?? r.Quota)).ToList(),
                });
        }
        var allRegions = regions.Select(r => r.Id).ToList();
        var campaigns = setup.Channels.Campaigns.Select(c => Campaign(c, allRegions)).ToList();
        return new Organisation { Regions = regions, Teams = teams, Campaigns = campaigns };
    }

    /// <summary><paramref name="basis"/> with the setup's prices, catalogue, channel costs and payment terms.</summary>
    /// <remarks>
    /// List price: the catalogue's mix-weighted mean list price; the median customer budget moves with it in the
    /// same ratio as a calibration on a history moves it (so price against budget stays as the basis had it). An
    /// empty catalogue keeps the basis's prices. The deposit share is not simulated (yet). The company's kind sets the
    /// sales cycle (<see cref="SalesCycles"/>) unless the basis was fitted on a history; its working time sets when leads arrive.
    /// </remarks>
    public static BehaviourParameters Parameters(SetupDocument setup, BehaviourParameters basis)
    {
        var terms = setup.PaymentTerms;
        var result = basis with
        {
            PaymentTermsDays = terms.Days,
            OnTimePaymentRate = terms.OnTimeShare,
            LatePaymentRate = terms.LateCollectedShare,
            DaysLate = terms.DaysLate,
            Prices = null,
            // A fitted deal model opens opportunities at its products' prices: the catalogue re-prices them.
            Deals = basis.Deals is { } deals ? CalibratedPrices.Reprice(deals, setup.Catalogue) : null,
            // A fitted cycle (a calibration measured the history's) stays; else the kind of company sets it.
            DaysPerStep = basis.Deals is null && SalesCycles.Days(setup.Company.Kind) is { } cycle ? SalesCycles.DaysPerStep(cycle) : basis.DaysPerStep,
            Arrival = Arrival(setup.Company, basis.Arrival),
            Rules = Rules(setup.Rules, basis.Rules, setup.Catalogue.Discounts) with { Tagging = Tagging(setup), TagRules = TagRules(setup) },
        };
        var book = PriceBook(setup.Catalogue);
        if (book.MeanListPrice is { } listPrice && listPrice > 0)
        {
            var medianBudget = basis.ListPrice <= 0 ? basis.MedianBudget : Math.Round(listPrice * basis.MedianBudget / basis.ListPrice, 0);
            result = result with { ListPrice = Math.Round(listPrice, 2), MedianBudget = medianBudget, Prices = book };
        }
        return result with { Rules = result.Rules with { Customers = Customers(setup.Rules.Customers, result.ListPrice) } };
    }

    /// <summary>The setup's operating rules over <paramref name="basis"/>'s assumptions (the deadline aim, the discount habit).</summary>
    public static OperatingRules Rules(RulesSetup rules, OperatingRules basis, DiscountSetup? discounts = null)
    {
        var c = rules.Contract;
        var d = discounts ?? new DiscountSetup();
        var k = rules.Collections;
        return basis with
        {
            FirstContactDeadlineHours = rules.FirstContactDeadlineHours,
            UnansweredFollowUps = rules.UnansweredFollowUps,
            MaxReturns = rules.MaxReturns,
            InFlightDeals = rules.InFlightDeals,
            ArchiveClosedAfterDays = rules.ArchiveClosedAfterDays,
            Grades = rules.Grades.Select(g => new GradeRule(g.Grade, g.FollowUpDays, g.FollowUps)).ToList(),
            Contract = c.Enabled
                ? new ContractRules(c.DraftDays, c.ApprovalHours, c.RefusalShare, d.RepLimit, d.MaxDiscount) { DiscountHabit = basis.Contract?.DiscountHabit ?? 0.10 }
                : null,
            Collections = new CollectionRules(k.Instalments, k.InstalmentDays, k.ReminderDays.ToList(), k.WriteOffDays, k.RefundShareOnChurn),
            LongRun = LongRun(rules.LongRun),
        };
    }

    /// <summary>Market saturation, rep turnover and the yearly quota reset (null when the setup leaves them off).</summary>
    public static LongRun.LongRunAssumptions? LongRun(LongRunSetup l) => !l.Enabled ? null : new()
    {
        MarketAccountsPerRegion = l.MarketAccountsPerRegion, MarketGrowth = l.MarketGrowth, RepTenureYears = l.RepTenureYears,
        VacancyDays = l.VacancyDays, PlanGrowth = l.PlanGrowth,
    };

    /// <summary>The customer-grade rule (null when the setup leaves it off); high value 0 means the list price.</summary>
    public static CustomerRules? Customers(CustomerRulesSetup c, decimal listPrice) => !c.Enabled ? null
        : new CustomerRules(c.HighValue > 0 ? c.HighValue : CustomerRules.For(listPrice).HighValue, c.ActiveDays,
            c.Grades.Select(g => new CustomerGradeRule(g.Grade, g.CheckInDays, g.AnnualChurn)).ToList());
    /// <summary>How leads are tagged: the setup's segments and custom tags, and the catalogue's products by their mix.</summary>
    public static LeadTagging Tagging(SetupDocument setup) => new()
    {
        Segments = setup.Rules.Tags.Segments.Select(s => new SegmentShare(s.Name, s.Share)).ToList(),
        Products = setup.Catalogue.Products.Select(p => new ProductInterest(p.Id, p.Series, p.Mix)).ToList(),
        Custom = setup.Rules.Tags.Custom.Select(c => new CustomTag(c.Name, c.Share, c.Channels.ToList())).ToList(),
    };

    /// <summary>The setup's tag rules in order, each with its region (a rule naming only a team takes the team's region).</summary>
    public static IReadOnlyList<TagRule> TagRules(SetupDocument setup)
    {
        var regionOfTeam = setup.Organisation.Regions.SelectMany(r => r.Teams.Select(t => (Team: t.Id, Region: r.Id)))
            .GroupBy(x => x.Team).ToDictionary(g => g.Key, g => g.First().Region);
        return setup.Rules.Assignment
            .Select(r => new TagRule(
                !string.IsNullOrEmpty(r.Team) && regionOfTeam.TryGetValue(r.Team, out var region) ? region : r.Region ?? "",
                string.IsNullOrEmpty(r.Team) ? null : r.Team)
            {
                Sources = r.Sources.ToList(), Campaigns = r.Campaigns.ToList(), Segments = r.Segments.ToList(),
                Products = r.Products.ToList(), Tags = r.Tags.ToList(),
            })
            .ToList();
    }

    /// <summary><paramref name="basis"/> counted in the company's time zone, working days and working hours.</summary>
    public static LeadArrival Arrival(CompanySetup company, LeadArrival basis) => basis with
    {
        TimeZone = company.TimeZone,
        WorkingDays = company.WorkingDays.ToList(),
        WorkdayStartHour = Hours(company.WorkdayStart, basis.WorkdayStartHour),
        WorkdayEndHour = Hours(company.WorkdayEnd, basis.WorkdayEndHour),
    };

    static double Hours(string? time, double fallback) =>
        TimeOnly.TryParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
            ? t.ToTimeSpan().TotalHours
            : fallback;

    /// <summary>The catalogue's products (with their mix) and the regional prices of its price lists that name a region.</summary>
    public static PriceBook PriceBook(CatalogueSetup catalogue) => new()
    {
        Products = catalogue.Products.Select(p => new PricedProduct(p.Id, Named(p.Name, p.Id), p.ListPrice, p.Mix)).ToList(),
        RegionalPrices = catalogue.PriceLists
            .Where(l => !string.IsNullOrEmpty(l.Region))
            .SelectMany(l => l.Prices.Select(x => new RegionalPrice(l.Region!, x.Product, x.Price)))
            .ToList(),
    };

    /// <summary>Days a budget period covers: a day, a week, a mean month (30.4375), quarter (91.3125) and year (365.25).</summary>
    public static double DaysOf(BudgetPeriod period) => period switch
    {
        BudgetPeriod.Day => 1,
        BudgetPeriod.Week => 7,
        BudgetPeriod.Month => 30.4375,
        BudgetPeriod.Quarter => 91.3125,
        _ => 365.25,
    };

    /// <summary>How the workspace writes money, from the setup's currency.</summary>
    public static MoneyStyle Money(SetupDocument setup) =>
        new(setup.Company.Currency.Code, setup.Company.Currency.Symbol, setup.Company.Currency.Culture);

    static RepProfile Rep(RepSetup r, string teamId, decimal target) => new()
    {
        Id = r.Id,
        Name = Named(r.Name, r.Id),
        TeamId = teamId,
        Role = r.Role,
        Skills = r.Skills.ToArray(),
        Capacity = r.Capacity,
        Incentive = r.Incentive,
        Optimism = r.Optimism,
        Territory = new RepTerritory { Segments = r.Territory.Segments.ToList(), Regions = r.Territory.Regions.ToList(), ProductLines = r.Territory.ProductLines.ToList() },
        Target = target,
        HireDate = r.HireDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
    };

    static CampaignProfile Campaign(CampaignSetup c, IReadOnlyList<string> allRegions)
    {
        var days = DaysOf(c.Period);
        return new CampaignProfile
        {
            Id = c.Id,
            Name = Named(c.Name, c.Id),
            Channel = c.Channel,
            DailyBudget = c.Budget / (decimal)days,
            RegionIds = c.Regions.Count > 0 ? c.Regions.ToList() : allRegions,
            Start = c.Start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            // The last day runs to its end.
            End = c.End is { } e ? new DateTimeOffset(e.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1) : null,
            CostModel = c.CostModel,
            CostPerUnit = c.CostPerUnit,
            ReachPerDay = c.ExpectedReach is { } reach ? reach / days : null,
            EffectiveShare = c.JunkShare is { } junk ? 1 - junk : null,
        };
    }

    static string Named(string name, string id) => string.IsNullOrWhiteSpace(name) ? id : name;
}
