
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
        var reader = new PipelineReader(pipelineTable, mapping, catalogue, directory);

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
