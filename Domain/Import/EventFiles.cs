namespace Growth.Domain.Import;

/// <summary>
/// The optional event files of an import, each joined to the deals by a key (<see cref="CrmColumnMapping"/>'s payment,
/// order and activity columns): payments (money collected, and with them what is owed), orders or invoices (further
/// orders of customers: repurchases) and activities (calls, e-mails, meetings: first contact and follow-ups).
/// </summary>
public sealed record EventFiles(CrmSource? Payments = null, CrmSource? Orders = null, CrmSource? Activities = null)
{
    public static readonly EventFiles None = new();

    /// <summary>The upload fields that carry them (beside <c>pipeline</c>, <c>teams</c>, <c>products</c>, <c>leads</c>).</summary>
    public static readonly string[] Fields = [EventFileKinds.Payments, EventFileKinds.Orders, EventFileKinds.Activities];

    public bool Any => Payments is not null || Orders is not null || Activities is not null;
}

/// <summary>What the import did with one event file: its rows read, imported (became events) and rejected with their reasons.</summary>
/// <param name="Kind">payments, orders or activities (<see cref="EventFileKinds"/>).</param>
public sealed record EventFileReport(string Kind, string File, int RowsRead, int Imported, IReadOnlyList<ImportIssue> Rejected);
