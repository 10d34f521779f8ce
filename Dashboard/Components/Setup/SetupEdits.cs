using Growth.Domain.Setup;

namespace Growth.Dashboard.Components.Setup;

/// <summary>Edits of one item of a setup document (a rep, a product, a campaign...), each giving a new document.</summary>
public static class SetupEdits
{
    static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, int index, Func<T, T> edit) =>
        items.Select((item, i) => i == index ? edit(item) : item).ToList();

    static IReadOnlyList<T> Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, i) => i != index).ToList();

    public static SetupDocument Company(SetupDocument d, Func<CompanySetup, CompanySetup> edit) => d with { Company = edit(d.Company) };

    public static SetupDocument Currency(SetupDocument d, Func<CurrencySetup, CurrencySetup> edit) =>
        d with { Company = d.Company with { Currency = edit(d.Company.Currency) } };

    public static SetupDocument Team(SetupDocument d, int region, int team, Func<TeamSetup, TeamSetup> edit) => d with
    {
        Organisation = d.Organisation with
        {
            Regions = Replace(d.Organisation.Regions, region, r => r with { Teams = Replace(r.Teams, team, edit) }),
        },
    };

    public static SetupDocument Rep(SetupDocument d, int region, int team, int rep, Func<RepSetup, RepSetup> edit) =>
        Team(d, region, team, t => t with { Reps = Replace(t.Reps, rep, edit) });

    /// <summary>A rep's role as typed: trimmed, and none when left blank (validation then says what is wrong with the rest).</summary>
    public static string? Role(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    public static SetupDocument RemoveRep(SetupDocument d, int region, int team, int rep) =>
        Team(d, region, team, t => t with { Reps = Without(t.Reps, rep) });

    /// <summary>Moves a rep to another team (at the end of its list).</summary>
    public static SetupDocument MoveRep(SetupDocument d, int region, int team, int rep, int toRegion, int toTeam)
    {
        if (region == toRegion && team == toTeam) return d;
        var moved = d.Organisation.Regions[region].Teams[team].Reps[rep];
        return AddRep(RemoveRep(d, region, team, rep), toRegion, toTeam, moved);
    }

    public static SetupDocument AddRep(SetupDocument d, int region, int team, RepSetup rep) =>
        Team(d, region, team, t => t with { Reps = [.. t.Reps, rep] });

    /// <summary>An id no rep has yet: <c>rep-N</c> with the smallest free N from the count of reps up.</summary>
    public static string NewRepId(SetupDocument d)
    {
        var ids = d.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var n = ids.Count + 1;
        while (ids.Contains($"rep-{n}")) n++;
        return $"rep-{n}";
    }

    public static SetupDocument Product(SetupDocument d, int index, Func<ProductSetup, ProductSetup> edit) =>
        d with { Catalogue = d.Catalogue with { Products = Replace(d.Catalogue.Products, index, edit) } };

    public static SetupDocument Campaign(SetupDocument d, int index, Func<CampaignSetup, CampaignSetup> edit) =>
        d with { Channels = d.Channels with { Campaigns = Replace(d.Channels.Campaigns, index, edit) } };

    public static SetupDocument Target(SetupDocument d, int index, Func<TargetSetup, TargetSetup> edit) =>
        d with { Targets = d.Targets with { Targets = Replace(d.Targets.Targets, index, edit) } };

    public static SetupDocument RemoveTarget(SetupDocument d, int index) =>
        d with { Targets = d.Targets with { Targets = Without(d.Targets.Targets, index) } };

    public static SetupDocument AddTarget(SetupDocument d, TargetSetup target) =>
        d with { Targets = d.Targets with { Targets = [.. d.Targets.Targets, target] } };

    public static SetupDocument PaymentTerms(SetupDocument d, Func<PaymentTermsSetup, PaymentTermsSetup> edit) => d with { PaymentTerms = edit(d.PaymentTerms) };
}
