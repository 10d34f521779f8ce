using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Import;

/// <summary>
/// One lead of a leads export: its row, first contact and origin, and its campaign (id and name: the workspace's own
/// campaign the origin is mapped to, else one named after the origin) with its channel if mapped.
/// </summary>
internal sealed record LeadRow(int Row, string Id, DateTimeOffset CreatedAt, string CampaignId, string Origin, Channel? Channel, string CampaignName);

/// <summary>
/// The leads export, by lead id: a deal of the pipeline finds its lead here (its first contact is the deal's engage
/// date, its origin the journey's campaign). A lead's origin is the workspace's campaign it is mapped to, or else a
/// campaign named after it; blank origins are one campaign "(no origin)". Rows that cannot be used are skipped with a
/// note (the report counts the pipeline's rows).
/// </summary>
internal sealed class LeadBook
{
    /// <summary>The campaign of leads whose origin is blank.</summary>
    public const string NoOrigin = "(no origin)";

    readonly Dictionary<string, LeadRow> byId = new(StringComparer.Ordinal);
    readonly List<LeadRow> leads = [];

    public IReadOnlyList<LeadRow> Leads => leads;
    public int RowsRead { get; private init; }

    public LeadRow? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Reads the leads table; throws <see cref="CrmImportException"/> for an unreadable origin map or date column.</summary>
    public static LeadBook Read(CsvTable table, CrmColumnMapping mapping, ICollection<string> notes, OriginTargets? targets = null)
    {
        var channels = (targets ?? OriginTargets.Fixed).Parse(table.Name, mapping.OriginChannels);
        int id = table.Columns[mapping.LeadId], created = table.Columns[mapping.LeadCreated], origin = table.Columns[mapping.LeadOrigin];
        var reading = DateColumns.Detect(table.Name, mapping.LeadCreated, table.Records.Where(r => r.Problem is null).Select(r => (r.Line, r[created])), mapping.LeadCreatedFormat);
        if (reading.Refusal is { } refusal) throw new CrmImportException(table.Name, refusal);
        if (reading.Note is { } note) notes.Add(note);

        var book = new LeadBook { RowsRead = table.Records.Count };
        var skipped = new List<string>();
        foreach (var row in table.Records)
        {
            var skip = row.Problem
                ?? (row[id].Length == 0 ? "no lead id" : null)
                ?? (!JourneyScript.CanName(row[id]) ? $"lead id '{row[id]}' cannot be a journey id" : null)
                ?? (book.byId.ContainsKey(row[id]) ? $"lead '{row[id]}' listed again" : null)
                ?? (!DateColumns.TryParse(row[created], reading.Order, out _) ? $"first contact '{row[created]}' is not a date ({CrmValues.DateLayouts})" : null);
            if (skip is not null)
            {
                skipped.Add($"line {row.Line}: {skip}");
                continue;
            }
            DateColumns.TryParse(row[created], reading.Order, out var at);
            var name = row[origin].Length > 0 ? row[origin] : NoOrigin;
            var target = channels.GetValueOrDefault(name);
            var lead = target?.CampaignId is { } campaign
                ? new LeadRow(row.Line, row[id], at, campaign, name, target.Channel, target.CampaignName ?? campaign)
                : new LeadRow(row.Line, row[id], at, "origin-" + CrmNames.Slug(name), name, target?.Channel, name);
            book.byId[lead.Id] = lead;
            book.leads.Add(lead);
        }
        if (skipped.Count > 0) notes.Add($"{table.Name}: {skipped.Count} lead row(s) skipped ({string.Join("; ", skipped.Take(5))}{(skipped.Count > 5 ? "; ..." : "")})");
        var unmapped = book.leads.Where(l => l.Channel is null).Select(l => l.Origin).Distinct().ToList();
        if (unmapped.Count > 0) notes.Add($"{table.Name}: origin(s) {string.Join(", ", unmapped)} have no channel in the mapping: their campaigns have none");
        return book;
    }

    /// <summary>Each origin as mapped, with its first leads (<see cref="ImportedOrigin.LeadsAsked"/>), in the order the file first names them.</summary>
    public IReadOnlyList<ImportedOrigin> Origins() => leads.GroupBy(l => l.Origin, StringComparer.Ordinal)
        .Select(g => new ImportedOrigin(g.Key, g.First().CampaignId, g.First().Channel, g.Take(ImportedOrigin.LeadsAsked).Select(l => l.Id).ToArray()))
        .ToArray();

    /// <summary>
    /// A campaign per origin that has a channel (the workspace's campaign an origin is mapped to once, whichever origins
    /// join it), in the order the file first names them, in every region.
    /// </summary>
    public IReadOnlyList<CampaignProfile> Campaigns(IReadOnlyList<string> regionIds) => leads
        .Where(l => l.Channel is not null).DistinctBy(l => l.CampaignId)
        .Select(l => new CampaignProfile { Id = l.CampaignId, Name = l.CampaignName, Channel = l.Channel!.Value, RegionIds = regionIds })
        .ToArray();
}
