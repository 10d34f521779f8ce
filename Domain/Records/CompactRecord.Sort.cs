namespace Growth.Domain.Records;

public sealed partial class CompactRecord
{
    /// <summary>
    /// The row's <see cref="RecordSortKey"/> read from its compact fields, equal to the key of the row expanded and named
    /// (<see cref="RecordSortKey.Of"/>) for a row kept compact whose name, if the sort reads one, is kept
    /// (<see cref="KeepsName"/>). Not for a whole row (<see cref="Whole"/>): expand it.
    /// </summary>
    internal RecordSortKey SortKey(string sort, RecordStrings s)
    {
        var names = extra as RowNames;
        return sort switch
        {
            "name" => new(0, 0, names is { Name.Length: > 0 } ? names.Name : names is { Company.Length: > 0 } ? names.Company : journeyId, journeyId),
            "company" => new(0, 0, names?.Company ?? "", journeyId),
            "owner" => new(0, 0, s.At(repId), journeyId),
            "value" => new(0, Money(value, valueScale), null, journeyId),
            "stage" => new(stage, 0, null, journeyId),
            "step" => new(step, 0, null, journeyId),
            "created" => new(Key(Ticks(Date.Created)), 0, null, journeyId),
            "close" => new(Key(Has(Date.Closed) ? Ticks(Date.Closed) : Ticks(Date.ExpectedClose)), 0, null, journeyId),
            "since" => new(Key(Has(Date.DealStep) ? Ticks(Date.DealStep) : Has(Date.Assigned) ? Ticks(Date.Assigned) : Ticks(Date.Created)), 0, null, journeyId),
            _ => new(Key(Ticks(Date.LastActivity)), 0, null, journeyId),
        };
    }

    static long Key(long ticks) => ticks == 0 ? RecordSortKey.None : ticks;
}
