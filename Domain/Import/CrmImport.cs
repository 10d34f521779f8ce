
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
    /// <param name="targets">What the leads' origins may be mapped to: the workspace's own campaigns and channels; Growth's channels when null.</param>
    /// <param name="events">The optional payments, orders and activities files (<see cref="EventFiles"/>), joined to the journeys by key.</param>
    /// <param name="refuseUnjoinedEvents">Whether an event file of which no row is imported refuses the import (false: the preview's).</param>
    public static CrmImportResult Read(CrmSource pipeline, CrmSource? teams, CrmSource? products, CrmColumnMapping mapping, CrmSource? leads = null,
        OriginTargets? targets = null, EventFiles? events = null, bool refuseUnjoinedEvents = true)
    {
        // Every file is read and its header checked before any row is interpreted: a bad header refuses the whole import.
        if (mapping.TeamsFile is not null && teams is null) throw new CrmImportException(mapping.TeamsFile, "the mapping names a teams file, but none was given");
        if (mapping.ProductsFile is not null && products is null) throw new CrmImportException(mapping.ProductsFile, "the mapping names a products file, but none was given");
        var teamTable = teams is null ? null : CsvTable.Read(teams, mapping.TeamColumns);
        var productTable = products is null ? null : CsvTable.Read(products, mapping.ProductColumns);
        if (mapping.LeadsFile is not null && leads is null) throw new CrmImportException(mapping.LeadsFile, "the mapping names a leads file, but none was given");
        var leadTable = leads is null || mapping.LeadsFile is null ? null : CsvTable.Read(leads, mapping.LeadColumns);
        var pipelineTable = CsvTable.Read(pipeline, mapping.PipelineColumns);
        var eventTables = EventImport.Read(events ?? EventFiles.None, mapping);
        var stageNames = StageNames.Parse(pipelineTable.Name, mapping.StageMap);

        var notes = new List<string>();
        foreach (var table in new[] { teamTable, productTable, leadTable, pipelineTable }.Concat(eventTables.All)) notes.AddRange(table?.Notes ?? []);
        var directory = teamTable is null
            ? SalesDirectory.FromOwners(pipelineTable, mapping.Agent, notes)
            : SalesDirectory.Read(teamTable, mapping, notes);
        var catalogue = productTable is null ? new ProductCatalogue() : ProductCatalogue.Read(productTable, mapping, notes);
        if (teamTable is not null)
            RefuseUnmatchedJoin(pipelineTable, mapping.Agent, name => directory.Find(name).Placement is not null, teamTable.Name, mapping.TeamAgent);
        if (productTable is not null && mapping.Product.Length > 0)
            RefuseUnmatchedJoin(pipelineTable, mapping.Product, name => catalogue.Find(name).Product is not null, productTable.Name, mapping.ProductName);
        var leadBook = leadTable is null ? null : LeadBook.Read(leadTable, mapping, notes, targets);
        if (leadBook is not null)
            RefuseUnmatchedJoin(pipelineTable, mapping.OpportunityId, id => leadBook.Find(id) is not null, leadTable!.Name, mapping.LeadId);
        var engageOrder = mapping.EngageDate.Length == 0 ? null : DateOrderOf(pipelineTable, mapping.EngageDate, mapping.EngageDateFormat, notes);
        var closeOrder = DateOrderOf(pipelineTable, mapping.CloseDate, mapping.CloseDateFormat, notes);
        var lostOrder = mapping.LostDate is { Length: > 0 } lost ? DateOrderOf(pipelineTable, lost, mapping.CloseDateFormat, notes) : null;
        var reader = new PipelineReader(pipelineTable, mapping, catalogue, directory, engageOrder, closeOrder, stageNames, lostOrder, leadBook);

        var rejected = new List<ImportIssue>();
        var kept = KeepFirstOfEachId(pipelineTable.Records.Select(reader.Read), rejected);
        // Undated prospects are placed at the latest date the imported rows carry: the export was taken no earlier,
        // and a date inside the data's own span keeps the import reproducible (the clock would not).
        var latest = kept.SelectMany(o => o.Dates).Cast<DateTimeOffset?>().Max();
        var fixedUp = new List<ImportIssue>();
        var deals = Dated(kept, latest, fixedUp, rejected);
        // Leads no deal references are leads: they count in the funnel and in their origin's lead-to-deal conversion.
        IReadOnlyList<LeadRow> undealt = [];
        if (leadBook is not null)
        {
            var dealt = deals.Select(d => d.Deal.Id).ToHashSet(StringComparer.Ordinal);
            undealt = leadBook.Leads.Where(l => !dealt.Contains(l.Id)).ToList();
        }
        var lastDate = new[] { latest, undealt.Count == 0 ? null : (DateTimeOffset?)undealt.Max(l => l.CreatedAt) }.Max();
        var (added, eventReports) = EventImport.Join(eventTables, mapping, deals, undealt, lastDate, notes, refuseUnjoinedEvents);
        var journeys = new ImportedJourneys(deals, undealt, added);
        var dealRows = journeys.Deals;
        var organisation = directory.ToOrganisation();
        if (leadBook is not null) organisation = organisation with { Campaigns = leadBook.Campaigns(organisation.Regions.Select(r => r.Id).ToArray()) };

        var report = new ImportReport
        {
            RowsRead = pipelineTable.Records.Count,
            Imported = dealRows,
            FixedUp = fixedUp,
            Rejected = rejected.OrderBy(i => i.Row).ToArray(),
            Notes = notes,
            UndatedProspectsAt = kept.Any(o => o.EngagedAt is null) ? latest : null,
            LeadsRead = leadBook?.RowsRead,
            LeadsWithoutDeal = leadBook is null ? null : journeys.Count - dealRows,
            EventFiles = eventReports,
        };
        return new CrmImportResult(organisation, catalogue.Products, journeys, report) { Origins = leadBook?.Origins() ?? [] };
    }

    /// <summary>
    /// Reads the exports from <paramref name="folder"/>, under the file names of the mapping
    /// (the Maven sample's by default); a file the mapping does not name is not read.
    /// </summary>
    public static CrmImportResult ReadFolder(string folder, CrmColumnMapping? mapping = null)
    {
        mapping ??= CrmColumnMapping.Maven;
        var streams = new List<Stream>();
        CrmSource? Open(string? file)
        {
            if (file is null) return null;
            var stream = File.OpenRead(Path.Combine(folder, file));
            streams.Add(stream);
            return CrmSource.FromStream(file, stream);
        }
        try
        {
            return Read(Open(mapping.PipelineFile)!, Open(mapping.TeamsFile), Open(mapping.ProductsFile), mapping, Open(mapping.LeadsFile),
                events: new EventFiles(Open(mapping.PaymentsFile), Open(mapping.OrdersFile), Open(mapping.ActivitiesFile)));
        }
        finally { streams.ForEach(s => s.Dispose()); }
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

    /// <summary>The kept deals with the day their lead was created (an undated prospect's: <paramref name="undatedAt"/>), their repairs collected.</summary>
    static List<(Opportunity Deal, DateTimeOffset LeadAt)> Dated(List<Opportunity> kept, DateTimeOffset? undatedAt, List<ImportIssue> fixedUp, List<ImportIssue> rejected)
    {
        var journeys = new List<(Opportunity, DateTimeOffset)>(kept.Count);
        foreach (var o in kept)
        {
            if ((o.EngagedAt ?? undatedAt) is not { } leadAt)
            {
                rejected.Add(new ImportIssue(o.Row, o.Id, ImportReasons.UndatableProspect));
                continue;
            }
            fixedUp.AddRange(o.FixUps);
            if (o.EngagedAt is null) fixedUp.Add(new ImportIssue(o.Row, o.Id, ImportReasons.UndatedProspect, $"dated {leadAt:yyyy-MM-dd}"));
            journeys.Add((o, leadAt));
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
