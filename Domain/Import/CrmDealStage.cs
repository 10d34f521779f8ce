namespace Growth.Domain.Import;

/// <summary>Where an opportunity stands in the CRM export.</summary>
public enum CrmDealStage
{
    /// <summary>A qualified lead not yet worked as an opportunity.</summary>
    Prospecting,
    /// <summary>An open opportunity.</summary>
    Engaging,
    Won,
    Lost,
}
