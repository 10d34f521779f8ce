using System.Globalization;
using Growth.Domain.Randomness;

namespace Growth.Domain.Journeys;

/// <summary>
/// Collections: an order invoiced at once or in instalments, paid on time, late or never; an unpaid invoice reminded at
/// due + N days and written off after the write-off period. Revenue is booked at the order; cash follows the invoices.
/// </summary>
internal sealed partial class JourneyRun
{
    void Invoice(decimal amount, DateTimeOffset at, bool billed)
    {
        var rules = p.Rules.Collections;
        var due = at + TimeSpan.FromDays(p.PaymentTermsDays);
        var n = Math.Max(1, rules.Instalments);
        if (n == 1 || billed)
        {
            if (!billed) Emit(EventKind.PaymentDue, at, e => e with { Amount = amount, DueAt = due });
            AddInvoice(amount, at, due);
            return;
        }
        // Equal instalments (the last takes the rounding), one every InstalmentDays, each due PaymentTermsDays after it is
        // invoiced. The first is drawn from the journey's own stream as the single invoice would be (the payer's habit), so
        // the rest of the journey draws as without instalments; the later ones from a side stream.
        var share = Math.Round(amount / n, 2);
        var side = Side("instalments");
        for (var i = 1; i <= n; i++)
        {
            var part = i < n ? share : amount - share * (n - 1);
            var billAt = at + TimeSpan.FromDays((double)rules.InstalmentDays * (i - 1));
            var dueAt = billAt + TimeSpan.FromDays(p.PaymentTermsDays);
            var (index, of) = (i, n);
            if (i == 1) Emit(EventKind.InstalmentDue, at, e => e with { Amount = part, DueAt = dueAt, Reason = InstalmentReason(index, of) });
            var invoice = PlannedFor(part, billAt, dueAt, i == 1 ? Rng : side) with { BillAt = i == 1 ? null : billAt, Instalment = i, Of = n };
            plan.Invoices.Add(invoice);
        }
    }

    static string InstalmentReason(int i, int n) => string.Create(CultureInfo.InvariantCulture, $"instalment {i} of {n}");

    void AddInvoice(decimal amount, DateTimeOffset at, DateTimeOffset due) => plan.Invoices.Add(PlannedFor(amount, at, due, Rng));

    PlannedInvoice PlannedFor(decimal amount, DateTimeOffset at, DateTimeOffset due, Prng rng)
    {
        DateTimeOffset? payAt;
        if (rng.Chance(p.OnTimePaymentRate)) payAt = at + (due - at) * rng.Uniform(0.2, 1.0);
        else if (rng.Chance(p.LatePaymentRate)) payAt = due + TimeSpan.FromDays(rng.Exponential(p.DaysLate));
        else payAt = null;
        var invoice = new PlannedInvoice(amount, due, payAt, false);
        return invoice.Late ? invoice with { ChaseAt = NextChase(invoice) } : invoice;
    }

    /// <summary>The next reminder due for an unpaid invoice, else its write-off, else never.</summary>
    DateTimeOffset? NextChase(PlannedInvoice inv)
    {
        var rules = p.Rules.Collections;
        if (inv.Reminders < rules.ReminderDays.Count) return inv.DueAt + TimeSpan.FromDays(rules.ReminderDays[inv.Reminders]);
        return rules.WriteOffDays > 0 ? inv.DueAt + TimeSpan.FromDays(rules.WriteOffDays) : null;
    }

    void FireInvoice(int index, DateTimeOffset at)
    {
        var inv = plan.Invoices[index];
        if (inv.BillAt is not null)
        {
            var (i, n) = (inv.Instalment, inv.Of);
            var amount = Math.Min(inv.Amount, s.OrderValue + s.OpeningBalance - s.Billed);
            if (amount > 0) Emit(EventKind.InstalmentDue, at, e => e with { Amount = amount, DueAt = inv.DueAt, Reason = InstalmentReason(i, n) });
            if (amount > 0) plan.Invoices[index] = inv with { BillAt = null, Amount = amount };
            else plan.Invoices.RemoveAt(index);
            return;
        }
        if (inv.Late && !inv.OverdueMarked)
        {
            var overdue = Math.Min(inv.Amount, s.Outstanding - s.Overdue);
            if (overdue > 0) Emit(EventKind.PaymentOverdue, at, e => e with { Amount = overdue });
            plan.Invoices[index] = inv with { OverdueMarked = true };
            if (inv.PayAt is null && inv.ChaseAt is null) plan.Invoices.RemoveAt(index);
            return;
        }
        if (inv.ChaseAt == at && (inv.PayAt is null || at < inv.PayAt)) { Chase(index, inv, at); return; }
        var paid = Math.Min(inv.Amount, s.Outstanding);
        if (paid > 0) Emit(EventKind.PaymentReceived, at, e => e with { Amount = paid });
        plan.Invoices.RemoveAt(index);
    }

    /// <summary>A reminder at due + N days, or, after the last one, the write-off (the late payment planned then never comes).</summary>
    void Chase(int index, PlannedInvoice inv, DateTimeOffset at)
    {
        var rules = p.Rules.Collections;
        var unpaid = Math.Min(inv.Amount, s.Outstanding);
        if (inv.Reminders < rules.ReminderDays.Count)
        {
            var days = rules.ReminderDays[inv.Reminders];
            if (unpaid > 0) Emit(EventKind.ReminderSent, at, e => e with { Amount = unpaid, Reason = string.Create(CultureInfo.InvariantCulture, $"{days} days past due") });
            var next = inv with { Reminders = inv.Reminders + 1 };
            next = next with { ChaseAt = NextChase(next) };
            if (next.ChaseAt is null && next.PayAt is null) plan.Invoices.RemoveAt(index);
            else plan.Invoices[index] = next;
            return;
        }
        if (unpaid > 0) Emit(EventKind.WrittenOff, at, e => e with { Amount = unpaid, Reason = string.Create(CultureInfo.InvariantCulture, $"unpaid {rules.WriteOffDays} days past due") });
        plan.Invoices.RemoveAt(index);
    }
}
