using Growth.Domain.Calibration;

namespace Growth.Domain.Setup;

/// <summary>
/// A deal model fitted on a history, re-priced by the setup's catalogue: a product of the history that the catalogue
/// lists (matched by name, ignoring case) opens opportunities at the catalogue's list price, its won values move by the
/// same ratio, and its share of new opportunities follows the catalogue's mix. Products the history never sold are
/// not in a fitted model (it has no win rate for them) and keep being ignored by it.
/// </summary>
public static class CalibratedPrices
{
    public static DealCalibration Reprice(DealCalibration deals, CatalogueSetup catalogue)
    {
        if (deals.Products.Count == 0 || catalogue.Products.Count == 0) return deals;
        var byName = catalogue.Products.GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var listed = deals.Products.Where(f => byName.ContainsKey(f.Name.Trim())).ToList();
        var mixTotal = listed.Sum(f => byName[f.Name.Trim()].Mix);
        var listedShare = listed.Sum(f => f.Share);
        var products = deals.Products.Select(fit =>
        {
            if (!byName.TryGetValue(fit.Name.Trim(), out var product)) return fit;
            var ratio = fit.ListPrice > 0 && product.ListPrice > 0 ? product.ListPrice / fit.ListPrice : 1m;
            // The listed products share what they had between them, split by the catalogue's mix.
            var share = mixTotal > 0 ? listedShare * product.Mix / mixTotal : fit.Share;
            return fit with
            {
                ListPrice = product.ListPrice > 0 ? product.ListPrice : fit.ListPrice,
                Share = share,
                WonValues = ratio == 1m ? fit.WonValues : fit.WonValues.Select(v => Math.Round(v * ratio, 2)).ToList(),
            };
        }).ToList();
        return deals with { Products = products };
    }
}
