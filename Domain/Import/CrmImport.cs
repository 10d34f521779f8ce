
namespace Growth.Domain.Import;

/// <summary>
/// Imports a CRM export (pipeline, sales teams, price list) as an organisation and one journey per
/// opportunity in the event language. Pure: it reads only the sources it is given and returns everything;
/// applying the journeys is the caller's business. The same input always gives the same result, ids included.
/// </summary>
public static class CrmImport
{
    /// <summary>
    /// Reads the three exports. Throws <see cref="CrmImportException"/> when a file is empty or its header lacks
    /// a mapped column; every problem of a single row is fixed up or rejected in the report instead.
    /// </summary>
    public static CrmImportResult Read(CrmSource pipeline, CrmSource teams, CrmSource products, CrmColumnMapping mapping)
    {
        // Every file is read and its header checked before any row is interpreted: a bad header refuses the whole import.
        var teamTable = CsvTable.Read(teams, mapping.TeamColumns);
        var productTable = CsvTable.Read(products, mapping.ProductColumns);
        var pipelineTable = CsvTable.Read(pipeline, mapping.PipelineColumns);

        var notes = new List<string>();
        var directory = SalesDirectory.Read(teamTable, mapping, notes);
        var catalogue = ProductCatalogue.Read(productTable, mapping, notes);
        RefuseUnmatchedJoin(pipelineTable, mapping.Agent, name => directory.Find(name).Placement is not null, teamTable.Name, mapping.TeamAgent);
        RefuseUnmatchedJoin(pipelineTable, mapping.Product, name => catalogue.Find(name).Product is not null, productTable.Name, mapping.ProductName);
        var engageOrder = DateOrderOf(pipelineTable, mapping.EngageDate, mapping.EngageDateFormat, notes);
        var closeOrder = DateOrderOf(pipelineTable, mapping.CloseDate, mapping.CloseDateFormat, notes);
        var reader = new PipelineReader(pipelineTable, mapping, catalogue, directory, engageOrder, closeOrder);

        var rejected = new List<ImportIssue>();
        var kept = KeepFirstOfEachId(pipelineTable.Records.Select(reader.Read), rejected);
        // Undated prospects are placed at the latest date the imported rows carry: the export was taken no earlier,
        // and a date inside the data's own span keeps the import reproducible (the clock would not).
        var latest = kept.SelectMany(o => o.Dates).Cast<DateTimeOffset?>().Max();
        var fixedUp = new List<ImportIssue>();
        var journeys = ToJourneys(kept, latest, fixedUp, rejected);

        var report = new ImportReport
        {
            RowsRead = pipelineTable.Records.Count,
            Imported = journeys.Count,
            FixedUp = fixedUp,
            Rejected = rejected.OrderBy(i => i.Row).ToArray(),
            Notes = notes,
            UndatedProspectsAt = kept.Any(o => o.EngagedAt is null) ? latest : null,
        };
        return new CrmImportResult(directory.ToOrganisation(), catalogue.Products, journeys, report);
    }

    /// <summary>
    /// Reads the three exports from <paramref name="folder"/>, under the file names of the mapping
    /// (the Maven sample's by default).
    /// </summary>
    public static CrmImportResult ReadFolder(string folder, CrmColumnMapping? mapping = null)
    {
        mapping ??= CrmColumnMapping.Maven;
        using var pipeline = File.OpenText(Path.Combine(folder, mapping.PipelineFile));
        using var teams = File.OpenText(Path.Combine(folder, mapping.TeamsFile));
        using var products = File.OpenText(Path.Combine(folder, mapping.ProductsFile));
        return Read(new CrmSource(mapping.PipelineFile, pipeline), new CrmSource(mapping.TeamsFile, teams),
            new CrmSource(mapping.ProductsFile, products), mapping);
    }

    /// <summary>
    /// A join key of the pipeline (agent, product) of which no value is found in the file it refers to says the
    /// mapping or the file is wrong, not that every row is an exception: the import is refused, naming both columns.
    /// </summary>
    static void RefuseUnmatchedJoin(CsvTable table, string column, Func<string, bool> found, string otherFile, string otherColumn)
    {
        var index = table.Columns[column];
        var keyed = table.Records.Where(r => r.Problem is null && r[index].Length > 0).ToList();
        if (keyed.Count == 0 || keyed.Any(r => found(r[index]))) return;
        var first = keyed[0];
        throw new CrmImportException(table.Name,
            $"no value of column {column} is in column {otherColumn} of {otherFile} (row {first.Line}: '{first[index]}'); check the mapping and the files");
    }

    /// <summary>How the date column is read, over all its values; a column that cannot be read refuses the import.</summary>
    static DateOrder? DateOrderOf(CsvTable table, string column, string? declared, List<string> notes)
    {
        var index = table.Columns[column];
        var reading = DateColumns.Detect(table.Name, column, table.Records.Where(r => r.Problem is null).Select(r => (r.Line, r[index])), declared);
        if (reading.Refusal is { } refusal) throw new CrmImportException(table.Name, refusal);
        if (reading.Note is { } note) notes.Add(note);
        return reading.Order;
    }

    static List<ImportedJourney> ToJourneys(List<Opportunity> kept, DateTimeOffset? undatedAt, List<ImportIssue> fixedUp, List<ImportIssue> rejected)
    {
        var journeys = new List<ImportedJourney>(kept.Count);
        foreach (var o in kept)
        {
            if ((o.EngagedAt ?? undatedAt) is not { } leadAt)
            {
                rejected.Add(new ImportIssue(o.Row, o.Id, ImportReasons.UndatableProspect));
                continue;
            }
            fixedUp.AddRange(o.FixUps);
            if (o.EngagedAt is null) fixedUp.Add(new ImportIssue(o.Row, o.Id, ImportReasons.UndatedProspect, $"dated {leadAt:yyyy-MM-dd}"));
            journeys.Add(new ImportedJourney(o.Id, o.Row, JourneyScript.For(o, leadAt)));
        }
        return journeys;
    }

    /// <summary>
    /// The readable rows, the first of each opportunity id kept and later ones rejected as duplicates. A row
    /// rejected for another reason does not claim its id, so a later, readable copy of it is imported.
    /// </summary>
    static List<Opportunity> KeepFirstOfEachId(IEnumerable<(Opportunity? Opportunity, ImportIssue? Rejection)> rows, List<ImportIssue> rejected)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<Opportunity>();
        foreach (var (opportunity, rejection) in rows)
        {
            if (rejection is not null) rejected.Add(rejection);
            else if (opportunity is null) continue;
            else if (firstRow.TryGetValue(opportunity.Id, out var first))
                rejected.Add(new ImportIssue(opportunity.Row, opportunity.Id, ImportReasons.DuplicateOpportunityId, $"row {first} is kept"));
            else
            {
                firstRow[opportunity.Id] = opportunity.Row;
                kept.Add(opportunity);
            }
        }
        return kept;
    }
}
