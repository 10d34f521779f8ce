using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using static Growth.Domain.Import.ImportReasons;

namespace Growth.Domain.Import;

/// <summary>
/// Joins the rows of the event files to the imported journeys by key and writes them in the event language, each row
/// checked against its journey by the same rules ingestion applies (<see cref="JourneyTransitions"/>, in time order),
/// so every row is either an accepted event or a rejected row with its reason; nothing is dropped unsaid.
/// <list type="bullet">
/// <item>A key is a journey's id (a deal's, or a lead's of a leads export), an order id of the orders file (payments
/// only), or a won deal's account (ignoring case: the account's first won deal).</item>
/// <item>An order is a repurchase (<see cref="EventKind.Repurchased"/>) of a customer, at its date: revenue in that
/// period, and the customer a repeat customer.</item>
/// <item>With a payments file, money is owed as the history says: every order (a won deal's first order, for its won
/// value, and each order of the orders file) is invoiced in full on its date (<see cref="EventKind.PaymentDue"/>,
/// assumed: an export of payments does not say when invoices were sent), and each payment is collected at its date
/// (<see cref="EventKind.PaymentReceived"/>); so receivables are what was ordered less what was paid. Payments pay a
/// customer's oldest invoice first; an invoice with a due date (the payment rows') that is not paid in full by it is
/// overdue from then (<see cref="EventKind.PaymentOverdue"/>), when that date is within the history.</item>
/// <item>An activity is a contact: a journey's first (by time) is its first contact (<see cref="EventKind.Contacted"/>:
/// the hours to first contact), a deal's later ones follow-ups (<see cref="EventKind.FollowedUp"/>); a lead's later
/// ones further contacts.</item>
/// </list>
/// Event ids come from the journey and the row's content (order id, invoice id, date), never its line, so the same files
/// imported again give the same events.
/// </summary>
internal sealed class EventJoin
{
    readonly Dictionary<string, (Opportunity Deal, DateTimeOffset LeadAt)> deals = new(StringComparer.Ordinal);
    readonly Dictionary<string, LeadRow> leads = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> accounts = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, string> orderOwners = new(StringComparer.Ordinal);
    readonly Dictionary<string, Plan> plans = new(StringComparer.Ordinal);

    /// <summary>Events of one journey in the making: its groups (one per row; -1 the journey's own) and the invoices to age.</summary>
    sealed class Plan
    {
        public List<(JourneyEvent Event, int Group)> Events { get; } = [];
        public Dictionary<int, (ImportIssue Row, string Kind)> Rows { get; } = [];
        public List<Invoice> Invoices { get; } = [];
    }

    /// <summary>The group of the overdue markings: refused, one is left out (it follows from the rows, it is none of them).</summary>
    const int Overdue = -2;

    /// <summary>The next row's group (one per row of any file: line numbers repeat across files).</summary>
    int nextGroup;

    /// <summary>An invoice of one order: its event id, amount, date, due date if known, the row it came with (-1: the deal's first order) and its order id.</summary>
    sealed record Invoice(string Id, decimal Amount, DateTimeOffset At, DateTimeOffset? DueAt, int Group, string? OrderId);

    public EventJoin(IReadOnlyList<(Opportunity Deal, DateTimeOffset LeadAt)> dealList, IReadOnlyList<LeadRow> leadList)
    {
        foreach (var d in dealList) deals[d.Deal.Id] = d;
        foreach (var l in leadList) leads[l.Id] = l;
        foreach (var (deal, _) in dealList.Where(d => d.Deal is { Stage: CrmDealStage.Won, Company: not null, ClosedAt: not null })
                     .OrderBy(d => d.Deal.ClosedAt).ThenBy(d => d.Deal.Row))
            accounts.TryAdd(deal.Company!, deal.Id);
    }

    /// <summary>The journey a key names, or null.</summary>
    string? Resolve(string key, bool orders = false) =>
        deals.ContainsKey(key) || leads.ContainsKey(key) ? key
        : orders && orderOwners.TryGetValue(key, out var owner) ? owner
        : accounts.GetValueOrDefault(key.Trim());

    bool IsCustomer(string id) => deals.TryGetValue(id, out var d) && d.Deal.Stage == CrmDealStage.Won;

    Plan PlanOf(string id) => plans.TryGetValue(id, out var p) ? p : plans[id] = new Plan();

    static ImportIssue Reject(string file, int row, string key, string reason, string? detail) => new(row, key, reason, detail) { File = file };

    /// <summary>The orders as repurchases (and their invoices when <paramref name="invoiced"/>); the rows it cannot join, rejected.</summary>
    public void AddOrders(string file, CrmColumnMapping m, IEnumerable<OrderRow> rows, bool invoiced, List<ImportIssue> rejected)
    {
        foreach (var o in rows)
        {
            if (Resolve(o.Key) is not { } id) { rejected.Add(Reject(file, o.Row, o.Key, KeyNotFound, $"{m.OrderKey} '{o.Key}'")); continue; }
            if (!IsCustomer(id)) { rejected.Add(Reject(file, o.Row, o.Key, NotACustomer, $"{m.OrderKey} '{o.Key}' is {What(id)}")); continue; }
            string orderEvent = $"{id}:order:{o.OrderId}", invoiceEvent = $"{id}:invoice:{o.OrderId}";
            if (!Names.IsValidId(orderEvent) || !Names.IsValidId(invoiceEvent)) { rejected.Add(Reject(file, o.Row, o.Key, UnusableEventId, $"{m.OrderId} '{o.OrderId}'")); continue; }
            orderOwners[o.OrderId] = id;
            var plan = PlanOf(id);
            var group = nextGroup++;
            plan.Rows[group] = (Reject(file, o.Row, o.Key, "", $"{m.OrderDate} '{o.At:yyyy-MM-dd HH:mm}'"), EventFileKinds.Orders);
            plan.Events.Add((new JourneyEvent { Id = orderEvent, Kind = EventKind.Repurchased, At = o.At, Amount = o.Amount }, group));
            if (invoiced) plan.Invoices.Add(new Invoice(invoiceEvent, o.Amount, o.At, null, group, o.OrderId));
        }
    }

    /// <summary>The payments (and the invoices of every won deal's first order); the rows it cannot join, rejected.</summary>
    public void AddPayments(string file, CrmColumnMapping m, IEnumerable<PaymentRow> rows, List<ImportIssue> rejected)
    {
        var list = rows.ToList();
        // A due date given for a deal (the first of its rows) or an order (keyed by its id) is its invoice's.
        var dueOfDeal = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var dueOfOrder = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var p in list.Where(p => p.DueAt is not null))
        {
            if (orderOwners.ContainsKey(p.Key)) dueOfOrder.TryAdd(p.Key, p.DueAt!.Value);
            else if (Resolve(p.Key) is { } id) dueOfDeal.TryAdd(id, p.DueAt!.Value);
        }
        foreach (var (deal, _) in deals.Values.Where(d => d.Deal is { Stage: CrmDealStage.Won, WonValue: > 0, ClosedAt: not null }))
            PlanOf(deal.Id).Invoices.Insert(0, new Invoice($"{deal.Id}:invoice", deal.WonValue, deal.ClosedAt!.Value, dueOfDeal.TryGetValue(deal.Id, out var due) ? due : null, -1, null));
        foreach (var plan in plans.Values)
            for (var i = 0; i < plan.Invoices.Count; i++)
                if (plan.Invoices[i] is { OrderId: { } order } inv && dueOfOrder.TryGetValue(order, out var orderDue))
                    plan.Invoices[i] = inv with { DueAt = orderDue };

        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in list)
        {
            if (Resolve(p.Key, orders: true) is not { } id) { rejected.Add(Reject(file, p.Row, p.Key, KeyNotFound, $"{m.PaymentKey} '{p.Key}'")); continue; }
            if (!IsCustomer(id)) { rejected.Add(Reject(file, p.Row, p.Key, NotACustomer, $"{m.PaymentKey} '{p.Key}' is {What(id)}")); continue; }
            var name = p.Invoice is { } invoice && Names.IsValidId($"{id}:paid:{invoice}-99") ? $"{id}:paid:{invoice}" : $"{id}:paid:{Stamp(p.PaidAt)}";
            var n = named[name] = named.GetValueOrDefault(name) + 1;
            var plan = PlanOf(id);
            var group = nextGroup++;
            plan.Rows[group] = (Reject(file, p.Row, p.Key, "", $"{m.PaymentDate} '{p.PaidAt:yyyy-MM-dd HH:mm}', {m.PaymentAmount} {p.Amount}"), EventFileKinds.Payments);
            plan.Events.Add((new JourneyEvent { Id = n == 1 ? name : $"{name}-{n}", Kind = EventKind.PaymentReceived, At = p.PaidAt, Amount = p.Amount }, group));
        }
    }

    /// <summary>The activities as contacts and follow-ups; the rows it cannot join, rejected.</summary>
    public void AddActivities(string file, CrmColumnMapping m, IEnumerable<ActivityRow> rows, List<ImportIssue> rejected)
    {
        var byJourney = new Dictionary<string, List<ActivityRow>>(StringComparer.Ordinal);
        foreach (var a in rows)
        {
            if (Resolve(a.Key) is not { } id) { rejected.Add(Reject(file, a.Row, a.Key, KeyNotFound, $"{m.ActivityKey} '{a.Key}'")); continue; }
            var created = deals.TryGetValue(id, out var d) ? d.LeadAt : leads[id].CreatedAt;
            if (a.At < created) { rejected.Add(Reject(file, a.Row, a.Key, BeforeItsDeal, $"{m.ActivityAt} '{a.At:yyyy-MM-dd HH:mm}' is before the lead was created ({created:yyyy-MM-dd HH:mm})")); continue; }
            (byJourney.TryGetValue(id, out var list) ? list : byJourney[id] = []).Add(a);
        }
        foreach (var (id, list) in byJourney)
        {
            var plan = PlanOf(id);
            var named = new Dictionary<string, int>(StringComparer.Ordinal);
            var first = true;
            foreach (var a in list.OrderBy(a => a.At).ThenBy(a => a.Row))
            {
                var name = $"{id}:activity:{Stamp(a.At)}";
                var n = named[name] = named.GetValueOrDefault(name) + 1;
                var kind = first || !deals.ContainsKey(id) ? EventKind.Contacted : EventKind.FollowedUp;
                first = false;
                var group = nextGroup++;
                plan.Rows[group] = (Reject(file, a.Row, a.Key, "", $"{m.ActivityAt} '{a.At:yyyy-MM-dd HH:mm}' ({a.Type})"), EventFileKinds.Activities);
                plan.Events.Add((new JourneyEvent { Id = n == 1 ? name : $"{name}-{n}", Kind = kind, At = a.At, Reason = a.Type }, group));
            }
        }
    }

    /// <summary>An instant as an event id writes it: digits of the Gregorian date and time, whatever the culture.</summary>
    static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    string What(string id) => leads.ContainsKey(id) ? "a lead without a deal"
        : deals[id].Deal.Stage switch { CrmDealStage.Lost => "a lost deal", _ => "an open deal" };

    /// <summary>The script of journey <paramref name="id"/>: its deal's or its lead's events.</summary>
    IReadOnlyList<JourneyEvent> Script(string id) =>
        deals.TryGetValue(id, out var d) ? JourneyScript.For(d.Deal, d.LeadAt) : JourneyScript.ForLead(leads[id]);

    /// <summary>
    /// Checks every journey's events in time order against the journey rules, rejecting the rows whose events the
    /// journey refuses (and those events), then ages the invoices due by <paramref name="latest"/> (the history's last
    /// event). Returns each journey's added events (in time order, after its own) and what became of each file's rows.
    /// </summary>
    public (Dictionary<string, IReadOnlyList<JourneyEvent>> Added, Dictionary<string, int> Imported) Finish(DateTimeOffset? latest, List<ImportIssue> rejected)
    {
        var added = new Dictionary<string, IReadOnlyList<JourneyEvent>>(StringComparer.Ordinal);
        var imported = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, plan) in plans)
        {
            foreach (var invoice in plan.Invoices)
                plan.Events.Add((new JourneyEvent { Id = invoice.Id, Kind = EventKind.PaymentDue, At = invoice.At, Amount = invoice.Amount, DueAt = invoice.DueAt }, invoice.Group));
            Check(id, Script(id), plan, rejected);
            foreach (var (e, _) in plan.Events) if (latest is null || e.At > latest) latest = e.At;
        }
        foreach (var (id, plan) in plans)
        {
            if (latest is { } now && plan.Invoices.Any(i => i.DueAt <= now))
            {
                var script = Script(id);
                AddOverdue(plan, now);
                Check(id, script, plan, rejected);
            }
            foreach (var (_, (_, kind)) in plan.Rows) imported[kind] = imported.GetValueOrDefault(kind) + 1;
            if (plan.Events.Count > 0) added[id] = plan.Events.OrderBy(e => e.Event.At).Select(e => e.Event).ToList();
        }
        return (added, imported);
    }

    /// <summary>Applies the script and the planned events by time (stable); each refused row is rejected with its events, until none is.</summary>
    static void Check(string id, IReadOnlyList<JourneyEvent> script, Plan plan, List<ImportIssue> rejected)
    {
        while (true)
        {
            (JourneyEvent Event, int Group, string Error)? refused = null;
            // The script first among events of the same instant, as the journey will hold them.
            var ordered = script.Select(e => (Event: e, Group: int.MinValue)).Concat(plan.Events).OrderBy(e => e.Event.At).ToList();
            var state = new JourneyState { Id = id };
            foreach (var (e, group) in ordered)
            {
                var t = JourneyTransitions.Apply(state, e);
                if (!t.Accepted) { refused = (e, group, t.Error!); break; }
                state = t.State;
            }
            if (refused is not { } r) return;
            plan.Events.RemoveAll(e => e.Group == r.Group);
            if (r.Group == int.MinValue) { plan.Events.Clear(); plan.Rows.Clear(); return; }
            if (!plan.Rows.Remove(r.Group, out var row)) continue;
            var reason = r.Event.Kind switch
            {
                EventKind.PaymentReceived when r.Error.Contains("exceeds", StringComparison.Ordinal) && !Before(script, r.Event) => PaidMoreThanOwed,
                _ when Before(script, r.Event) => BeforeItsDeal,
                _ => RefusedByJourney,
            };
            plan.Invoices.RemoveAll(i => i.Group == r.Group);
            rejected.Add(row.Row with { Reason = reason, Detail = $"{row.Row.Detail}: {r.Error}" });
        }
    }

    /// <summary>Whether a payment or order comes before the deal was won (nothing owed yet, no customer yet).</summary>
    static bool Before(IReadOnlyList<JourneyEvent> script, JourneyEvent e) =>
        e.Kind is EventKind.PaymentReceived or EventKind.Repurchased && script.FirstOrDefault(s => s.Kind == EventKind.Won) is { } won && e.At < won.At;

    /// <summary>
    /// Each invoice due by <paramref name="latest"/> and not paid in full by then (payments pay the oldest invoice first) is
    /// overdue from its due date by what is unpaid of it.
    /// </summary>
    static void AddOverdue(Plan plan, DateTimeOffset latest)
    {
        var invoices = plan.Invoices.Where(i => plan.Events.Any(e => e.Event.Id == i.Id)).OrderBy(i => i.At).ToList();
        var billedBefore = 0m;
        foreach (var invoice in invoices)
        {
            billedBefore += invoice.Amount;
            if (invoice.DueAt is not { } due || due > latest) continue;
            var paid = plan.Events.Where(e => e.Event.Kind == EventKind.PaymentReceived && e.Event.At <= due).Sum(e => e.Event.Amount);
            var unpaid = Math.Min(invoice.Amount, billedBefore - paid);
            if (unpaid <= 0) continue;
            plan.Events.Add((new JourneyEvent { Id = invoice.Id.Replace(":invoice", ":overdue", StringComparison.Ordinal), Kind = EventKind.PaymentOverdue, At = due, Amount = unpaid }, Overdue));
        }
    }
}
