using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>One product a new opportunity can be for: its list price and its weight among new opportunities.</summary>
public sealed record PricedProduct(string Id, string Name, decimal Price, double Mix);

/// <summary>A product's price in one region, where it differs from the list price.</summary>
public sealed record RegionalPrice(string Region, string Product, decimal Price);

/// <summary>
/// The company's products and prices (compiled from a setup's catalogue): a new opportunity is for a product drawn
/// by its mix and is valued at that product's price in the lead's region. Pure.
/// </summary>
public sealed record PriceBook
{
    public IReadOnlyList<PricedProduct> Products { get; init; } = [];
    public IReadOnlyList<RegionalPrice> RegionalPrices { get; init; } = [];

    /// <summary>Mix-weighted mean list price, or null if no product has a positive mix.</summary>
    public decimal? MeanListPrice
    {
        get
        {
            var weight = Products.Sum(p => Math.Max(0, p.Mix));
            return weight <= 0 ? null : Products.Sum(p => p.Price * (decimal)(Math.Max(0, p.Mix) / weight));
        }
    }

    /// <summary>A product drawn by mix (one uniform draw from <paramref name="rng"/>), or null if there is none to draw.</summary>
    public PricedProduct? Draw(Prng rng)
    {
        var total = Products.Sum(p => Math.Max(0, p.Mix));
        if (total <= 0) return null;
        var u = rng.NextDouble() * total;
        PricedProduct? last = null;
        foreach (var p in Products)
        {
            if (p.Mix <= 0) continue;
            last = p;
            u -= p.Mix;
            if (u < 0) return p;
        }
        return last;
    }

    /// <summary>The product's price in <paramref name="region"/>: the regional price if one is set, else its list price.</summary>
    public decimal PriceIn(PricedProduct product, string? region)
    {
        if (region is not null)
            foreach (var r in RegionalPrices)
                if (r.Region == region && r.Product == product.Id) return r.Price;
        return product.Price;
    }
}
