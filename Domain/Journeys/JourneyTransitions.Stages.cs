namespace Growth.Domain.Journeys;

public static partial class JourneyTransitions
{
    /// <summary>
    /// The times <paramref name="after"/> first reached the follow-up and payment stages: set once, by the event that moved
    /// the furthest stage past them (a journey that skips follow-up enters it with its opportunity, as the figures count it).
    /// </summary>
    static JourneyState StageTimes(JourneyState before, JourneyState after, DateTimeOffset at)
    {
        if (after.Stage is not { } reached || Nullable.Compare(before.Stage, reached) >= 0) return after;
        bool Crossed(FunnelStage stage) => reached >= stage && (before.Stage is not { } was || was < stage);
        return after with
        {
            FollowUpAt = after.FollowUpAt ?? (Crossed(FunnelStage.FollowUp) ? at : null),
            PaidAt = after.PaidAt ?? (Crossed(FunnelStage.Payment) ? at : null),
        };
    }
}
