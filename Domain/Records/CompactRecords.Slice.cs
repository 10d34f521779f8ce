using Growth.Domain.Access;

namespace Growth.Domain.Records;

public sealed partial class CompactRecords
{
    /// <summary>
    /// The shard's cut of a record list (<see cref="RecordList.Slice"/>) over the rows, named: the same rows in the same
    /// order. One pass over the compact rows with no row expanded unless it must be: a row that passes the cheap filters
    /// (<see cref="CompactRecord.MayMatch"/>) of a query with no other filter (<see cref="CompactFilter.Complete"/>) and
    /// keeps its name when the query searches or sorts by name matches for sure, and is ranked by its compact fields
    /// (<see cref="CompactRecord.SortKey"/>) in a bounded heap; only the rows kept for the page are expanded and named. Any
    /// other candidate (a whole row, a query with other filters, a name still to be drawn) is expanded and judged by
    /// <see cref="RecordList.Matches"/>, as every candidate was before (<see cref="SliceExpandingEach"/>).
    /// </summary>
    public RecordSlice Slice(RecordQuery query, FigureScope scope, int limit)
    {
        if (query.Validate() is { } error) throw new ArgumentException(error, nameof(query));
        // Names are drawn before matching only when the query searches or sorts by them; else only the rows handed out are named.
        var byName = query.Search is not null || query.Sort is "name" or "company";
        var filter = new CompactFilter(query, scope, strings);
        var order = new RecordKeyOrder(query);
        var heap = new PriorityQueue<(CompactRecord Row, CustomerRecord? Expanded), RecordSortKey>(order.Reversed);
        var total = 0;
        foreach (var row in rows.Values)
        {
            if (!row.MayMatch(filter, strings)) continue;
            CustomerRecord? expanded = null;
            if (row.Whole || !filter.Complete || (byName && !row.KeepsName))
            {
                expanded = byName ? Named(row.Expand(strings)) : row.Expand(strings);
                if (!RecordList.Matches(expanded, query, scope)) continue;
            }
            total++;
            if (limit <= 0) continue;
            var key = expanded is null ? row.SortKey(order.Sort, strings) : RecordSortKey.Of(expanded, order.Sort);
            if (heap.Count < limit) heap.Enqueue((row, expanded), key);
            else if (heap.TryPeek(out _, out var worst) && order.Compare(key, worst) < 0) heap.DequeueEnqueue((row, expanded), key);
        }
        var kept = new List<CustomerRecord>(heap.Count);
        while (heap.TryDequeue(out var item, out _)) kept.Add(item.Expanded is { } e && byName ? e : Named(item.Expanded ?? item.Row.Expand(strings)));
        kept.Reverse();
        return new RecordSlice(total, kept);
    }

    /// <summary>
    /// The same cut by expanding every candidate that passes the cheap filters and judging it whole (the way
    /// <see cref="Slice"/> worked before its compact ranking): kept as the reference the tests and the records benchmark
    /// hold <see cref="Slice"/> to.
    /// </summary>
    internal RecordSlice SliceExpandingEach(RecordQuery query, FigureScope scope, int limit)
    {
        var byName = query.Search is not null || query.Sort is "name" or "company";
        var filter = new CompactFilter(query, scope, strings);
        var candidates = rows.Values.Where(r => r.MayMatch(filter, strings)).Select(r => byName ? Named(r.Expand(strings)) : r.Expand(strings));
        var slice = RecordList.Slice(candidates, query, scope, limit);
        return byName ? slice : slice with { Rows = slice.Rows.Select(Named).ToList() };
    }
}
