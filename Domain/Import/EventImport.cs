using Growth.Domain.Journeys;

namespace Growth.Domain.Import;

/// <summary>The event files of an import read (their headers checked), before any row is interpreted.</summary>
internal sealed record EventTables(CsvTable? Payments, CsvTable? Orders, CsvTable? Activities)
{
    public IEnumerable<CsvTable> All => new[] { Payments, Orders, Activities }.OfType<CsvTable>();
}

/// <summary>
/// The event files' part of an import (<see cref="EventFiles"/>): their tables read with the mapped columns, their rows
/// read (<see cref="EventRows"/>) and joined to the journeys (<see cref="EventJoin"/>), and what became of every row.
/// A file none of whose rows could be imported refuses the import whole (<see cref="CrmImportException.NothingImported"/>).
/// </summary>
internal static class EventImport
{
    /// <summary>Reads the files; throws <see cref="CrmImportException"/> when one is empty or its header lacks a mapped column.</summary>
    public static EventTables Read(EventFiles files, CrmColumnMapping m) => new(
        files.Payments is { } p ? CsvTable.Read(p, m.PaymentColumns, m.PaymentOptional) : null,
        files.Orders is { } o ? CsvTable.Read(o, m.OrderColumns, m.OrderOptional) : null,
        files.Activities is { } a ? CsvTable.Read(a, m.ActivityColumns, m.ActivityOptional) : null);

    /// <summary>
    /// Joins the files' rows to the journeys: each journey's added events, and a report per file.
    /// <paramref name="latest"/> is the latest date of the deals and leads (the history's last event but for these files').
    /// </summary>
    /// <param name="refuseUnjoined">Whether a file none of whose rows is imported refuses the import (the preview, which
    /// reads a file's first rows only, shows each row's reason instead).</param>
    public static (Dictionary<string, IReadOnlyList<JourneyEvent>> Added, IReadOnlyList<EventFileReport> Reports) Join(EventTables t, CrmColumnMapping m,
        IReadOnlyList<(Opportunity Deal, DateTimeOffset LeadAt)> deals, IReadOnlyList<LeadRow> leads, DateTimeOffset? latest, List<string> notes,
        bool refuseUnjoined = true)
    {
        if (!t.All.Any()) return ([], []);
        var culture = CrmValues.CultureOf(m.AmountCulture);
        var join = new EventJoin(deals, leads);
        var rejected = new List<ImportIssue>();
        var read = new Dictionary<string, (string Kind, int Rows)>();
        if (t.Orders is { } orders)
        {
            var (rows, bad, count) = EventRows.Orders(orders, m, culture, notes);
            rejected.AddRange(bad);
            read[orders.Name] = (EventFileKinds.Orders, count);
            join.AddOrders(orders.Name, m, rows, invoiced: t.Payments is not null, rejected);
        }
        if (t.Payments is { } payments)
        {
            var (rows, bad, count) = EventRows.Payments(payments, m, culture, notes);
            rejected.AddRange(bad);
            read[payments.Name] = (EventFileKinds.Payments, count);
            join.AddPayments(payments.Name, m, rows, rejected);
        }
        if (t.Activities is { } activities)
        {
            var (rows, bad, count) = EventRows.Activities(activities, m, notes);
            rejected.AddRange(bad);
            read[activities.Name] = (EventFileKinds.Activities, count);
            join.AddActivities(activities.Name, m, rows, rejected);
        }
        var (added, imported) = join.Finish(latest, rejected);
        var reports = read.Select(f => new EventFileReport(f.Value.Kind, f.Key, f.Value.Rows, imported.GetValueOrDefault(f.Value.Kind),
            rejected.Where(r => r.File == f.Key).OrderBy(r => r.Row).ToArray())).ToList();
        if (refuseUnjoined && reports.FirstOrDefault(r => r.Imported == 0) is { } refused)
            throw CrmImportException.NothingImported(refused.File, new ImportReport
            {
                RowsRead = refused.RowsRead, Imported = 0, FixedUp = [], Rejected = refused.Rejected, Notes = [],
            });
        return (added, reports);
    }
}
