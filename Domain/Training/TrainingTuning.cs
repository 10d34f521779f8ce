using Growth.Domain.Journeys;

namespace Growth.Domain.Training;

/// <summary>One value per difficulty.</summary>
public sealed record ByDifficulty<T>(T Easy, T Normal, T Hard)
{
    public T For(TrainingDifficulty d) => d switch { TrainingDifficulty.Easy => Easy, TrainingDifficulty.Hard => Hard, _ => Normal };
}

/// <summary>How a temperament takes the conversation.</summary>
/// <param name="TrustGain">Multiplier on trust gained from a good answer.</param>
/// <param name="InterestGain">Multiplier on interest gained from a good answer (and from a trial).</param>
/// <param name="Loss">Multiplier on trust and interest lost to a poor answer or a step gone badly.</param>
/// <param name="Patience">Patience with waiting: divides the cooling of a follow-up (higher cools less).</param>
/// <param name="StartTrust">Trust (0..1) added to the difficulty's starting trust.</param>
public sealed record TemperamentTraits(double TrustGain, double InterestGain, double Loss, double Patience, double StartTrust);

/// <summary>How far an answer at one step moves the customer.</summary>
/// <param name="Trust">Trust (0..1) moved by the best (+) or worst (-) answer, before temperament.</param>
/// <param name="Interest">Interest (0..1) moved by the best (+) or worst (-) answer, before temperament.</param>
public sealed record StepWeights(double Trust, double Interest);

/// <summary>
/// Every tuning number of the training customer, named in one place: how trust and interest move, when the customer
/// walks, waits or signs, and how good each action is in each situation (what the review teaches). No study backs
/// these; they are "assumed" unless a line says otherwise, set so that best practice wins most sessions and poor
/// answers lose them all (Domain.Tests/Training).
/// </summary>
public sealed record TrainingTuning
{
    public static TrainingTuning Default { get; } = new();

    // The customer at the first call.
    /// <summary>Trust at the first call per difficulty, 0..1; assumed.</summary>
    public ByDifficulty<double> StartTrust { get; init; } = new(0.45, 0.36, 0.28);
    /// <summary>Interest at the first call, 0..1; assumed.</summary>
    public double StartInterest { get; init; } = 0.38;
    /// <summary>Largest random shift of the starting interest either way, 0..1; assumed.</summary>
    public double StartInterestJitter { get; init; } = 0.04;
    /// <summary>Budget multiplier per difficulty (harder customers have less to spend); assumed.</summary>
    public ByDifficulty<double> BudgetFactor { get; init; } = new(1.25, 1.0, 0.8);
    /// <summary>Hidden objections per difficulty, a count (capped by what the scenario offers); assumed.</summary>
    public ByDifficulty<int> ObjectionCount { get; init; } = new(1, 2, 3);

    // Temperaments.
    /// <summary>Friendly: trust comes easily, losses hurt less, patient; assumed.</summary>
    public TemperamentTraits Friendly { get; init; } = new(1.3, 1.0, 0.8, 1.5, 0.08);
    /// <summary>Analytical: interest comes from good answers, fairly patient; assumed.</summary>
    public TemperamentTraits Analytical { get; init; } = new(0.8, 1.3, 1.0, 1.2, 0);
    /// <summary>Skeptical: slow to trust, losses hurt more; assumed.</summary>
    public TemperamentTraits Skeptical { get; init; } = new(0.7, 1.0, 1.3, 1.0, -0.08);
    /// <summary>Impatient: losses hurt, waiting cools fast; assumed.</summary>
    public TemperamentTraits Impatient { get; init; } = new(1.0, 1.0, 1.2, 0.5, 0);

    public TemperamentTraits Traits(Temperament t) => t switch
    {
        Temperament.Friendly => Friendly,
        Temperament.Analytical => Analytical,
        Temperament.Skeptical => Skeptical,
        _ => Impatient,
    };

    // What an answer at each step moves: opening and rapport build trust; topic and trial close build interest.
    /// <summary>Opening: mostly trust; assumed.</summary>
    public StepWeights Opening { get; init; } = new(0.15, 0.05);
    /// <summary>Rapport: mostly trust; assumed.</summary>
    public StepWeights Rapport { get; init; } = new(0.15, 0.03);
    /// <summary>Topic (the need): mostly interest; assumed.</summary>
    public StepWeights Topic { get; init; } = new(0.05, 0.15);
    /// <summary>Trial close: mostly interest; assumed.</summary>
    public StepWeights TrialClose { get; init; } = new(0.03, 0.12);
    /// <summary>Objection handling: both alike; assumed.</summary>
    public StepWeights ObjectionHandling { get; init; } = new(0.10, 0.10);
    /// <summary>Close: a little of both; assumed.</summary>
    public StepWeights Close { get; init; } = new(0.05, 0.05);

    public StepWeights Weights(ConversationStep step) => step switch
    {
        ConversationStep.Opening => Opening,
        ConversationStep.Rapport => Rapport,
        ConversationStep.Topic => Topic,
        ConversationStep.TrialClose => TrialClose,
        ConversationStep.ObjectionHandling => ObjectionHandling,
        _ => Close,
    };

    // Intent, walking away, signing.
    /// <summary>Weight of trust in intent, 0..1; assumed.</summary>
    public double IntentTrustWeight { get; init; } = 0.5;
    /// <summary>Weight of interest in intent, 0..1; assumed.</summary>
    public double IntentInterestWeight { get; init; } = 0.5;
    /// <summary>Intent (0..1) lost per objection left unresolved; assumed.</summary>
    public double UnresolvedObjectionIntent { get; init; } = 0.08;
    /// <summary>Trust or interest (0..1) below which the customer ends the conversation; assumed.</summary>
    public double WalkAway { get; init; } = 0.12;
    /// <summary>Multiplier on the behaviour model's step failure per difficulty (harder customers forgive less); assumed.</summary>
    public ByDifficulty<double> FailureFactor { get; init; } = new(0.6, 1.0, 1.4);
    /// <summary>Intent (0..1) needed to sign at the close, per difficulty; assumed.</summary>
    public ByDifficulty<double> BuyThreshold { get; init; } = new(0.45, 0.52, 0.58);
    /// <summary>Intent (0..1) at which a customer who does not sign asks for time rather than declining; assumed.</summary>
    public double ThinkingIntent { get; init; } = 0.35;
    /// <summary>How far over budget a customer stretches for something they want, a multiplier of the budget; assumed.</summary>
    public decimal BudgetStretch { get; init; } = 1.15m;
    /// <summary>The stretch once a budget objection was answered with value (instalments, payback), a multiplier; assumed.</summary>
    public decimal ValueStretch { get; init; } = 1.3m;

    // Answers.
    /// <summary>Quality (0..1) of an answer that moves nothing: the behaviour model's average skill (0.5).</summary>
    public double NeutralQuality { get; init; } = 0.5;
    /// <summary>Quality (0..1) below which an answer is poor: with a failed step it ends the call, as a discount it costs trust; assumed.</summary>
    public double PoorQuality { get; init; } = 0.4;
    /// <summary>Quality (0..1) from which an answer counts as good: a trial settles the objection, value stretches the budget; assumed.</summary>
    public double GoodQuality { get; init; } = 0.7;
    /// <summary>Quality (0..1) from which the customer visibly warms up; assumed.</summary>
    public double WarmQuality { get; init; } = 0.75;
    /// <summary>Quality (0..1) from which the customer goes along (below it, frowns); assumed.</summary>
    public double AlongQuality { get; init; } = 0.45;
    /// <summary>Trust (0..1) lost when a step goes badly, before temperament; assumed.</summary>
    public double FailedStepTrust { get; init; } = 0.08;
    /// <summary>Interest (0..1) lost when a step goes badly, before temperament; assumed.</summary>
    public double FailedStepInterest { get; init; } = 0.06;
    /// <summary>Simulated days one answer takes; assumed (about half an hour).</summary>
    public double AnswerDays { get; init; } = 0.02;

    // Follow-ups.
    /// <summary>Follow-ups allowed before the deal is declared stalled, a count; assumed.</summary>
    public int MaxFollowUps { get; init; } = 3;
    /// <summary>Hours waited by "follow up tomorrow"; by definition.</summary>
    public double TomorrowHours { get; init; } = 24;
    /// <summary>Hours waited by "follow up next week"; by definition.</summary>
    public double NextWeekHours { get; init; } = 168;
    /// <summary>Exponent softening the behaviour model's contact decay for a known customer (divided by patience); assumed.</summary>
    public double CoolingExponent { get; init; } = 0.35;
    /// <summary>Hours within which a follow-up finds a customer who asked for time having thought it over; assumed.</summary>
    public double ThoughtOverHours { get; init; } = 24;
    /// <summary>Interest (0..1) a customer who asked for time regains when followed up within <see cref="ThoughtOverHours"/>; assumed.</summary>
    public double ThoughtOverInterest { get; init; } = 0.08;
    /// <summary>Hours within which a follow-up counts as prompt; assumed.</summary>
    public double PromptHours { get; init; } = 48;
    /// <summary>Trust (0..1) won by a prompt follow-up; assumed.</summary>
    public double PromptTrust { get; init; } = 0.04;
    /// <summary>Trust (0..1) lost by a late follow-up; assumed.</summary>
    public double LateTrust { get; init; } = 0.03;
    /// <summary>Interest (0..1) below which a followed-up customer has gone cold (stalled); assumed.</summary>
    public double ColdInterest { get; init; } = 0.2;

    // Trial and discount.
    /// <summary>Interest (0..1) a trial adds, before temperament; assumed.</summary>
    public double TrialInterest { get; init; } = 0.12;
    /// <summary>Simulated days a trial takes; assumed (a week).</summary>
    public double TrialDays { get; init; } = 7;
    /// <summary>Interest (0..1) a discount adds; assumed.</summary>
    public double DiscountInterest { get; init; } = 0.04;
    /// <summary>Trust (0..1) a discount costs when it is a poor move (below <see cref="PoorQuality"/>); assumed.</summary>
    public double PoorDiscountTrust { get; init; } = 0.04;
    /// <summary>Quality (0..1) from which a discount settles the objection it answers; assumed.</summary>
    public double DiscountSettles { get; init; } = 0.5;

    // How good each choice is in context: the best practice the review teaches (scenario files hold the answers' own).
    /// <summary>Quality (0..1) of an answer to another objection than the one raised (the decoy); assumed.</summary>
    public double DecoyQuality { get; init; } = 0.15;
    /// <summary>Multiplier on an answer's quality when it presses a customer who asked for time; assumed.</summary>
    public double PressingFactor { get; init; } = 0.5;
    /// <summary>Quality (0..1) of following up tomorrow when the customer asked for time; assumed.</summary>
    public double TomorrowWhenThinking { get; init; } = 0.85;
    /// <summary>Quality (0..1) of following up tomorrow while the customer is engaged; assumed.</summary>
    public double TomorrowWhenEngaged { get; init; } = 0.3;
    /// <summary>Quality (0..1) of following up next week when the customer asked for time; assumed.</summary>
    public double NextWeekWhenThinking { get; init; } = 0.35;
    /// <summary>Quality (0..1) of following up next week while the customer is engaged; assumed.</summary>
    public double NextWeekWhenEngaged { get; init; } = 0.1;
    /// <summary>Quality (0..1) of a trial against an experience objection; assumed.</summary>
    public double TrialForExperience { get; init; } = 0.95;
    /// <summary>Quality (0..1) of a trial against a service objection; assumed.</summary>
    public double TrialForService { get; init; } = 0.75;
    /// <summary>Quality (0..1) of a trial against a competitor objection; assumed.</summary>
    public double TrialForCompetitor { get; init; } = 0.6;
    /// <summary>Quality (0..1) of a trial against a budget objection; assumed.</summary>
    public double TrialForBudget { get; init; } = 0.4;
    /// <summary>Quality (0..1) of a trial at the trial close; assumed.</summary>
    public double TrialAtTrialClose { get; init; } = 0.7;
    /// <summary>Quality (0..1) of a trial for a customer who asked for time; assumed.</summary>
    public double TrialWhenThinking { get; init; } = 0.8;
    /// <summary>Quality (0..1) of a trial offered at the close otherwise; assumed.</summary>
    public double TrialAtClose { get; init; } = 0.4;
    /// <summary>Quality (0..1) of a discount against a budget objection; assumed.</summary>
    public double DiscountForBudget { get; init; } = 0.6;
    /// <summary>Quality (0..1) of a discount for a customer who asked for time and is over budget; assumed.</summary>
    public double DiscountWhenThinkingOverBudget { get; init; } = 0.95;
    /// <summary>Quality (0..1) of a discount before the close, unasked; assumed.</summary>
    public double DiscountEarly { get; init; } = 0.15;
    /// <summary>Quality (0..1) of a discount nobody asked for at the close; assumed.</summary>
    public double DiscountUnasked { get; init; } = 0.3;
}
