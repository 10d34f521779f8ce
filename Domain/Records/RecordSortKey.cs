namespace Growth.Domain.Records;

/// <summary>
/// A row's place in a list's order (<see cref="RecordList.Order"/>), read once per matching row: the sort's field as a
/// number (dates as UTC ticks, none as <see cref="long.MinValue"/>; stage and step as codes, none as 0), as money, or as
/// text, and the journey id that breaks ties. A compact row (<see cref="CompactRecord.SortKey"/>) and the same row
/// expanded (<see cref="Of"/>) give equal keys, so a shard can keep its first page of compact rows without expanding them.
/// </summary>
internal readonly record struct RecordSortKey(long Number, decimal Money, string? Text, string Id)
{
    public const long None = long.MinValue;

    /// <summary>The key of an expanded (and, for name sorts, named) row.</summary>
    public static RecordSortKey Of(CustomerRecord r, string sort) => sort switch
    {
        "name" => new(0, 0, r.Display, r.JourneyId),
        "company" => new(0, 0, r.Company, r.JourneyId),
        "owner" => new(0, 0, r.RepId, r.JourneyId),
        "value" => new(0, r.Value, null, r.JourneyId),
        "stage" => new(r.Stage is { } s ? (int)s + 1 : 0, 0, null, r.JourneyId),
        "step" => new(r.Step is { } p ? (int)p + 1 : 0, 0, null, r.JourneyId),
        "created" => new(Ticks(r.CreatedAt), 0, null, r.JourneyId),
        "close" => new(Ticks(r.ClosedAt ?? r.ExpectedCloseAt), 0, null, r.JourneyId),
        "since" => new(Ticks(r.StepAt), 0, null, r.JourneyId),
        _ => new(Ticks(r.LastActivityAt), 0, null, r.JourneyId),
    };

    static long Ticks(DateTimeOffset? at) => at?.UtcTicks ?? None;
}

/// <summary><see cref="RecordList.Order"/> over <see cref="RecordSortKey"/>s: the same order, ties broken by journey id.</summary>
internal sealed class RecordKeyOrder(RecordQuery query) : IComparer<RecordSortKey>
{
    readonly int sign = query.Descending ? -1 : 1;

    public string Sort { get; } = query.Sort;

    public int Compare(RecordSortKey a, RecordSortKey b)
    {
        var c = sign * (Sort switch
        {
            "name" or "company" => string.Compare(a.Text, b.Text, StringComparison.OrdinalIgnoreCase),
            "owner" => string.CompareOrdinal(a.Text, b.Text),
            "value" => a.Money.CompareTo(b.Money),
            _ => a.Number.CompareTo(b.Number),
        });
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>The reverse order: a bounded max-heap's root is the worst row kept.</summary>
    public IComparer<RecordSortKey> Reversed => Comparer<RecordSortKey>.Create((a, b) => Compare(b, a));
}
