using Growth.Domain.Journeys;

namespace Growth.Domain.Import;

/// <summary>
/// One pipeline row as the import reads it: the deal it becomes (its state once its events are applied: won, lost or
/// open at a step, its dates, value, rep, campaign and channel) with its rep's name, or why the row is rejected.
/// </summary>
public sealed record PreviewRow(int Row, string Id, JourneyState? Deal, string? RepName, ImportIssue? Rejected)
{
    /// <summary>
    /// The step of the deal as the stage map puts it: an open deal's step being worked (the one after the last passed;
    /// Opening when none was), a lost deal's step (null: the export does not say); null for a won deal or a rejected row.
    /// </summary>
    public ConversationStep? Step => Deal switch
    {
        null or { Won: true } => null,
        { Status: JourneyStatus.Lost } lost => lost.LostStep,
        { LastStep: { } passed } => passed < ConversationStep.Close ? passed + 1 : ConversationStep.Close,
        _ => ConversationStep.Opening,
    };
}

/// <summary>The first rows as the import reads them, its notes on them, or why they cannot be read (a refusal of the whole file).</summary>
public sealed record ImportPreviewResult(IReadOnlyList<PreviewRow> Rows, IReadOnlyList<string> Notes, string? Refusal)
{
    /// <summary>The event files' first rows as read (<see cref="ImportPreview.EventRowsOf"/>); their keys are joined when the import runs.</summary>
    public IReadOnlyList<EventPreviewRow> Events { get; init; } = [];
}

/// <summary>
/// The first <see cref="Rows"/> rows of a pipeline file read exactly as the import reads them (the same mapping, dates,
/// amounts, stage map, joins with the teams, products and leads files), without storing anything: the import page shows
/// them before the import runs. Only the pipeline's first rows are read (a large export is not read whole for this);
/// the files it joins are read whole, as the import reads them. Pure.
/// </summary>
public static partial class ImportPreview
{
    /// <summary>Rows of the pipeline file previewed.</summary>
    public const int Rows = 20;

    public static ImportPreviewResult Read(CrmSource pipeline, CrmSource? teams, CrmSource? products, CrmColumnMapping mapping,
        CrmSource? leads = null, OriginTargets? targets = null, EventFiles? events = null)
    {
        CrmImportResult result;
        IReadOnlyList<EventPreviewRow> eventRows;
        try
        {
            result = CrmImport.Read(pipeline with { Reader = new FirstRecords(pipeline.Reader, Rows + 1) }, teams, products, mapping, leads, targets);
            eventRows = EventRowsOf(events ?? EventFiles.None, mapping);
        }
        catch (CrmImportException e) { return new ImportPreviewResult([], [], e.Message); }
        var reps = result.Organisation.Reps.ToDictionary(r => r.Id, r => r.Name);
        // The deals come first among the journeys (leads no deal references follow them): the rows previewed are deals.
        var deals = result.Journeys.Take(result.Report.Imported).Select(j =>
        {
            var applied = JourneyTransitions.ApplyAll(new JourneyState { Id = j.Id }, j.Events);
            var state = applied.State;
            return new PreviewRow(j.Row, j.Id, state, state.RepId is { } rep ? reps.GetValueOrDefault(rep, rep) : null, null);
        });
        var rejected = result.Report.Rejected.Select(i => new PreviewRow(i.Row, i.OpportunityId, null, null, i));
        return new ImportPreviewResult(deals.Concat(rejected).OrderBy(r => r.Row).ToArray(), result.Report.Notes, null) { Events = eventRows };
    }

    /// <summary>
    /// A reader that ends after the first <paramref name="lines"/> lines of a CSV file (header included): a line break
    /// inside a quoted cell is part of its record, not the end of one.
    /// </summary>
    sealed class FirstRecords(TextReader inner, int lines) : TextReader
    {
        int ended;
        bool quoted;

        bool Done => ended >= lines;

        /// <summary>Counts <paramref name="c"/>; true when it ends the last line wanted.</summary>
        bool Ends(char c)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) ended++;
            return Done;
        }

        public override int Peek() => Done ? -1 : inner.Peek();

        public override int Read()
        {
            if (Done) return -1;
            var c = inner.Read();
            if (c >= 0) Ends((char)c);
            return c;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            if (Done) return 0;
            var read = inner.Read(buffer, index, count);
            for (var i = 0; i < read; i++)
                if (Ends(buffer[index + i])) return i + 1;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
