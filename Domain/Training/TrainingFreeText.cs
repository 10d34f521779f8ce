using Growth.Domain.Journeys;
using Growth.Domain.Training.Reading;

namespace Growth.Domain.Training;

/// <summary>
/// What a typed line stands for: the scripted move with the same technique at the same step, as a quality 0..1
/// against best practice. The customer then takes it exactly as a scripted answer of that quality
/// (<see cref="TrainingAnswers"/>). Pure.
/// </summary>
public static class TrainingFreeText
{
    /// <summary>The id a typed line's turn carries in place of a scripted choice's.</summary>
    public const string OptionId = "own-line";

    /// <summary>
    /// Quality of each technique at each step (columns: opening, rapport, topic, trial close, objection handling,
    /// close). Assumed: read from the seed article's advice as the shipped scenarios score their scripted answers
    /// (opening = who you are and a need they recognise; rapport = interest in them; topic = diagnose before
    /// prescribing; trial close = test readiness; objections = evidence, guarantees, honest comparisons; close = a
    /// clear order and next step; pressure is poor everywhere).
    /// </summary>
    public static readonly IReadOnlyDictionary<SalesTechnique, double[]> Fit = new Dictionary<SalesTechnique, double[]>
    {
        //                                         Open  Rapp  Topic Trial Obj   Close
        [SalesTechnique.OpenQuestion] =    [0.85, 0.90, 0.85, 0.60, 0.60, 0.40],
        [SalesTechnique.NeedsQuestion] =   [0.90, 0.70, 0.90, 0.65, 0.65, 0.35],
        [SalesTechnique.Summarising] =     [0.40, 0.60, 0.80, 0.80, 0.65, 0.70],
        [SalesTechnique.NamingWorry] =     [0.45, 0.70, 0.70, 0.75, 0.75, 0.60],
        [SalesTechnique.Evidence] =        [0.45, 0.40, 0.75, 0.60, 0.90, 0.50],
        [SalesTechnique.Guarantee] =       [0.35, 0.35, 0.55, 0.65, 0.90, 0.65],
        [SalesTechnique.Comparison] =      [0.30, 0.35, 0.65, 0.50, 0.85, 0.45],
        [SalesTechnique.TrialClose] =      [0.20, 0.25, 0.50, 0.90, 0.55, 0.80],
        [SalesTechnique.AssumptiveClose] = [0.10, 0.15, 0.30, 0.60, 0.40, 0.95],
        [SalesTechnique.Pressure] =        [0.05, 0.05, 0.10, 0.10, 0.10, 0.15],
        [SalesTechnique.Rapport] =         [0.70, 0.90, 0.50, 0.35, 0.30, 0.35],
        [SalesTechnique.Other] =           [0.30, 0.30, 0.30, 0.30, 0.25, 0.30],
    };

    /// <summary>An answer at objection handling that names no objection is generic: its quality times this (assumed).</summary>
    public const double GenericAnswerFactor = 0.8;

    /// <summary>Techniques that ask for the decision: pressed again when the customer asked for time, they count less (<see cref="TrainingTuning.PressingFactor"/>).</summary>
    static readonly HashSet<SalesTechnique> Closing = [SalesTechnique.TrialClose, SalesTechnique.AssumptiveClose, SalesTechnique.Pressure];

    /// <summary>The move a reading stands for at this point of the session, with why, for the review.</summary>
    public static TrainingOption Option(TrainingState s, LineReading reading)
    {
        var t = TrainingTuning.Default;
        var quality = Fit[reading.Technique][(int)s.Step];
        var text = s.Text;
        var why = text.Format(text.ReadAs, text.Reading(reading), text.Step(s.Step), quality);
        if (s.Step == ConversationStep.ObjectionHandling && s.CurrentObjection is { } raised && reading.Technique is not (SalesTechnique.Pressure or SalesTechnique.Other))
        {
            if (reading.Objection is { } answered && answered != raised)
            {
                quality = t.DecoyQuality;
                why += text.Format(text.AnswersOther, text.Label(answered), text.Label(raised));
            }
            else if (reading.Objection is null)
            {
                quality *= GenericAnswerFactor;
                why += text.Format(text.Generic, text.Label(raised));
            }
            else why += text.Format(text.SpeaksTo, text.Label(raised));
        }
        if (s.Thinking && Closing.Contains(reading.Technique))
        {
            quality *= t.PressingFactor;
            why += text.SentenceGap + text.PressingAgain;
        }
        if (text.ReadingMessage(reading) is { } message) why += text.Format(text.Aside, message);
        return new TrainingOption(OptionId, reading.Text, TrainingOptionKind.Response, Math.Round(quality, 3), why);
    }

    /// <summary>The seed article's name for a step, with the English one.</summary>
    public static string StepLabel(ConversationStep step) => step switch
    {
        ConversationStep.Opening => "the opening (开场白)",
        ConversationStep.Rapport => "rapport (话天地)",
        ConversationStep.Topic => "the topic (入主题)",
        ConversationStep.TrialClose => "the trial close (试水温)",
        ConversationStep.ObjectionHandling => "objection handling (解决异议)",
        _ => "the close (缔结)",
    };

}
