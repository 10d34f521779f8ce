namespace Growth.Benchmarks;

/// <summary>The <c>dormancy</c> scenario's rows: bytes per customer, per shard entry and per record row, and what one node carries.</summary>
public static class DormancyRows
{
    public static async Task<List<Row>> RowsAsync(bool quick)
    {
        var rows = new List<Row>();
        // Existing customers, most with nothing due within a week: the dormant side of a large consumer business.
        var customers = quick ? 5_000 : 100_000;
        var (perCustomer, dormantShare, perActivated, (rowBytes, wholeBytes, compactBytes, namedBytes, drawerBytes, tickedBytes)) = await DormancyScenarios.CustomersAsync(customers);
        var entry = DormancyScenarios.EntryBytes(customers);
        rows.Add(new Row("dormancy", $"managed bytes per customer, dormancy on ({customers:N0}, {dormantShare:P0} dormant)", perCustomer, "bytes", "", null));
        rows.Add(new Row("dormancy", $"managed bytes per customer, all activated ({customers:N0})", perActivated, "bytes", "<= 2560", perActivated <= 2560));
        rows.Add(new Row("dormancy", "bytes per shard entry (id + next due + dormant)", entry, "bytes", "<= 200", entry <= 200));
        rows.Add(new Row("dormancy", "bytes per record row handed out (named customer row, copied out)", rowBytes, "bytes", "", null));
        rows.Add(new Row("dormancy", "bytes per record row kept whole and named (as shards kept them before compact rows, own id string)", wholeBytes, "bytes", "", null));
        rows.Add(new Row("dormancy", "bytes per record row the shard keeps (compact, id string shared with the entry, drawn names not kept)", compactBytes, "bytes", "", null));
        rows.Add(new Row("dormancy", "bytes per record row the shard keeps, the same rows with dates to the tick (as the simulation's: kept as ticks, not seconds)", tickedBytes, "bytes", "", null));
        rows.Add(new Row("dormancy", "bytes per record row the shard keeps once every name has been handed out (compact row + its drawn name and company)", namedBytes, "bytes", "", null));
        rows.Add(new Row("dormancy", "bytes per name drawer (one Bogus faker per shard that hands out names)", drawerBytes, "bytes", "", null));
        // With table storage a dormant customer's state is in the table: the silo keeps its entry and its compact row.
        rows.Add(new Row("dormancy", "bytes per dormant customer with table storage (entry + compact row)", entry + compactBytes, "bytes", "<= 200", entry + compactBytes <= 200));
        // The largest organisation one node carries, computed from this run's figures (README "How large an organisation
        // one node carries"): a 4 GB working set leaves about 2.2 GB of heap (1.7x, plus the idle host); a tenth of the
        // customers in flight and activated, the rest dormant with table storage (entry + compact row each).
        var perCustomerAtLoad = 0.1 * perActivated + 0.9 * (entry + compactBytes);
        rows.Add(new Row("dormancy", "customers one node carries in a 4 GB working set (computed: 2.2 GB heap, a tenth in flight and activated, table storage)",
            2.2e9 / perCustomerAtLoad, "customers", ">= 10,000,000", 2.2e9 / perCustomerAtLoad >= 10_000_000));
        return rows;
    }
}
