using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;

namespace Growth.Domain.Import;

/// <summary>
/// Writes an opportunity in the event language. A CRM export records only where each deal ended up, so the
/// script walks the shortest path there that <see cref="JourneyTransitions"/> accepts: the lead is created,
/// assigned and qualified when it was engaged (every CRM opportunity had real intent), the opportunity opens at
/// the product's list price (prospects too: they are open deals), and a won deal signs its first order for the close
/// value the same day (a win of unknown value signs none). A lost deal's step and reason are not in the export: none is sent.
/// The lead carries the row's account and contact as the customer's company and name (the record lists show them).
/// </summary>
internal static class JourneyScript
{
    /// <summary>The reason carried by the Lost event: the export says a deal was lost, not why (nor at which step:
    /// the event carries none, so the step is unknown).</summary>
    public const string LostReason = "reason not in the export";

    const string Created = "created", Assigned = "assigned", Qualified = "qualified", Opened = "opened",
        Won = "won", Ordered = "order", Lost = "lost", Passed = "step";

    /// <summary>
    /// Whether <paramref name="opportunityId"/> can be a journey id and carry the event ids made from it
    /// (the same rule as the ingestion API's ids, so imported journeys can be addressed there).
    /// </summary>
    public static bool CanName(string opportunityId) =>
        Names.IsValidId(opportunityId) && Names.IsValidId(EventId(opportunityId, Qualified));

    /// <summary>The events of <paramref name="o"/>, the lead created and qualified at <paramref name="leadAt"/> (its engage date, if it has one).</summary>
    public static List<JourneyEvent> For(Opportunity o, DateTimeOffset leadAt)
    {
        var events = new List<JourneyEvent>(7) { LeadCreated(o, leadAt) };
        if (o.Placement is { TeamId: not null } placed) events.Add(Event(o, EventKind.LeadAssigned, Assigned, leadAt) with
        {
            RegionId = placed.RegionId, TeamId = placed.TeamId, RepId = placed.RepId,
        });
        events.Add(Event(o, EventKind.Qualified, Qualified, leadAt));
        // A prospect is an open deal too: the export lists it in the pipeline.
        events.Add(Event(o, EventKind.OpportunityOpened, Opened, leadAt) with { Amount = o.OpportunityValue });
        // A deal at a known step has passed the one before it (when it opened: the export has no step dates).
        if (o is { Stage: not CrmDealStage.Won, Step: { } at } && at > ConversationStep.Opening)
            events.Add(Event(o, EventKind.StepPassed, Passed, leadAt) with { Step = at - 1 });
        if (o is { Stage: CrmDealStage.Won, ClosedAt: { } wonAt })
        {
            // Amount 0: won, value unknown; no order, since its value is not known either.
            events.Add(Event(o, EventKind.Won, Won, wonAt) with { Amount = o.WonValue });
            if (o.WonValue > 0) events.Add(Event(o, EventKind.OrderSigned, Ordered, wonAt) with { Amount = o.WonValue });
        }
        else if (o is { Stage: CrmDealStage.Lost, ClosedAt: { } lostAt })
            events.Add(Event(o, EventKind.Lost, Lost, lostAt) with { Step = o.Step, Reason = o.LostReason ?? LostReason });
        return events;
    }

    /// <summary>
    /// The lead enters in its agent's region. An agent missing from the teams file has no team, so no
    /// LeadAssigned (which needs one) follows: the rep is named here instead, so the deal still counts for them.
    /// </summary>
    static JourneyEvent LeadCreated(Opportunity o, DateTimeOffset at) =>
        Event(o, EventKind.LeadCreated, Created, at) with
        {
            CampaignId = o.CampaignId, Channel = o.Channel,
            CompanyName = o.Company, ContactName = o.Contact,
            RegionId = o.Placement?.RegionId,
            RepId = o.Placement is { TeamId: null } unplaced ? unplaced.RepId : null,
        };

    /// <summary>A lead of a leads export that no deal references: created at its first contact, from its origin.</summary>
    public static List<JourneyEvent> ForLead(LeadRow lead) =>
    [
        new JourneyEvent { Id = EventId(lead.Id, Created), Kind = EventKind.LeadCreated, At = lead.CreatedAt, CampaignId = lead.CampaignId, Channel = lead.Channel },
    ];

    static JourneyEvent Event(Opportunity o, EventKind kind, string step, DateTimeOffset at) =>
        new() { Id = EventId(o.Id, step), Kind = kind, At = at };

    static string EventId(string journeyId, string step) => $"{journeyId}:{step}";
}
