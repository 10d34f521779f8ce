using Growth.Domain.Journeys;

namespace Growth.Domain.Training;

/// <summary>Where a training session stands.</summary>
public enum TrainingOutcome { InProgress, Won, Lost, Stalled }

/// <summary>A scripted response or one of the actions any rep can take.</summary>
public enum TrainingOptionKind { Response, FollowUpTomorrow, FollowUpNextWeek, OfferTrial, OfferDiscount }

/// <summary>One choice offered to the trainee. Quality and why stay hidden until the review.</summary>
public sealed record TrainingOption(string Id, string Text, TrainingOptionKind Kind, double Quality, string Why);

/// <summary>The customer's hidden state at one moment.</summary>
public sealed record TrainingMood(double Trust, double Interest, double Intent);

/// <summary>One turn of a session, with everything the review reveals.</summary>
public sealed record TrainingTurn
{
    public required int Index { get; init; }
    public required ConversationStep Step { get; init; }
    /// <summary>The objection being handled, at the objection-handling step.</summary>
    public ObjectionType? Objection { get; init; }
    public required string Customer { get; init; }
    public required TrainingOption Chosen { get; init; }
    /// <summary>The best option that was on offer.</summary>
    public required TrainingOption Best { get; init; }
    public required TrainingMood Before { get; init; }
    public required TrainingMood After { get; init; }
    /// <summary>Chance the step went well, from the behaviour model (null for actions that do not test the step).</summary>
    public double? PassChance { get; init; }
    public bool Passed { get; init; }
    /// <summary>0..100: the chosen option's quality against the best on offer.</summary>
    public required int Score { get; init; }
    /// <summary>What the customer did, as the trainee saw it.</summary>
    public required string Reaction { get; init; }
    /// <summary>Simulated days since the first call when the turn ended.</summary>
    public double Day { get; init; }
    /// <summary>How the trainee's typed line was read (technique, objection, why); null for a scripted choice.</summary>
    public Reading.LineReading? Reading { get; init; }
}

/// <summary>The whole state of a session: pure data, replayable from the scenario, seed and choices.</summary>
public sealed record TrainingState
{
    public required string ScenarioId { get; init; }
    public required TrainingDifficulty Difficulty { get; init; }
    public required ulong Seed { get; init; }
    public required TrainingPersona Persona { get; init; }
    public ConversationStep Step { get; init; }
    /// <summary>Index into the persona's hidden objections at the objection-handling step.</summary>
    public int ObjectionIndex { get; init; }
    public int UnresolvedObjections { get; init; }
    /// <summary>How far over the budget the customer will go (raised when a budget objection is answered with value).</summary>
    public decimal Stretch { get; init; } = Tuning.BudgetStretch;
    public double Trust { get; init; }
    public double Interest { get; init; }
    public double Intent => Math.Clamp(
        Tuning.IntentTrustWeight * Trust + Tuning.IntentInterestWeight * Interest - Tuning.UnresolvedObjectionIntent * UnresolvedObjections, 0, 1);
    public decimal Price { get; init; }
    public bool TrialOffered { get; init; }
    public bool DiscountOffered { get; init; }
    /// <summary>The customer asked for time at the close ("let me think about it").</summary>
    public bool Thinking { get; init; }
    public int FollowUps { get; init; }
    public double Day { get; init; }
    /// <summary>The session's random stream (SplitMix64 state).</summary>
    public ulong Rng { get; init; }
    public TrainingOutcome Outcome { get; init; }
    public decimal OrderValue { get; init; }
    public ConversationStep? LostAt { get; init; }
    public string? Reason { get; init; }
    /// <summary>What the customer just said.</summary>
    public string Customer { get; init; } = "";
    /// <summary>The choices on offer now (empty once the session is over).</summary>
    public IReadOnlyList<TrainingOption> Options { get; init; } = [];
    public IReadOnlyList<TrainingTurn> Turns { get; init; } = [];
    /// <summary>The scenario's language (<see cref="TrainingLanguages"/>): every line the engine writes is in it. Sessions stored before it existed read as English.</summary>
    public string Language { get; init; } = TrainingLanguages.English;

    /// <summary>The engine's words in the session's language.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TrainingText Text => TrainingText.For(Language);

    static TrainingTuning Tuning => TrainingTuning.Default;

    public TrainingMood Mood => new(Math.Round(Trust, 3), Math.Round(Interest, 3), Math.Round(Intent, 3));
    public ObjectionType? CurrentObjection =>
        Step == ConversationStep.ObjectionHandling && ObjectionIndex < Persona.HiddenObjections.Count ? Persona.HiddenObjections[ObjectionIndex] : null;
}
