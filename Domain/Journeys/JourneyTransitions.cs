namespace Growth.Domain.Journeys;

/// <summary>
/// Applies the event language to a journey. Pure: a refused event returns the reason and the unchanged state.
/// </summary>
public static partial class JourneyTransitions
{
    /// <summary>Applies <paramref name="e"/> to <paramref name="s"/>.</summary>
    public static Transition Apply(JourneyState s, JourneyEvent e)
    {
        if (EventProblem(e) is { } problem) return Refuse(s, problem);
        if (e.Amount < 0) return Refuse(s, $"amount must not be negative (was {e.Amount})");
        if (s.Status == JourneyStatus.None && e.Kind is not (EventKind.LeadCreated or EventKind.CustomerOnboarded))
            return Refuse(s, $"{e.Kind} needs a journey that exists: send LeadCreated or CustomerOnboarded first");

        var result = e.Kind switch
        {
            EventKind.LeadCreated => LeadCreated(s, e),
            EventKind.CustomerOnboarded => CustomerOnboarded(s, e),
            EventKind.LeadAssigned => LeadAssigned(s, e),
            EventKind.Contacted => Contacted(s, e),
            EventKind.Qualified => Qualified(s, e),
            EventKind.Disqualified => Disqualified(s, e),
            EventKind.FollowedUp => FollowedUp(s, e),
            EventKind.OpportunityOpened => OpportunityOpened(s, e),
            EventKind.StepPassed => StepPassed(s, e),
            EventKind.ObjectionRaised => ObjectionRaised(s, e),
            EventKind.Won => Won(s, e),
            EventKind.Lost => Lost(s, e),
            EventKind.OrderSigned => OrderSigned(s, e),
            EventKind.PaymentDue => PaymentDue(s, e),
            EventKind.PaymentReceived => PaymentReceived(s, e),
            EventKind.PaymentOverdue => PaymentOverdue(s, e),
            EventKind.Activated => Activated(s, e),
            EventKind.Retained => Retained(s, e),
            EventKind.Repurchased => Repurchased(s, e),
            EventKind.Referred => Referred(s, e),
            EventKind.Refunded => Refunded(s, e),
            EventKind.Churned => Churned(s, e),
            _ => Further(s, e),
        };
        if (!result.Accepted) return result;
        var next = NameFields(ForecastFields(StageTimes(s, result.State, e.At), e), e);
        return new Transition(next with
        {
            EventCount = next.EventCount + 1,
            LastEventAt = next.LastEventAt is { } last && last > e.At ? last : e.At,
        }, null);
    }

    /// <summary>Applies events in order; stops at the first refusal and returns the state before the batch.</summary>
    public static Transition ApplyAll(JourneyState s, IEnumerable<JourneyEvent> events)
    {
        var current = s;
        foreach (var e in events)
        {
            var t = Apply(current, e);
            if (!t.Accepted) return new Transition(s, $"event {e.Id} ({e.Kind}): {t.Error}");
            current = t.State;
        }
        return new Transition(current, null);
    }

    static Transition Ok(JourneyState s) => new(s, null);
    static Transition Refuse(JourneyState s, string reason) => new(s, reason);
    static FunnelStage Furthest(FunnelStage? current, FunnelStage reached) =>
        current is { } c && c > reached ? c : reached;

    static Transition LeadCreated(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.None) return Refuse(s, "the journey already exists");
        return Ok(s with
        {
            Status = JourneyStatus.Prospect,
            Stage = FunnelStage.Lead,
            CampaignId = e.CampaignId,
            Channel = e.Channel,
            RegionId = e.RegionId,
            TeamId = e.TeamId,
            RepId = e.RepId,
            CreatedAt = e.At,
            Tags = Organisations.LeadTagText.Join(Organisations.LeadTagText.Split(e.Tags)),
        });
    }

    static Transition CustomerOnboarded(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.None) return Refuse(s, "the journey already exists");
        return Ok(s with
        {
            Status = JourneyStatus.Customer,
            Existing = true,
            Activated = true,
            RegionId = e.RegionId,
            TeamId = e.TeamId,
            RepId = e.RepId,
            CreatedAt = e.At,
            // An opening balance is a receivable carried in from before the workspace began.
            Billed = e.Amount,
            OpeningBalance = e.Amount,
        });
    }

    static Transition LeadAssigned(JourneyState s, JourneyEvent e)
    {
        if (s.IsClosed) return Refuse(s, $"cannot assign a journey that is {s.Status}");
        if (string.IsNullOrWhiteSpace(e.TeamId) || string.IsNullOrWhiteSpace(e.RepId))
            return Refuse(s, "LeadAssigned needs teamId and repId");
        return Ok(s with
        {
            TeamId = e.TeamId,
            RepId = e.RepId,
            RegionId = e.RegionId ?? s.RegionId,
            AssignedAt = s.AssignedAt ?? e.At,
        });
    }

    static Transition Contacted(JourneyState s, JourneyEvent e)
    {
        if (s.IsClosed) return Refuse(s, $"cannot contact a journey that is {s.Status}");
        return Ok(s with { Contacts = s.Contacts + 1, FirstContactAt = s.FirstContactAt ?? e.At });
    }

    static Transition Qualified(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.Prospect) return Refuse(s, $"only an open lead can be qualified (journey is {s.Status})");
        if (s.QualifiedAt is not null) return Refuse(s, "the lead is already qualified");
        return Ok(s with { QualifiedAt = e.At, Stage = Furthest(s.Stage, FunnelStage.QualifiedIntent) });
    }

    static Transition Disqualified(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.Prospect) return Refuse(s, $"only an open lead can be disqualified (journey is {s.Status})");
        if (s.OpportunityAt is not null) return Refuse(s, "an opportunity is open: it is won or lost, not disqualified");
        return Ok(s with { Status = JourneyStatus.Disqualified, ClosedAt = e.At, LostReason = e.Reason });
    }

    static Transition FollowedUp(JourneyState s, JourneyEvent e)
    {
        if (s.Status is not (JourneyStatus.Prospect or JourneyStatus.Customer))
            return Refuse(s, $"cannot follow up a journey that is {s.Status}");
        if (s.QualifiedAt is null && !s.IsCustomer) return Refuse(s, "follow-up needs a qualified lead");
        return Ok(s with
        {
            FollowUps = s.FollowUps + 1,
            Stage = s.IsCustomer || s.Stage is null ? s.Stage : Furthest(s.Stage, FunnelStage.FollowUp),
        });
    }

    static Transition OpportunityOpened(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.Prospect) return Refuse(s, $"an opportunity needs an open lead (journey is {s.Status})");
        if (s.QualifiedAt is null) return Refuse(s, "an opportunity needs a qualified lead");
        if (s.OpportunityAt is not null) return Refuse(s, "an opportunity is already open");
        return Ok(s with { OpportunityAt = e.At, StepAt = e.At, OpportunityValue = e.Amount, Stage = Furthest(s.Stage, FunnelStage.Opportunity) });
    }

    static Transition StepPassed(JourneyState s, JourneyEvent e)
    {
        if (!s.HasOpenOpportunity) return Refuse(s, "conversation steps need an open opportunity");
        if (e.Step is not { } step) return Refuse(s, "StepPassed needs step");
        if (s.LastStep is { } last && step <= last) return Refuse(s, $"step {step} is not after the last step passed ({last})");
        return Ok(s with { LastStep = step, StepAt = e.At });
    }

    static Transition ObjectionRaised(JourneyState s, JourneyEvent e)
    {
        if (!s.HasOpenOpportunity) return Refuse(s, "objections need an open opportunity");
        if (e.Objection is null) return Refuse(s, "ObjectionRaised needs objection");
        return Ok(s with { LastObjection = e.Objection });
    }

    static Transition Won(JourneyState s, JourneyEvent e)
    {
        if (!s.HasOpenOpportunity) return Refuse(s, $"only an open opportunity can be won (journey is {s.Status}{(s.OpportunityAt is null ? ", no opportunity" : "")})");
        // Amount 0: won, value unknown (an export without the value): in wins and win rate, not in value averages.
        return Ok(s with
        {
            Status = JourneyStatus.Customer,
            Won = true,
            WonValue = e.Amount,
            ClosedAt = e.At,
            LastStep = ConversationStep.Close,
        });
    }

    static Transition Lost(JourneyState s, JourneyEvent e)
    {
        if (!s.HasOpenOpportunity) return Refuse(s, $"only an open opportunity can be lost (journey is {s.Status}{(s.OpportunityAt is null ? ", no opportunity" : "")})");
        return Ok(s with
        {
            Status = JourneyStatus.Lost,
            ClosedAt = e.At,
            // No step sent and none passed: the step is unknown (an export that records only the loss), not Opening.
            LostStep = e.Step ?? (s.LastStep is { } passed ? NextStep(passed) : null),
            LostReason = e.Reason ?? e.Objection?.ToString(),
            LastObjection = e.Objection ?? s.LastObjection,
            LostObjection = e.Objection,
        });
    }

    static ConversationStep NextStep(ConversationStep? last) =>
        last is { } l && l < ConversationStep.Close ? l + 1 : last ?? ConversationStep.Opening;

    static Transition OrderSigned(JourneyState s, JourneyEvent e)
    {
        if (!s.Won || s.Status != JourneyStatus.Customer) return Refuse(s, "an order is signed after the deal is won");
        if (s.Orders > 0) return Refuse(s, "the first order is already signed; further orders are Repurchased");
        if (e.Amount <= 0) return Refuse(s, $"an order needs a positive amount (was {e.Amount})");
        if (s.ApprovalSince is { } asked) return Refuse(s, $"the discount approval asked for at {asked:O} is still waiting: send ApprovalGranted or ApprovalRefused first");
        return Ok(s with
        {
            Orders = 1,
            OrderAt = e.At,
            OrderValue = e.Amount,
            Stage = Furthest(s.Stage, FunnelStage.Contract),
        });
    }

    static Transition PaymentDue(JourneyState s, JourneyEvent e)
    {
        if (e.Amount <= 0) return Refuse(s, $"an invoice needs a positive amount (was {e.Amount})");
        if (s.Orders == 0) return Refuse(s, "nothing to invoice: no order signed");
        if (s.Billed + e.Amount > s.OrderValue + s.OpeningBalance)
            return Refuse(s, $"invoice of {e.Amount} exceeds what was ordered ({s.OrderValue}, already billed {s.Billed - s.OpeningBalance})");
        return Ok(s with { Billed = s.Billed + e.Amount });
    }

    static Transition PaymentReceived(JourneyState s, JourneyEvent e)
    {
        if (e.Amount <= 0) return Refuse(s, $"a payment needs a positive amount (was {e.Amount})");
        if (e.Amount > s.Outstanding) return Refuse(s, $"payment of {e.Amount} exceeds the outstanding {s.Outstanding}");
        var firstPayment = s.Collected == 0 && !s.Existing;
        var overdue = Math.Max(0, s.Overdue - e.Amount);
        return Ok(s with
        {
            Collected = s.Collected + e.Amount,
            Overdue = overdue,
            OverdueSince = overdue > 0 ? s.OverdueSince : null,
            Stage = firstPayment && s.Stage is not null ? Furthest(s.Stage, FunnelStage.Payment) : s.Stage,
        });
    }

    static Transition PaymentOverdue(JourneyState s, JourneyEvent e)
    {
        if (e.Amount <= 0) return Refuse(s, $"an overdue amount must be positive (was {e.Amount})");
        if (s.Overdue + e.Amount > s.Outstanding)
            return Refuse(s, $"overdue {s.Overdue + e.Amount} would exceed the outstanding {s.Outstanding}");
        return Ok(s with { Overdue = s.Overdue + e.Amount, OverdueSince = s.Overdue > 0 ? s.OverdueSince : e.At });
    }

    static Transition Activated(JourneyState s, JourneyEvent e)
    {
        if (!s.IsCustomer) return Refuse(s, $"only a customer can be activated (journey is {s.Status})");
        if (s.Activated) return Refuse(s, "the customer is already activated");
        return Ok(s with { Activated = true });
    }

    static Transition Retained(JourneyState s, JourneyEvent e)
    {
        if (!s.IsCustomer) return Refuse(s, $"only a customer can be retained (journey is {s.Status})");
        if (!s.Activated) return Refuse(s, "a customer is activated before being retained");
        if (s.Retained) return Refuse(s, "the customer is already retained");
        return Ok(s with { Retained = true });
    }

    static Transition Repurchased(JourneyState s, JourneyEvent e)
    {
        if (!s.IsCustomer) return Refuse(s, $"only a customer can repurchase (journey is {s.Status})");
        if (e.Amount <= 0) return Refuse(s, $"a repurchase needs a positive amount (was {e.Amount})");
        return Ok(s with
        {
            Orders = s.Orders + 1,
            Repurchases = s.Repurchases + 1,
            OrderValue = s.OrderValue + e.Amount,
        });
    }

    static Transition Referred(JourneyState s, JourneyEvent e)
    {
        if (!s.IsCustomer) return Refuse(s, $"only a customer refers (journey is {s.Status})");
        return Ok(s with { Referrals = s.Referrals + 1 });
    }

    static Transition Refunded(JourneyState s, JourneyEvent e)
    {
        if (s.Status is not (JourneyStatus.Customer or JourneyStatus.Churned))
            return Refuse(s, $"only a customer can be refunded (journey is {s.Status})");
        if (e.Amount <= 0) return Refuse(s, $"a refund needs a positive amount (was {e.Amount})");
        if (s.Refunded + e.Amount > s.Collected)
            return Refuse(s, $"refund of {e.Amount} exceeds what was collected and not yet refunded ({s.Collected - s.Refunded})");
        return Ok(s with { Refunded = s.Refunded + e.Amount });
    }

    static Transition Churned(JourneyState s, JourneyEvent e)
    {
        if (!s.IsCustomer) return Refuse(s, $"only a customer can churn (journey is {s.Status})");
        return Ok(s with { Status = JourneyStatus.Churned, LostReason = e.Reason ?? s.LostReason });
    }
}
