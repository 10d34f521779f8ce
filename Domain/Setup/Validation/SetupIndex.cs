namespace Growth.Domain.Setup.Validation;

/// <summary>The ids a document defines, gathered once so that every cross-reference is a hash look-up.</summary>
internal sealed class SetupIndex
{
    public HashSet<string> Regions { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Teams { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Reps { get; } = new(StringComparer.Ordinal);
    /// <summary>The roles reps carry (<see cref="RepSetup.Role"/>), for plans that apply to roles.</summary>
    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Products { get; } = new(StringComparer.Ordinal);
    /// <summary>Product series (product lines) in the catalogue.</summary>
    public HashSet<string> Series { get; } = new(StringComparer.Ordinal);

    public static SetupIndex Of(SetupDocument document)
    {
        var index = new SetupIndex();
        foreach (var region in document.Organisation.Regions)
        {
            if (!string.IsNullOrEmpty(region.Id)) index.Regions.Add(region.Id);
            foreach (var team in region.Teams)
            {
                if (!string.IsNullOrEmpty(team.Id)) index.Teams.Add(team.Id);
                foreach (var rep in team.Reps)
                {
                    if (!string.IsNullOrEmpty(rep.Id)) index.Reps.Add(rep.Id);
                    if (!string.IsNullOrEmpty(rep.Role)) index.Roles.Add(rep.Role);
                }
            }
        }
        foreach (var product in document.Catalogue.Products)
        {
            if (!string.IsNullOrEmpty(product.Id)) index.Products.Add(product.Id);
            if (!string.IsNullOrEmpty(product.Series)) index.Series.Add(product.Series);
        }
        return index;
    }
}
