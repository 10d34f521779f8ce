using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>Intent grade of a qualified lead, from the seed article's four signals: need, budget, timing, decision power.</summary>
public enum IntentGrade { A, B, C, D }

/// <summary>Follow-up cadence (mean days) and persistence (follow-ups at normal effort) of one grade.</summary>
public sealed record GradeRule(IntentGrade Grade, double FollowUpDays, int FollowUps);

/// <summary>The four signals of a lead and the grade they give.</summary>
public sealed record IntentSignals(bool Need, bool Budget, bool Timing, bool DecisionPower)
{
    public int Count => (Need ? 1 : 0) + (Budget ? 1 : 0) + (Timing ? 1 : 0) + (DecisionPower ? 1 : 0);

    /// <summary>A: all four; B: three; C: two; D: one or none.</summary>
    public IntentGrade Grade => Count switch { 4 => IntentGrade.A, 3 => IntentGrade.B, 2 => IntentGrade.C, _ => IntentGrade.D };

    /// <summary>
    /// A lead's signals: need when its intent is at least 0.6; budget when it can pay the list price; timing with a
    /// chance equal to its intent; decision power with a chance of 0.5 (assumed). Drawn from the lead's own seed on a
    /// separate stream, so grading changes no other draw of the journey.
    /// </summary>
    public static IntentSignals Of(double intent, decimal budget, decimal listPrice, ulong seed)
    {
        var rng = new Prng(Prng.Derive(seed, "intent-signals"));
        return new IntentSignals(intent >= 0.6, budget >= listPrice, rng.Chance(intent), rng.Chance(0.5));
    }
}

/// <summary>The setup's operating rules as the simulation runs them.</summary>
public sealed record OperatingRules
{
    /// <summary>Hours from assignment by which a lead must be first contacted (source: the setup; default 24).</summary>
    public double FirstContactDeadlineHours { get; init; } = 24;
    /// <summary>Share of the deadline a rep aims to contact by (assumed: 0.5); the mean contact delay is capped at it.</summary>
    public double DeadlineAim { get; init; } = 0.5;
    /// <summary>Unanswered follow-ups after which a lead returns to the pool (0: never).</summary>
    public int UnansweredFollowUps { get; init; }
    /// <summary>Times a lead may return to the pool.</summary>
    public int MaxReturns { get; init; } = 2;
    public IReadOnlyList<GradeRule> Grades { get; init; } = GradeRules.Defaults;

    public static OperatingRules Default { get; } = new();

    public GradeRule RuleOf(IntentGrade grade) =>
        Grades.FirstOrDefault(g => g.Grade == grade) ?? GradeRules.Defaults[(int)grade];
}

public static class GradeRules
{
    /// <summary>Defaults (assumed): the better the grade, the tighter the cadence and the longer the persistence.</summary>
    public static IReadOnlyList<GradeRule> Defaults { get; } =
    [
        new(IntentGrade.A, 2, 6),
        new(IntentGrade.B, 3, 4),
        new(IntentGrade.C, 4, 3),
        new(IntentGrade.D, 6, 2),
    ];
}
