namespace Growth.Domain.Journeys;

public static partial class JourneyTransitions
{
    /// <summary>The CRM's expected close date and category, when the event carries them; a later date counts as a push.</summary>
    static JourneyState ForecastFields(JourneyState s, JourneyEvent e)
    {
        if (e.ExpectedCloseAt is { } close)
            s = s with
            {
                CloseDatePushes = s.ExpectedCloseAt is { } before && close > before ? s.CloseDatePushes + 1 : s.CloseDatePushes,
                ExpectedCloseAt = close,
            };
        return e.ForecastCategory is { } category ? s with { ForecastCategory = category } : s;
    }
}
