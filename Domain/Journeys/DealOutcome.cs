namespace Growth.Domain.Journeys;

/// <summary>A deal that just closed, won or lost: what the win/loss review and the live feed's notable events read.</summary>
public sealed record DealOutcome(
    string JourneyId, bool Won, decimal Amount, DateTimeOffset At,
    string? RegionId, string? TeamId, string? RepId, string? CampaignId,
    ConversationStep? Step, ObjectionType? Objection, string? Reason)
{
    /// <summary>
    /// The outcome if <paramref name="after"/> closed a deal that <paramref name="before"/> had not closed: one open
    /// before, or one opened and closed in the same change (an ingested batch or import carrying both events).
    /// </summary>
    public static DealOutcome? Of(JourneyState before, JourneyState after)
    {
        if (after.OpportunityAt is null || after.HasOpenOpportunity || after.ClosedAt is not { } at || before.ClosedAt is not null) return null;
        return after.Won
            ? new DealOutcome(after.Id, true, after.WonValue, at, after.RegionId, after.TeamId, after.RepId, after.CampaignId, null, null, null)
            : after.Status == JourneyStatus.Lost
                ? new DealOutcome(after.Id, false, after.OpportunityValue, at, after.RegionId, after.TeamId, after.RepId, after.CampaignId,
                    after.LostStep, after.LostObjection, after.LostReason)
                : null;
    }
}

/// <summary>Something a leader should notice now: a large win, an anomaly that began.</summary>
public sealed record NotableEvent(string Kind, string Message, DateTimeOffset At, string? JourneyId = null);
