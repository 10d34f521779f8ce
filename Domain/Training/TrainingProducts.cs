namespace Growth.Domain.Training;

/// <summary>A product of a workspace's setup catalogue a training scenario can sell instead of its own.</summary>
/// <param name="Id">The product's id in the setup.</param>
/// <param name="Name">What the customer hears it called.</param>
/// <param name="Series">Its product line (may be empty).</param>
/// <param name="ListPrice">Its list price in the workspace's currency.</param>
public sealed record TrainingProduct(string Id, string Name, string Series, decimal ListPrice);

/// <summary>Scenarios re-priced for a workspace's own products. Pure.</summary>
public static class TrainingProducts
{
    /// <summary>
    /// <paramref name="scenario"/> selling <paramref name="product"/> at its list price. The customers' budgets scale
    /// by the same ratio as the price, so budget against price (what makes a customer able or unable to afford it)
    /// and with it the scenario's difficulty stay as written; the scenario's id stays too, so the same seed is the
    /// same customer and the session counts for the same scenario on the leaderboard.
    /// </summary>
    public static TrainingScenario ForProduct(TrainingScenario scenario, TrainingProduct product)
    {
        if (string.IsNullOrWhiteSpace(product.Name)) throw new ArgumentException($"product {product.Id} has no name", nameof(product));
        if (product.ListPrice <= 0) throw new ArgumentException($"product {product.Id} has no positive list price (was {product.ListPrice})", nameof(product));
        var ratio = product.ListPrice / scenario.ListPrice;
        return scenario with
        {
            Product = product.Name,
            ListPrice = product.ListPrice,
            Budget = scenario.Budget with { Median = Math.Max(0.01m, Math.Round(scenario.Budget.Median * ratio, 2)) },
        };
    }
}
