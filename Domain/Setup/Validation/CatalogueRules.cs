namespace Growth.Domain.Setup.Validation;

/// <summary>Rules for products, price lists and discounts.</summary>
internal static class CatalogueRules
{
    public static void Check(CatalogueSetup catalogue, SetupIndex index, ProblemList problems)
    {
        var productIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.Products.Count; i++)
        {
            var product = catalogue.Products[i];
            var at = SetupPath.Item("catalogue", "products", i);
            if (problems.Id(SetupPath.Field(at, "id"), product.Id)) problems.Unique(SetupPath.Field(at, "id"), product.Id, "product", productIds);
            problems.Text(SetupPath.Field(at, "name"), product.Name);
            problems.AtLeast(SetupPath.Field(at, "listPrice"), product.ListPrice, 0m);
            problems.AtLeast(SetupPath.Field(at, "unitCost"), product.UnitCost, 0m);
            problems.AtLeast(SetupPath.Field(at, "mix"), product.Mix, 0);
        }

        var listIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.PriceLists.Count; i++)
            PriceList(catalogue.PriceLists[i], SetupPath.Item("catalogue", "priceLists", i), index, listIds, problems);

        var discounts = SetupPath.Field("catalogue", "discounts");
        var d = catalogue.Discounts;
        problems.Share(SetupPath.Field(discounts, "repLimit"), d.RepLimit);
        problems.Share(SetupPath.Field(discounts, "maxDiscount"), d.MaxDiscount);
        if (d.RepLimit > d.MaxDiscount && d.MaxDiscount is >= 0 and <= 1 && d.RepLimit is >= 0 and <= 1)
            problems.Add(SetupPath.Field(discounts, "repLimit"),
                $"must not exceed maxDiscount ({ProblemList.Show(d.MaxDiscount)}) (was {ProblemList.Show(d.RepLimit)})");
    }

    static void PriceList(PriceListSetup list, string at, SetupIndex index, Dictionary<string, string> listIds, ProblemList problems)
    {
        if (problems.Id(SetupPath.Field(at, "id"), list.Id)) problems.Unique(SetupPath.Field(at, "id"), list.Id, "price list", listIds);
        var hasSegment = !string.IsNullOrWhiteSpace(list.Segment);
        var hasRegion = !string.IsNullOrWhiteSpace(list.Region);
        if (!hasSegment && !hasRegion) problems.Add(at, "must name a segment or a region");
        if (hasRegion && !index.Regions.Contains(list.Region!))
            problems.Add(SetupPath.Field(at, "region"), $"unknown region '{list.Region}'");

        var priced = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Prices.Count; i++)
        {
            var price = list.Prices[i];
            var priceAt = SetupPath.Item(at, "prices", i);
            var productAt = SetupPath.Field(priceAt, "product");
            if (!index.Products.Contains(price.Product ?? ""))
                problems.Add(productAt, $"unknown product '{price.Product}'");
            else if (!priced.TryAdd(price.Product!, priceAt))
                problems.Add(productAt, $"product '{price.Product}' is already priced in this list (at {priced[price.Product!]})");
            problems.AtLeast(SetupPath.Field(priceAt, "price"), price.Price, 0m);
        }
    }
}
