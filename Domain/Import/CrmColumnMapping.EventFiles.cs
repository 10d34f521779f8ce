namespace Growth.Domain.Import;

/// <summary>
/// The columns of the optional event files (<see cref="EventFiles"/>): payments, orders (or invoices) and activities,
/// each joined to the imported deals by a key column. Every preset takes the same default names (a generic layout,
/// <c>docs/import-samples/payments.csv</c>, <c>orders.csv</c>, <c>activities.csv</c>); the Import page guesses them from a
/// file's header (<see cref="EventFileKinds.Of"/>). The optional columns (due date, invoice id, product, owner) are read when
/// the header has them; named "", never.
/// Not required, so a mapping saved by an earlier build reads with these defaults.
/// </summary>
public sealed partial record CrmColumnMapping
{
    /// <summary>File name of the payments export, used by <see cref="CrmImport.ReadFolder"/>; null: none.</summary>
    public string? PaymentsFile { get; init; }
    /// <summary>The deal a payment is for: a deal's (journey's) id, an order id of the orders file, or a won deal's account.</summary>
    public string PaymentKey { get; init; } = "deal_id";
    public string PaymentDate { get; init; } = "paid_date";
    public string PaymentAmount { get; init; } = "amount";
    /// <summary>Optional: when the invoice paid was due (kept on the invoice; money unpaid at it is overdue from then).</summary>
    public string PaymentDueDate { get; init; } = "due_date";
    /// <summary>Optional: the invoice's id (names the payment's event, so two payments of one invoice stay apart).</summary>
    public string PaymentInvoice { get; init; } = "invoice_id";
    /// <summary>Format of the payment and due dates, as <see cref="EngageDateFormat"/>; null: detected.</summary>
    public string? PaymentDateFormat { get; init; }

    /// <summary>File name of the orders (or invoices) export, used by <see cref="CrmImport.ReadFolder"/>; null: none.</summary>
    public string? OrdersFile { get; init; }
    public string OrderId { get; init; } = "order_id";
    /// <summary>The customer who ordered: a won deal's (journey's) id, or its account.</summary>
    public string OrderKey { get; init; } = "customer_id";
    public string OrderDate { get; init; } = "order_date";
    public string OrderAmount { get; init; } = "amount";
    /// <summary>Optional: the product ordered (shown in the preview; the figures count the order's amount).</summary>
    public string OrderProduct { get; init; } = "product";
    public string? OrderDateFormat { get; init; }

    /// <summary>File name of the activities export (calls, e-mails, meetings), used by <see cref="CrmImport.ReadFolder"/>; null: none.</summary>
    public string? ActivitiesFile { get; init; }
    /// <summary>The lead or deal the activity was with: its (journey's) id, or a won deal's account.</summary>
    public string ActivityKey { get; init; } = "deal_id";
    public string ActivityAt { get; init; } = "timestamp";
    public string ActivityType { get; init; } = "type";
    /// <summary>Optional: who did it (shown in the preview).</summary>
    public string ActivityOwner { get; init; } = "owner";
    public string? ActivityDateFormat { get; init; }

    internal IReadOnlyList<string> PaymentColumns => Present(PaymentKey, PaymentDate, PaymentAmount);
    internal IReadOnlyList<string> PaymentOptional => Present(PaymentDueDate, PaymentInvoice);
    internal IReadOnlyList<string> OrderColumns => Present(OrderId, OrderKey, OrderDate, OrderAmount);
    internal IReadOnlyList<string> OrderOptional => Present(OrderProduct);
    internal IReadOnlyList<string> ActivityColumns => Present(ActivityKey, ActivityAt, ActivityType);
    internal IReadOnlyList<string> ActivityOptional => Present(ActivityOwner);

    static string[] Present(params string[] columns) => columns.Where(c => c.Length > 0).ToArray();
}
