
namespace Growth.Domain.Import;

/// <summary>
/// What an import did with every pipeline row: each row read is either imported (perhaps fixed up) or
/// rejected, so <see cref="Imported"/> + <see cref="Rejected"/>.Count = <see cref="RowsRead"/>.
/// </summary>
public sealed record ImportReport
{
    /// <summary>Data rows read from the pipeline file (rows of nothing but empty fields are not counted).</summary>
    public required int RowsRead { get; init; }
    /// <summary>Rows turned into journeys.</summary>
    public required int Imported { get; init; }
    /// <summary>Repairs made to imported rows, in row order; a row may have several.</summary>
    public required IReadOnlyList<ImportIssue> FixedUp { get; init; }
    /// <summary>Rows not imported, one issue each, in row order.</summary>
    public required IReadOnlyList<ImportIssue> Rejected { get; init; }
    /// <summary>Rows of the teams and products files that were skipped or read with a caveat.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>When prospects without a date were placed: the latest engage or close date of the imported rows.</summary>
    public DateTimeOffset? UndatedProspectsAt { get; init; }

    /// <summary>Rows of the leads file, when the export has one.</summary>
    public int? LeadsRead { get; init; }
    /// <summary>Leads no deal references, imported as leads (journeys beside <see cref="Imported"/>); null without a leads file.</summary>
    public int? LeadsWithoutDeal { get; init; }

    /// <summary>The event files' rows (payments, orders, activities): read, imported and rejected, per file.</summary>
    public IReadOnlyList<EventFileReport> EventFiles { get; init; } = [];

    /// <summary>Imported rows with at least one repair.</summary>
    public int RowsFixedUp => FixedUp.Select(i => i.Row).Distinct().Count();

    public IReadOnlyDictionary<string, int> FixedUpByReason => ByReason(FixedUp);
    public IReadOnlyDictionary<string, int> RejectedByReason => ByReason(Rejected);

    static Dictionary<string, int> ByReason(IEnumerable<ImportIssue> issues) =>
        issues.GroupBy(i => i.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
