using Growth.Domain.Journeys;

namespace Growth.TestSupport;

/// <summary>Writes events for one journey with increasing ids and times, as a CRM would send them.</summary>
public sealed class EventScript(string journeyId, DateTimeOffset start)
{
    int sequence;
    DateTimeOffset at = start;

    public JourneyEvent Next(EventKind kind, double afterDays = 1, Func<JourneyEvent, JourneyEvent>? fill = null)
    {
        at += TimeSpan.FromDays(afterDays);
        var e = new JourneyEvent { Id = $"{journeyId}-e{++sequence}", Kind = kind, At = at };
        return fill is null ? e : fill(e);
    }

    /// <summary>Lead created and assigned, contacted, qualified, followed up, opportunity, every step, won and order signed.</summary>
    public List<JourneyEvent> ToWonOrder(decimal amount, string region = "region-1", string team = "team-1-1", string rep = "rep-1-1-1", string? campaign = "campaign-1")
    {
        var events = new List<JourneyEvent>
        {
            Next(EventKind.LeadCreated, 0, e => e with { CampaignId = campaign, Channel = Channel.Ads, RegionId = region }),
            Next(EventKind.LeadAssigned, 0, e => e with { RegionId = region, TeamId = team, RepId = rep }),
            Next(EventKind.Contacted, 0.1),
            Next(EventKind.Qualified),
            Next(EventKind.FollowedUp),
            Next(EventKind.OpportunityOpened, 1, e => e with { Amount = amount }),
        };
        foreach (var step in new[] { ConversationStep.Opening, ConversationStep.Rapport, ConversationStep.Topic, ConversationStep.TrialClose })
            events.Add(Next(EventKind.StepPassed, 1, e => e with { Step = step }));
        events.Add(Next(EventKind.ObjectionRaised, 1, e => e with { Objection = ObjectionType.BudgetEnvironment }));
        events.Add(Next(EventKind.StepPassed, 0, e => e with { Step = ConversationStep.ObjectionHandling }));
        events.Add(Next(EventKind.Won, 1, e => e with { Amount = amount }));
        events.Add(Next(EventKind.OrderSigned, 0, e => e with { Amount = amount }));
        return events;
    }
}
