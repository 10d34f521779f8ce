namespace Growth.Domain.Import;

/// <summary>
/// The kinds of event file and how a file's header is read as one: each mapping field by the header names exports use
/// for it (ignoring case, spaces, '_' and '-'). Pure; the Import page asks it when a file is chosen.
/// </summary>
public static class EventFileKinds
{
    public const string Payments = "payments", Orders = "orders", Activities = "activities";

    /// <summary>A file's guessed kind and its mapping fields (camelCase, as <see cref="CrmColumnMapping"/> names them) with the header's columns.</summary>
    public sealed record Guess(string Kind, IReadOnlyDictionary<string, string> Columns);

    // Per kind: its fields, each with the names it goes by, the ones a kind needs first; a kind is guessed only when every
    // field it needs is found, and the kind whose own field (paid date, order id, activity type) is found wins.
    static readonly (string Kind, (string Field, bool Required, string[] Names)[] Fields)[] Kinds =
    [
        (Payments, [
            ("paymentDate", true, ["paid_date", "payment_date", "paid_at", "date_paid", "paid_on", "paid"]),
            ("paymentKey", true, ["deal_id", "opportunity_id", "order_id", "record_id", "deal", "customer_id", "lead_id", "mql_id", "account"]),
            ("paymentAmount", true, ["amount", "paid_amount", "payment_amount", "amount_paid", "paid_value", "value"]),
            ("paymentDueDate", false, ["due_date", "due", "due_on", "invoice_due_date"]),
            ("paymentInvoice", false, ["invoice_id", "invoice", "invoice_number", "invoice_no"]),
        ]),
        (Orders, [
            ("orderId", true, ["order_id", "order_number", "order_no", "invoice_id", "invoice_number", "order"]),
            ("orderKey", true, ["customer_id", "customer", "deal_id", "account", "account_name", "company", "lead_id", "mql_id", "record_id"]),
            ("orderDate", true, ["order_date", "ordered_at", "ordered_on", "purchase_date", "invoice_date", "date"]),
            ("orderAmount", true, ["amount", "order_amount", "order_value", "total", "value", "revenue"]),
            ("orderProduct", false, ["product", "product_name", "item", "sku"]),
        ]),
        (Activities, [
            ("activityType", true, ["type", "activity_type", "activity", "kind", "channel"]),
            ("activityKey", true, ["deal_id", "lead_id", "opportunity_id", "record_id", "mql_id", "deal", "lead", "account"]),
            ("activityAt", true, ["timestamp", "activity_date", "occurred_at", "done_at", "date", "time", "created_at", "at"]),
            ("activityOwner", false, ["owner", "rep", "user", "assigned_to", "sales_agent", "agent"]),
        ]),
    ];

    /// <summary>The kind <paramref name="header"/> reads as, with its columns; null when it is none of them.</summary>
    public static Guess? Of(IEnumerable<string> header)
    {
        var columns = header.Where(h => h.Trim().Length > 0).ToList();
        foreach (var (kind, fields) in Kinds)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (field, required, names) in fields)
            {
                var column = names.Select(n => columns.FirstOrDefault(c => !used.Contains(c) && Bare(c) == Bare(n))).FirstOrDefault(c => c is not null);
                if (column is null)
                {
                    if (required) { found.Clear(); break; }
                    continue;
                }
                used.Add(column);
                found[field] = column;
            }
            if (found.Count > 0) return new Guess(kind, found);
        }
        return null;
    }

    static string Bare(string name) => new(name.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
