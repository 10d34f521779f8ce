using System.Text;
using Growth.Domain.Organisations;
using Growth.Domain.Simulation;

namespace Growth.Domain.Setup;

/// <summary>
/// The setup that describes an organisation Growth already runs (one generated from a seed, or one read from an
/// imported history): so every workspace has a setup its leader can read and change.
/// </summary>
/// <remarks>
/// Ids are kept exactly (they key the grains). Regions hold their teams in the region's order (a team whose region
/// is missing gets a region of that id); reps keep skills, capacity, incentive, and their target as the quarterly
/// quota. Campaigns spend per month: <see cref="DaysPerMonth"/> times their daily budget; a campaign's cost per touch
/// and junk share are written only where the parameters differ from the defaults. The catalogue is the calibrated
/// products (name, list price, share as mix), or empty (deals valued around the default list price).
/// </remarks>
public static class SetupFromOrganisation
{
    /// <summary>Days a monthly budget covers: the mean month the compiler divides by, so a budget comes back as it went.</summary>
    public static readonly double DaysPerMonth = SetupCompiler.DaysOf(BudgetPeriod.Month);

    public static SetupDocument Build(Organisation organisation, BehaviourParameters parameters, CompanySetup? company = null) => new()
    {
        Company = company ?? new CompanySetup(),
        Organisation = new OrganisationSetup { Regions = Regions(organisation) },
        Catalogue = new CatalogueSetup { Products = Products(parameters) },
        Channels = new ChannelsSetup { Campaigns = organisation.Campaigns.Select(c => Campaign(c, parameters)).ToList() },
        PaymentTerms = new PaymentTermsSetup
        {
            Days = (int)Math.Round(parameters.PaymentTermsDays),
            OnTimeShare = parameters.OnTimePaymentRate,
            LateCollectedShare = parameters.LatePaymentRate,
            DaysLate = parameters.DaysLate,
        },
        // The long run (market, turnover, yearly plan) as the simulation runs it; every other rule at its default.
        Rules = parameters.Rules.LongRun is { } longRun ? new RulesSetup { LongRun = LongRunSetup.Of(longRun) } : new RulesSetup(),
    };

    static List<RegionSetup> Regions(Organisation organisation)
    {
        var teams = organisation.Teams.ToDictionary(t => t.Id);
        var placed = new HashSet<string>();
        var regions = new List<RegionSetup>();
        foreach (var region in organisation.Regions)
        {
            var ids = region.TeamIds.Where(teams.ContainsKey)
                .Concat(organisation.Teams.Where(t => t.RegionId == region.Id).Select(t => t.Id))
                .Where(placed.Add).ToList();
            regions.Add(new RegionSetup { Id = region.Id, Name = region.Name, Teams = ids.Select(id => Team(teams[id])).ToList() });
        }
        // Teams whose region the organisation does not list: a region of their region id, so no rep is lost.
        foreach (var group in organisation.Teams.Where(t => !placed.Contains(t.Id)).GroupBy(t => t.RegionId))
            regions.Add(new RegionSetup { Id = group.Key, Name = group.Key, Teams = group.Select(Team).ToList() });
        return regions;
    }

    static TeamSetup Team(TeamProfile team) => new()
    {
        Id = team.Id,
        Name = team.Name,
        Leader = team.LeaderName,
        Assignment = team.Rule,
        Reps = team.Reps.Select(Rep).ToList(),
    };

    static RepSetup Rep(RepProfile rep) => new()
    {
        Id = rep.Id,
        Name = rep.Name,
        Role = rep.Role,
        Capacity = rep.Capacity,
        Skills = rep.Skills.Length >= 6 ? SkillsSetup.From(rep.Skills) : new SkillsSetup(),
        Incentive = rep.Incentive,
        Optimism = rep.Optimism,
        Quota = rep.Target,
        Territory = new TerritorySetup { Segments = rep.Territory.Segments.ToList(), Regions = rep.Territory.Regions.ToList(), ProductLines = rep.Territory.ProductLines.ToList() },
    };

    static CampaignSetup Campaign(CampaignProfile campaign, BehaviourParameters parameters)
    {
        var defaults = BehaviourParameters.Default.Channels.GetValueOrDefault(campaign.Channel);
        var actual = parameters.Channels.GetValueOrDefault(campaign.Channel);
        return new CampaignSetup
        {
            Id = campaign.Id,
            Name = campaign.Name,
            Channel = campaign.Channel,
            Budget = campaign.DailyBudget * (decimal)DaysPerMonth,
            Period = BudgetPeriod.Month,
            CostModel = CostModel.PerTouch,
            CostPerUnit = actual is not null && actual.CostPerTouch != defaults?.CostPerTouch ? actual.CostPerTouch : null,
            JunkShare = actual is not null && actual.EffectiveShare != defaults?.EffectiveShare ? Math.Round(1 - actual.EffectiveShare, 6) : null,
            Regions = campaign.RegionIds.ToList(),
        };
    }

    static List<ProductSetup> Products(BehaviourParameters parameters)
    {
        var fits = parameters.Deals?.Products ?? [];
        // No products of its own: the catalogue stays empty and deals keep their value spread around the default list
        // price (a single product would price every deal exactly at it); a leader who adds products gets a price book.
        if (fits.Count == 0) return [];
        var used = new HashSet<string>();
        return fits.Select(p => new ProductSetup { Id = UniqueId(p.Name, used), Name = p.Name, ListPrice = p.ListPrice, Mix = p.Share }).ToList();
    }

    /// <summary>"GTX Pro 2.0" → "gtx-pro-2-0": lowercase letters and digits joined by single dashes; a repeat gets "-2", "-3".</summary>
    public static string IdOf(string name)
    {
        var id = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) id.Append(c);
            else if (id.Length > 0 && id[^1] != '-') id.Append('-');
        }
        var text = id.ToString().TrimEnd('-');
        return text.Length == 0 ? "product" : text;
    }

    static string UniqueId(string name, HashSet<string> used)
    {
        var id = IdOf(name);
        var unique = id;
        for (var n = 2; !used.Add(unique); n++) unique = $"{id}-{n}";
        return unique;
    }
}
