namespace Growth.Domain.Journeys;

internal sealed partial class JourneyRun
{
    /// <summary>
    /// An opportunity already open when the simulation starts (<see cref="Simulation.InFlightDeals"/>): its history from
    /// the lead's creation to the step it has reached, spread evenly up to the start (created, assigned, contacted,
    /// qualified and graded, followed up, opportunity opened at a drawn value, each earlier step passed), then its next
    /// step planned from the start as any opportunity's is.
    /// </summary>
    public void OpenInFlight(JourneyStart start, InFlightDeal deal)
    {
        var rep = start.Rep;
        var created = deal.CreatedAt < start.At ? deal.CreatedAt : start.At;
        var parts = 5 + (int)deal.Reached;
        var span = start.At - created;
        var n = 0;
        DateTimeOffset Next() => created + span * (++n / (double)parts);
        Emit(EventKind.LeadCreated, created, e => e with { CampaignId = start.CampaignId, Channel = start.Channel, RegionId = rep.RegionId, Tags = start.Tags });
        Emit(EventKind.LeadAssigned, created, e => e with { RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId });
        Emit(EventKind.Contacted, Next());
        var qualified = Next();
        Emit(EventKind.Qualified, qualified);
        Grade(qualified);
        Emit(EventKind.FollowedUp, Next());
        var value = DrawOpportunityValue();
        plan.BaseValue = value;
        Emit(EventKind.OpportunityOpened, Next(), e => e with { Amount = value });
        for (var step = ConversationStep.Opening; step < deal.Reached; step++)
        {
            var passed = step;
            Emit(EventKind.StepPassed, Next(), e => e with { Step = passed });
        }
        plan.Sale = SaleAction.Step;
        plan.SaleAt = NextStep(start.At);
    }
}
