namespace Growth.Domain.Forecast;

/// <summary>
/// How sure the rep is that a deal closes in its expected period, the CRM categories leaders forecast by.
/// Reps' call = Closed + Commit; best case adds BestCase.
/// </summary>
public enum ForecastCategory
{
    /// <summary>Open, early: counted only in the pipeline.</summary>
    Pipeline,
    /// <summary>Open, could close in the period if things go well.</summary>
    BestCase,
    /// <summary>Open, the rep commits to closing it in the period.</summary>
    Commit,
    /// <summary>Won.</summary>
    Closed,
    /// <summary>Lost or disqualified: left out of every figure.</summary>
    Omitted,
}
