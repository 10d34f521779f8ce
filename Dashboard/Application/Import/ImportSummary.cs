using Growth.Domain.Import;

namespace Growth.Dashboard.Application.Import;

/// <summary>An import's report as the API and the page show it.</summary>
/// <param name="RowsRead">Data rows of the pipeline file.</param>
/// <param name="Imported">Rows that became journeys.</param>
/// <param name="RowsFixedUp">Imported rows with at least one repair.</param>
/// <param name="FixedUp">Every repair, in row order.</param>
/// <param name="Rejected">Every row not imported, with its reason: the pipeline's, then the event files' (each naming its file).</param>
/// <param name="Notes">Rows of the teams and products files skipped or read with a caveat.</param>
/// <param name="JourneysChanged">Journeys that took at least one new event (0 when the same files are imported again).</param>
/// <param name="JourneysUnchanged">Journeys whose every event was already applied.</param>
/// <param name="JourneysRefused">Journeys with an event the workspace refused (such as one contradicting what it already holds).</param>
/// <param name="EventsAccepted">Events applied.</param>
/// <param name="EventsDuplicate">Events already applied (skipped).</param>
/// <param name="EventsRejected">Events refused, each with its reason in <paramref name="Refusals"/>.</param>
/// <param name="Refusals">The first refused events, "journey: reason".</param>
public sealed record ImportSummary(
    string Workspace,
    int RowsRead,
    int Imported,
    int RowsFixedUp,
    IReadOnlyDictionary<string, int> FixedUpByReason,
    IReadOnlyDictionary<string, int> RejectedByReason,
    IReadOnlyList<ImportIssue> FixedUp,
    IReadOnlyList<ImportIssue> Rejected,
    IReadOnlyList<string> Notes,
    DateTimeOffset? UndatedProspectsAt,
    int Regions,
    int Teams,
    int Reps,
    int Products,
    int JourneysChanged,
    int JourneysUnchanged,
    int JourneysRefused,
    int EventsAccepted,
    int EventsDuplicate,
    int EventsRejected,
    IReadOnlyList<string> Refusals)
{
    /// <summary>Rows of the leads file, when the export has one.</summary>
    public int? LeadsRead { get; init; }
    /// <summary>Leads no deal references, imported as leads; null without a leads file.</summary>
    public int? LeadsWithoutDeal { get; init; }
    /// <summary>The event files' rows (payments, orders, activities): read, imported and rejected, per file.</summary>
    public IReadOnlyList<EventFileReport> EventFiles { get; init; } = [];
    /// <summary>The pipeline file's name: the file of a rejected row that names none.</summary>
    public string PipelineFile { get; init; } = "";
    /// <summary>The history's "now": its last event, or the date picked at import. The figures show this moment's quarter.</summary>
    public DateTimeOffset? Now { get; init; }
}
