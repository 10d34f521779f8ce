namespace Growth.Domain.Import;

/// <summary>
/// One row of an event file as the import reads it, before it is joined to the deals: its key, date, amount (payments,
/// orders) and what else it says (invoice, product, activity type), or why it is rejected on its own (no key, a date or
/// amount that cannot be read, an amount not positive).
/// </summary>
public sealed record EventPreviewRow(string Kind, string File, int Row, string Key, DateTimeOffset? At, decimal? Amount, string? Text, ImportIssue? Rejected);

public static partial class ImportPreview
{
    /// <summary>
    /// The first <see cref="Rows"/> rows of each event file read as the import reads them (the same columns, date order
    /// and amount culture); keys are not joined here, since the preview reads only the deals' first rows. Throws
    /// <see cref="CrmImportException"/> for a file the import would refuse whole (a header lacking a mapped column).
    /// </summary>
    public static IReadOnlyList<EventPreviewRow> EventRowsOf(EventFiles files, CrmColumnMapping m)
    {
        var rows = new List<EventPreviewRow>();
        var culture = CrmValues.CultureOf(m.AmountCulture);
        var notes = new List<string>();
        CsvTable Table(CrmSource source, IReadOnlyList<string> columns, IReadOnlyList<string> optional) =>
            CsvTable.Read(source with { Reader = new FirstRecords(source.Reader, Rows + 1) }, columns, optional);
        if (files.Orders is { } o)
        {
            var (read, rejected, _) = EventRows.Orders(Table(o, m.OrderColumns, m.OrderOptional), m, culture, notes);
            rows.AddRange(read.Select(r => new EventPreviewRow(EventFileKinds.Orders, o.Name, r.Row, r.Key, r.At, r.Amount, r.Product is null ? r.OrderId : $"{r.OrderId} · {r.Product}", null)));
            rows.AddRange(Rejected(EventFileKinds.Orders, o.Name, rejected));
        }
        if (files.Payments is { } p)
        {
            var (read, rejected, _) = EventRows.Payments(Table(p, m.PaymentColumns, m.PaymentOptional), m, culture, notes);
            rows.AddRange(read.Select(r => new EventPreviewRow(EventFileKinds.Payments, p.Name, r.Row, r.Key, r.PaidAt, r.Amount,
                string.Join(" · ", new[] { r.Invoice, r.DueAt is { } due ? $"due {due:yyyy-MM-dd HH:mm}" : null }.OfType<string>()), null)));
            rows.AddRange(Rejected(EventFileKinds.Payments, p.Name, rejected));
        }
        if (files.Activities is { } a)
        {
            var (read, rejected, _) = EventRows.Activities(Table(a, m.ActivityColumns, m.ActivityOptional), m, notes);
            rows.AddRange(read.Select(r => new EventPreviewRow(EventFileKinds.Activities, a.Name, r.Row, r.Key, r.At, null, r.Owner is null ? r.Type : $"{r.Type} · {r.Owner}", null)));
            rows.AddRange(Rejected(EventFileKinds.Activities, a.Name, rejected));
        }
        return rows.OrderBy(r => Array.IndexOf(EventFiles.Fields, r.Kind)).ThenBy(r => r.Row).ToArray();
    }

    static IEnumerable<EventPreviewRow> Rejected(string kind, string file, IEnumerable<ImportIssue> issues) =>
        issues.Select(i => new EventPreviewRow(kind, file, i.Row, i.OpportunityId, null, null, null, i));
}
