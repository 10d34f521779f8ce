namespace Growth.Domain.Journeys;

/// <summary>
/// The kinds added after the first event language (the lead pool, the contract stage, collections), dispatched here so
/// each concept keeps its own file. A kind this build does not know is refused by its number.
/// </summary>
public static partial class JourneyTransitions
{
    static Transition Further(JourneyState s, JourneyEvent e) => e.Kind switch
    {
        EventKind.ReturnedToPool => ReturnedToPool(s, e),
        EventKind.Reassigned => Reassigned(s, e),
        EventKind.Graded => Graded(s, e),
        EventKind.ContractDrafted => ContractDrafted(s, e),
        EventKind.ApprovalRequested => ApprovalRequested(s, e),
        EventKind.ApprovalGranted => ApprovalDecided(s, e, granted: true),
        EventKind.ApprovalRefused => ApprovalDecided(s, e, granted: false),
        EventKind.InstalmentDue => InstalmentDue(s, e),
        EventKind.ReminderSent => ReminderSent(s, e),
        EventKind.WrittenOff => WrittenOff(s, e),
        _ => Refuse(s, $"unknown event kind {(int)e.Kind}"),
    };

    /// <summary>The contract of the first order, drafted after the verbal win (again after a refused discount).</summary>
    static Transition ContractDrafted(JourneyState s, JourneyEvent e)
    {
        if (!s.Won || !s.IsCustomer) return Refuse(s, $"a contract is drafted after the verbal win (send Won first; journey is {s.Status})");
        if (s.Orders > 0) return Refuse(s, "the first order is already signed; its contract cannot be drafted again");
        if (s.ApprovalSince is not null) return Refuse(s, "a discount approval is waiting: send ApprovalGranted or ApprovalRefused first");
        return Ok(s with { ContractAt = e.At });
    }

    static Transition ApprovalRequested(JourneyState s, JourneyEvent e)
    {
        if (s.ContractAt is null || !s.IsCustomer) return Refuse(s, "an approval is asked for a drafted contract (send ContractDrafted first)");
        if (s.Orders > 0) return Refuse(s, "the first order is already signed: nothing left to approve");
        if (s.ApprovalSince is not null) return Refuse(s, "an approval is already waiting");
        return Ok(s with { ApprovalSince = e.At, ApprovalValue = e.Amount, ApprovalsRequested = s.ApprovalsRequested + 1 });
    }

    static Transition ApprovalDecided(JourneyState s, JourneyEvent e, bool granted)
    {
        if (s.ApprovalSince is null) return Refuse(s, $"{e.Kind} needs an approval waiting (send ApprovalRequested first)");
        return Ok(s with { ApprovalSince = null, ApprovalValue = 0, ApprovalsRefused = s.ApprovalsRefused + (granted ? 0 : 1) });
    }

    /// <summary>One instalment invoiced: an invoice (as <see cref="EventKind.PaymentDue"/>) counted as an instalment.</summary>
    static Transition InstalmentDue(JourneyState s, JourneyEvent e)
    {
        var t = PaymentDue(s, e);
        return t.Accepted ? Ok(t.State with { Instalments = s.Instalments + 1 }) : t;
    }

    static Transition ReminderSent(JourneyState s, JourneyEvent e)
    {
        if (s.Outstanding <= 0) return Refuse(s, "nothing is unpaid to remind of");
        if (e.Amount > s.Outstanding) return Refuse(s, $"reminder of {e.Amount} exceeds the outstanding {s.Outstanding}");
        return Ok(s with { Reminders = s.Reminders + 1 });
    }

    /// <summary>Unpaid money given up: it leaves receivables (and the overdue money first); revenue stays as booked.</summary>
    static Transition WrittenOff(JourneyState s, JourneyEvent e)
    {
        if (e.Amount <= 0) return Refuse(s, $"a write-off needs a positive amount (was {e.Amount})");
        if (e.Amount > s.Outstanding) return Refuse(s, $"write-off of {e.Amount} exceeds the outstanding {s.Outstanding}");
        var overdue = Math.Max(0, s.Overdue - e.Amount);
        return Ok(s with { WrittenOff = s.WrittenOff + e.Amount, Overdue = overdue, OverdueSince = overdue > 0 ? s.OverdueSince : null });
    }
}
