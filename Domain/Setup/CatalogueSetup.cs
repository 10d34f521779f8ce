namespace Growth.Domain.Setup;

/// <summary>What the company sells and at what price.</summary>
public sealed record CatalogueSetup
{
    public IReadOnlyList<ProductSetup> Products { get; init; } = [];
    /// <summary>Prices that differ from list price for a segment or a region.</summary>
    public IReadOnlyList<PriceListSetup> PriceLists { get; init; } = [];
    public DiscountSetup Discounts { get; init; } = new();
}

public sealed record ProductSetup
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Product line or series ("GTX", "Short courses").</summary>
    public string Series { get; init; } = "";
    public decimal ListPrice { get; init; }
    public decimal UnitCost { get; init; }
    /// <summary>Relative weight of this product among new opportunities (source: assumed 1 each; an import measures it).</summary>
    public double Mix { get; init; } = 1;
}

/// <summary>Prices for one segment or region (at least one of the two named).</summary>
public sealed record PriceListSetup
{
    public string Id { get; init; } = "";
    public string? Segment { get; init; }
    /// <summary>Region id the prices apply in.</summary>
    public string? Region { get; init; }
    public IReadOnlyList<PriceSetup> Prices { get; init; } = [];
}

public sealed record PriceSetup
{
    /// <summary>Product id.</summary>
    public string Product { get; init; } = "";
    public decimal Price { get; init; }
}

/// <summary>How far reps may discount.</summary>
public sealed record DiscountSetup
{
    /// <summary>Most a rep may discount without approval, 0..1 of the price.</summary>
    public double RepLimit { get; init; } = 0.10;
    /// <summary>Most anyone may discount, 0..1.</summary>
    public double MaxDiscount { get; init; } = 0.25;
}
