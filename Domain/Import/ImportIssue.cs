namespace Growth.Domain.Import;

/// <summary>
/// Something the import fixed up or rejected in one pipeline row.
/// </summary>
/// <param name="Row">The row's line in the file (the header is line 1), as a spreadsheet shows it.</param>
/// <param name="OpportunityId">The row's opportunity id ("" when it had none).</param>
/// <param name="Reason">What happened, one of the <see cref="ImportReasons"/>: stable text to count and group by.</param>
/// <param name="Detail">The values involved, such as the unreadable date; null when the reason says it all.</param>
public sealed record ImportIssue(int Row, string OpportunityId, string Reason, string? Detail = null)
{
    /// <summary>The file of the row when it is an event file's (payments, orders, activities); null: the pipeline file's.</summary>
    public string? File { get; init; }

    public override string ToString() =>
        $"{(File is null ? "" : File + " ")}row {Row} ({(OpportunityId.Length > 0 ? OpportunityId : "no id")}): {Reason}{(Detail is null ? "" : $": {Detail}")}";
}
