using System.Globalization;

namespace Growth.Domain.Import;

/// <summary>A payment row read: the key it names, when it was paid, how much, and the invoice's due date and id if given.</summary>
internal sealed record PaymentRow(int Row, string Key, DateTimeOffset PaidAt, decimal Amount, DateTimeOffset? DueAt, string? Invoice);

/// <summary>An order row read: its id, the customer's key, when, how much and the product if given.</summary>
internal sealed record OrderRow(int Row, string OrderId, string Key, DateTimeOffset At, decimal Amount, string? Product);

/// <summary>An activity row read: the lead's or deal's key, when, its type (call, e-mail, meeting...) and owner if given.</summary>
internal sealed record ActivityRow(int Row, string Key, DateTimeOffset At, string Type, string? Owner);

/// <summary>
/// Reads the rows of the event files (<see cref="EventFiles"/>), each checked on its own: a row without its key, with a
/// date that cannot be read or an amount that cannot be read or is not positive is rejected naming the file, its row and
/// the column with the value (<see cref="ImportIssue.File"/>). A date column is read in one order for the whole file
/// (<see cref="DateColumns.Detect"/>: a column that contradicts itself refuses the file). Joining to the deals is
/// <see cref="EventJoin"/>'s.
/// </summary>
internal static class EventRows
{
    public static (List<PaymentRow> Rows, List<ImportIssue> Rejected, int Read) Payments(CsvTable t, CrmColumnMapping m, CultureInfo? culture, List<string> notes)
    {
        int key = t.Columns[m.PaymentKey], paid = t.Columns[m.PaymentDate], amount = t.Columns[m.PaymentAmount];
        int due = Optional(t, m.PaymentDueDate), invoice = Optional(t, m.PaymentInvoice);
        var paidOrder = Order(t, m.PaymentDate, m.PaymentDateFormat, notes);
        var dueOrder = due < 0 ? null : Order(t, m.PaymentDueDate, m.PaymentDateFormat, notes);
        var rows = new List<PaymentRow>();
        var rejected = new List<ImportIssue>();
        foreach (var r in t.Records)
        {
            var k = r[key];
            DateTimeOffset at = default;
            decimal value = 0;
            var problem = Common(t, r, k, m.PaymentKey)
                ?? Date(t, r, k, paid, m.PaymentDate, paidOrder, out at)
                ?? Amount(t, r, k, amount, m.PaymentAmount, culture, out value);
            DateTimeOffset? dueAt = null;
            if (problem is null && due >= 0 && r[due].Length > 0)
            {
                problem = Date(t, r, k, due, m.PaymentDueDate, dueOrder, out var d);
                dueAt = d;
            }
            if (problem is not null) { rejected.Add(problem); continue; }
            rows.Add(new PaymentRow(r.Line, k, at, value, dueAt, invoice >= 0 && r[invoice].Length > 0 ? r[invoice] : null));
        }
        return (rows, rejected, t.Records.Count);
    }

    public static (List<OrderRow> Rows, List<ImportIssue> Rejected, int Read) Orders(CsvTable t, CrmColumnMapping m, CultureInfo? culture, List<string> notes)
    {
        int id = t.Columns[m.OrderId], key = t.Columns[m.OrderKey], date = t.Columns[m.OrderDate], amount = t.Columns[m.OrderAmount];
        var product = Optional(t, m.OrderProduct);
        var order = Order(t, m.OrderDate, m.OrderDateFormat, notes);
        var rows = new List<OrderRow>();
        var rejected = new List<ImportIssue>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in t.Records)
        {
            var k = r[key];
            DateTimeOffset at = default;
            decimal value = 0;
            var problem = Common(t, r, k, m.OrderKey)
                ?? (r[id].Length == 0 ? Issue(t, r, k, ImportReasons.NoOrderId, m.OrderId) : null)
                ?? (seen.TryGetValue(r[id], out var first) ? Issue(t, r, k, ImportReasons.DuplicateOrderId, $"{m.OrderId} '{r[id]}' (row {first} is kept)") : null)
                ?? Date(t, r, k, date, m.OrderDate, order, out at)
                ?? Amount(t, r, k, amount, m.OrderAmount, culture, out value);
            if (problem is not null) { rejected.Add(problem); continue; }
            seen[r[id]] = r.Line;
            rows.Add(new OrderRow(r.Line, r[id], k, at, value, product >= 0 && r[product].Length > 0 ? r[product] : null));
        }
        return (rows, rejected, t.Records.Count);
    }

    public static (List<ActivityRow> Rows, List<ImportIssue> Rejected, int Read) Activities(CsvTable t, CrmColumnMapping m, List<string> notes)
    {
        int key = t.Columns[m.ActivityKey], date = t.Columns[m.ActivityAt], type = t.Columns[m.ActivityType];
        var owner = Optional(t, m.ActivityOwner);
        var order = Order(t, m.ActivityAt, m.ActivityDateFormat, notes);
        var rows = new List<ActivityRow>();
        var rejected = new List<ImportIssue>();
        foreach (var r in t.Records)
        {
            var k = r[key];
            DateTimeOffset at = default;
            var problem = Common(t, r, k, m.ActivityKey) ?? Date(t, r, k, date, m.ActivityAt, order, out at);
            if (problem is not null) { rejected.Add(problem); continue; }
            var kind = r[type].Length > 0 ? r[type][..Math.Min(r[type].Length, Journeys.JourneyTransitions.NameLimit)] : "activity";
            rows.Add(new ActivityRow(r.Line, k, at, kind, owner >= 0 && r[owner].Length > 0 ? r[owner] : null));
        }
        return (rows, rejected, t.Records.Count);
    }

    /// <summary>An optional column's index; -1 when unnamed or not in the header.</summary>
    static int Optional(CsvTable t, string column) => column.Length > 0 && t.Columns.TryGetValue(column, out var i) ? i : -1;

    static ImportIssue Issue(CsvTable t, CsvRecord r, string key, string reason, string? detail) => new(r.Line, key, reason, detail) { File = t.Name };

    static ImportIssue? Common(CsvTable t, CsvRecord r, string key, string keyColumn) =>
        r.Problem is { } problem ? Issue(t, r, key, ImportReasons.MalformedRow, problem)
        : key.Length == 0 ? Issue(t, r, key, ImportReasons.NoKey, keyColumn)
        : null;

    static ImportIssue? Date(CsvTable t, CsvRecord r, string key, int column, string name, DateOrder? order, out DateTimeOffset at)
    {
        at = default;
        var text = r[column];
        if (text.Length == 0) return Issue(t, r, key, ImportReasons.MissingDate, name);
        return DateColumns.TryParse(text, order, out at) ? null
            : Issue(t, r, key, ImportReasons.UnreadableDate, $"{name} '{text}' (expected {CrmValues.DateLayouts})");
    }

    static ImportIssue? Amount(CsvTable t, CsvRecord r, string key, int column, string name, CultureInfo? culture, out decimal value)
    {
        var text = r[column];
        if (!CrmValues.TryParseAmount(text, culture, out value)) return Issue(t, r, key, ImportReasons.UnreadableAmount, $"{name} '{text}'");
        return value <= 0 ? Issue(t, r, key, ImportReasons.AmountNotPositive, $"{name} '{text}'") : null;
    }

    /// <summary>How the date column is read, over all its values; a column that cannot be read refuses the file.</summary>
    static DateOrder? Order(CsvTable t, string column, string? declared, List<string> notes)
    {
        var index = t.Columns[column];
        var reading = DateColumns.Detect(t.Name, column, t.Records.Where(r => r.Problem is null && r[index].Length > 0).Select(r => (r.Line, r[index])), declared);
        if (reading.Refusal is { } refusal) throw new CrmImportException(t.Name, refusal);
        if (reading.Note is { } note) notes.Add(note);
        return reading.Order;
    }
}
