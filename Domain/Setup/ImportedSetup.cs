using Growth.Domain.Calibration;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Setup;

/// <summary>An imported history as the setup built from it needs it.</summary>
public sealed record ImportedHistory
{
    /// <summary>What was fitted on the history: its organisation (with a fitted lead flow per region), parameters, span and products.</summary>
    public required CalibrationResult Calibration { get; init; }
    /// <summary>The history's journeys (final states): the reps' won deals give their quotas.</summary>
    public required IReadOnlyCollection<JourneyState> Journeys { get; init; }
    /// <summary>The price list the export came with (names, series, list prices); empty: the fitted products, named by their price.</summary>
    public IReadOnlyList<CrmProduct> PriceList { get; init; } = [];
    /// <summary>The company's name (the workspace's); empty keeps the default.</summary>
    public string CompanyName { get; init; } = "";
    /// <summary>
    /// The company targets cover the four fiscal quarters from the one holding this instant; null: the four quarters
    /// after the one the history ends in.
    /// </summary>
    public DateTimeOffset? TargetsFrom { get; init; }
}

/// <summary>
/// The setup an imported history yields, for the user to review and edit before a calibrated simulation starts. Pure.
/// <list type="bullet">
/// <item>Organisation: the history's regions, teams and reps; a rep's quota is their revenue run rate per fiscal
/// quarter (see <see cref="RunRate"/>) and never 0: a rep who won nothing gets the median run rate of their team's
/// reps who won, else the company's median, else <see cref="LastResortQuota"/>.</item>
/// <item>Catalogue: each product of the price list (id made from its name, series, list price) with its share of
/// the history's opportunities as mix (0 if none was opened for it). Opportunities are told apart by their value
/// (an opportunity opens at its product's list price), so products of one price share that price's opportunities
/// evenly. Without a price list, one product per list price the history used.</item>
/// <item>Channels: the fitted lead flow of each region, paid per lead at the fitted flow's cost, with no junk.</item>
/// <item>Targets: a company target per fiscal quarter for four quarters, each the sum of the rep quotas (the
/// history's run rate), allocated by quota, so every rep is held to their own run rate.</item>
/// <item>Payment terms: the calibrated parameters' (which a CRM export does not measure: the behaviour model's
/// assumed defaults).</item>
/// <item>Company: named after the workspace; currency USD (source: assumed, as the Maven sample is in US dollars),
/// calendar fiscal year.</item>
/// </list>
/// </summary>
public static class ImportedSetup
{
    /// <summary>Mean days of a fiscal quarter (365.25 / 4): the unit the history's span is counted in for run rates.</summary>
    public const double DaysPerQuarter = 365.25 / 4;

    /// <summary>The quota of a rep when neither they, their team nor the company won anything (source: assumed; a quota is never 0).</summary>
    public const decimal LastResortQuota = 1;

    /// <summary>Fiscal quarters the company targets cover.</summary>
    public const int TargetQuarters = 4;

    public static SetupDocument Build(ImportedHistory history)
    {
        var fit = history.Calibration;
        var quotas = Quotas(fit.Organisation, history.Journeys, fit.From, fit.To);
        var company = new CompanySetup { Name = string.IsNullOrWhiteSpace(history.CompanyName) ? new CompanySetup().Name : history.CompanyName.Trim() };
        var companyTarget = quotas.Values.Sum();
        var calendar = new FiscalCalendar(company);
        var from = history.TargetsFrom ?? calendar.QuarterOf(fit.To).End;
        // The organisation and payment terms as any organisation Growth runs is described, reps' targets being their quotas.
        var described = SetupFromOrganisation.Build(WithTargets(fit.Organisation, quotas), fit.Parameters, company);
        return described with
        {
            Catalogue = new CatalogueSetup { Products = Products(history.PriceList, fit.Products) },
            Channels = new ChannelsSetup
            {
                Campaigns = fit.Organisation.Campaigns.Select(c => new CampaignSetup
                {
                    Id = c.Id,
                    Name = c.Name,
                    Channel = c.Channel,
                    Budget = c.DailyBudget,
                    Period = BudgetPeriod.Day,
                    CostModel = CostModel.PerLead,
                    CostPerUnit = HistoryCalibration.FittedFlow.CostPerTouch,
                    JunkShare = Math.Round(1 - (c.EffectiveShare ?? HistoryCalibration.FittedFlow.EffectiveShare), 6),
                    Regions = c.RegionIds.ToArray(),
                }).ToArray(),
            },
            Targets = new TargetsSetup
            {
                Allocation = TargetAllocation.ByQuota,
                Targets = Quarters(calendar, from, TargetQuarters)
                    .Select(q => new TargetSetup { Level = TargetLevel.Company, Period = q.Name, Amount = companyTarget }).ToArray(),
            },
        };
    }

    /// <summary>Fiscal quarters the span [<paramref name="from"/>, <paramref name="to"/>] covers: its days ÷ <see cref="DaysPerQuarter"/> (at least one day's worth).</summary>
    public static double QuartersCovered(DateTimeOffset from, DateTimeOffset to) => Math.Max(1, (to - from).TotalDays) / DaysPerQuarter;

    /// <summary>Revenue per fiscal quarter: <paramref name="won"/> over the quarters the span covers, to whole units.</summary>
    public static decimal RunRate(decimal won, DateTimeOffset from, DateTimeOffset to) =>
        Math.Round(won / (decimal)QuartersCovered(from, to), 0, MidpointRounding.AwayFromZero);

    /// <summary>Each rep's quarterly quota from the history (never 0; see <see cref="ImportedSetup"/>).</summary>
    public static IReadOnlyDictionary<string, decimal> Quotas(Organisation organisation, IEnumerable<JourneyState> journeys, DateTimeOffset from, DateTimeOffset to)
    {
        var won = journeys.Where(j => j.Won && j.RepId is not null).GroupBy(j => j.RepId!).ToDictionary(g => g.Key, g => g.Sum(j => j.WonValue));
        var own = organisation.Reps.Where(r => won.ContainsKey(r.Id))
            .ToDictionary(r => r.Id, r => Math.Max(LastResortQuota, RunRate(won[r.Id], from, to)));
        decimal? company = Median(own.Values);
        var quotas = new Dictionary<string, decimal>();
        foreach (var team in organisation.Teams)
        {
            var teamMedian = Median(team.Reps.Where(r => own.ContainsKey(r.Id)).Select(r => own[r.Id]));
            foreach (var rep in team.Reps)
                quotas[rep.Id] = own.TryGetValue(rep.Id, out var q) ? q : teamMedian ?? company ?? LastResortQuota;
        }
        return quotas;
    }

    static Organisation WithTargets(Organisation organisation, IReadOnlyDictionary<string, decimal> quotas) => organisation with
    {
        Teams = organisation.Teams.Select(t => t with
        {
            Reps = t.Reps.Select(r => r with { Target = quotas.TryGetValue(r.Id, out var q) ? q : LastResortQuota }).ToArray(),
        }).ToArray(),
    };

    static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : Math.Round((sorted[mid - 1] + sorted[mid]) / 2, 0, MidpointRounding.AwayFromZero);
    }

    static ProductSetup[] Products(IReadOnlyList<CrmProduct> priceList, IReadOnlyList<ProductFit> fitted)
    {
        var share = fitted.GroupBy(f => f.ListPrice).ToDictionary(g => g.Key, g => g.Sum(f => f.Share));
        var named = priceList.Count > 0
            ? priceList.Select(p => (p.Name, p.Series, p.ListPrice)).ToList()
            : fitted.Select(f => (f.Name, Series: "", f.ListPrice)).ToList();
        // Values the history opened opportunities at that the price list does not have still make products.
        named.AddRange(fitted.Where(f => named.All(n => n.ListPrice != f.ListPrice)).Select(f => (f.Name, Series: "", f.ListPrice)));
        var samePrice = named.GroupBy(n => n.ListPrice).ToDictionary(g => g.Key, g => g.Count());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return named.Select(n => new ProductSetup
        {
            Id = UniqueId(CrmNames.Slug(n.Name), ids),
            Name = n.Name,
            Series = n.Series,
            ListPrice = n.ListPrice,
            Mix = Math.Round(share.GetValueOrDefault(n.ListPrice) / samePrice[n.ListPrice], 6),
        }).ToArray();
    }

    /// <summary><paramref name="id"/>, or with "-2", "-3"... appended if <paramref name="taken"/> has it; the result is added to <paramref name="taken"/>.</summary>
    public static string UniqueId(string id, HashSet<string> taken)
    {
        var unique = id;
        for (var i = 2; !taken.Add(unique); i++) unique = $"{id}-{i}";
        return unique;
    }

    static IEnumerable<FiscalPeriod> Quarters(FiscalCalendar calendar, DateTimeOffset from, int count)
    {
        var q = calendar.QuarterOf(from);
        for (var i = 0; i < count; i++, q = calendar.QuarterOf(q.End)) yield return q;
    }
}
