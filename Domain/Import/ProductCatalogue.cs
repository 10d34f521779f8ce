namespace Growth.Domain.Import;

/// <summary>
/// The price list, looked up by the product names the pipeline uses: exactly first, then ignoring spaces and
/// case, because CRM exports spell the same product differently ("GTXPro" for "GTX Pro").
/// </summary>
internal sealed class ProductCatalogue
{
    readonly Dictionary<string, CrmProduct> byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, CrmProduct?> byKey = new(StringComparer.Ordinal);
    readonly List<CrmProduct> products = [];

    public IReadOnlyList<CrmProduct> Products => products;

    /// <summary>Reads the price list; rows that cannot be used are skipped with a note.</summary>
    public static ProductCatalogue Read(CsvTable table, CrmColumnMapping mapping, ICollection<string> notes)
    {
        var catalogue = new ProductCatalogue();
        int name = table.Columns[mapping.ProductName], series = table.Columns[mapping.ProductSeries], price = table.Columns[mapping.ProductPrice];
        foreach (var row in table.Records)
        {
            var priced = CrmValues.TryParseAmount(row[price], out var listPrice) && listPrice >= 0;
            var skip = row.Problem
                ?? (row[name].Length == 0 ? "no product name" : null)
                ?? (!priced ? $"price '{row[price]}' is not an amount" : null)
                ?? (catalogue.byName.ContainsKey(row[name]) ? $"product '{row[name]}' listed again" : null);
            if (skip is not null) notes.Add($"{table.Name} line {row.Line}: {skip}; row skipped");
            else catalogue.Add(new CrmProduct(row[name], row[series], listPrice), table.Name, row.Line, notes);
        }
        return catalogue;
    }

    void Add(CrmProduct product, string file, int line, ICollection<string> notes)
    {
        products.Add(product);
        byName[product.Name] = product;
        var key = CrmNames.MatchKey(product.Name);
        if (!byKey.TryGetValue(key, out var other)) byKey[key] = product;
        else if (other is not null)
        {
            // Two products that differ only in spacing or case: a loose spelling could mean either, so it matches neither.
            notes.Add($"{file} line {line}: '{product.Name}' and '{other.Name}' differ only in spacing or case; only exact spellings match them");
            byKey[key] = null;
        }
    }

    /// <summary>The product named <paramref name="name"/>, and whether it was found only ignoring spaces and case.</summary>
    public (CrmProduct? Product, bool Loose) Find(string name)
    {
        if (byName.TryGetValue(name, out var exact)) return (exact, false);
        return byKey.TryGetValue(CrmNames.MatchKey(name), out var loose) && loose is not null ? (loose, true) : (null, false);
    }
}
