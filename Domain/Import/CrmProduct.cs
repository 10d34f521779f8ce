namespace Growth.Domain.Import;

/// <summary>A product of the price list; its list price values an opportunity when it opens.</summary>
public sealed record CrmProduct(string Name, string Series, decimal ListPrice);
