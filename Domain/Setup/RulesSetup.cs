using Growth.Domain.Simulation;

namespace Growth.Domain.Setup;

/// <summary>
/// How the company works its leads: a first-contact deadline, when an untouched or unanswered lead goes back to the
/// pool to be reassigned (by its team's assignment rule: least loaded, round-robin or skill match), and the intent
/// grades that set each qualified lead's follow-up cadence and persistence. Defaults run an empty setup.
/// </summary>
public sealed record RulesSetup
{
    /// <summary>Hours from assignment by which a lead must be contacted; reps pace their first contact to it.</summary>
    public double FirstContactDeadlineHours { get; init; } = 24;
    /// <summary>Unanswered follow-ups after which a qualified lead returns to the pool (0: never).</summary>
    public int UnansweredFollowUps { get; init; }
    /// <summary>Times one lead may return to the pool; after that it stays with its rep.</summary>
    public int MaxReturns { get; init; } = 2;
    /// <summary>Follow-up cadence and persistence per intent grade, A (all four signals) to D (one or none).</summary>
    public IReadOnlyList<GradeRuleSetup> Grades { get; init; } = GradeRules.Defaults.Select(GradeRuleSetup.Of).ToList();
}

/// <summary>One intent grade's follow-up rule.</summary>
public sealed record GradeRuleSetup
{
    public IntentGrade Grade { get; init; }
    /// <summary>Mean days between follow-ups at normal effort.</summary>
    public double FollowUpDays { get; init; } = 3;
    /// <summary>Follow-ups a rep makes at normal effort before giving the lead up.</summary>
    public int FollowUps { get; init; } = 4;

    public static GradeRuleSetup Of(GradeRule r) => new() { Grade = r.Grade, FollowUpDays = r.FollowUpDays, FollowUps = r.FollowUps };
}
