
namespace Growth.Domain.Journeys;

/// <summary>The customer-facing funnel stages of the nine operational steps, in order.</summary>
public enum FunnelStage
{
    /// <summary>Step 1: a person touched by a marketing campaign (impression, visit, event attendance).</summary>
    CampaignTouch,
    /// <summary>Step 2: a lead in the pool with basic information and stated intent.</summary>
    Lead,
    /// <summary>Step 3: intent recognised as real (qualified); junk is weeded out here.</summary>
    QualifiedIntent,
    /// <summary>Step 4: customer follow-up and pre-sales service.</summary>
    FollowUp,
    /// <summary>Step 5: a sales opportunity worked through the conversation.</summary>
    Opportunity,
    /// <summary>Step 6: contract signed, order placed.</summary>
    Contract,
    /// <summary>Step 7: payment collected.</summary>
    Payment,
}

/// <summary>Where a journey stands overall.</summary>
public enum JourneyStatus
{
    /// <summary>No event has been applied yet.</summary>
    None,
    /// <summary>An open lead or opportunity.</summary>
    Prospect,
    /// <summary>Weeded out at intent recognition or went cold before an opportunity.</summary>
    Disqualified,
    /// <summary>The opportunity was lost.</summary>
    Lost,
    /// <summary>Won: a customer.</summary>
    Customer,
    /// <summary>A former customer (refund or cancellation ended the relationship).</summary>
    Churned,
}

/// <summary>The lifecycle loop after acquisition: acquire, activate, retain, upsell, refer; and churn.</summary>
public enum LifecycleStage
{
    Acquired,
    Activated,
    Retained,
    Upsold,
    Referred,
    Churned,
}

/// <summary>The steps of the sales conversation, in order.</summary>
public enum ConversationStep
{
    Opening,
    Rapport,
    Topic,
    TrialClose,
    ObjectionHandling,
    Close,
}

/// <summary>Where a customer's objections come from.</summary>
public enum ObjectionType
{
    Experience,
    CompetitorDifference,
    CompetitorStrength,
    BudgetEnvironment,
    Service,
}

/// <summary>Marketing channels; each has its own lead quality and cost in the behaviour model.</summary>
public enum Channel
{
    Ads,
    Events,
    Content,
    Incentive,
    Brand,
    Referral,
}
