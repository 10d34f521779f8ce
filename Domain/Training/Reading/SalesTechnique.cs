using Growth.Domain.Journeys;

namespace Growth.Domain.Training.Reading;

/// <summary>What a trainee's line does in the conversation, as the line reader reads it.</summary>
public enum SalesTechnique
{
    /// <summary>A broad question that lets the customer talk ("How are things going?").</summary>
    OpenQuestion,
    /// <summary>A question about a specific need, problem, number or requirement ("How long until a lead is called back?").</summary>
    NeedsQuestion,
    /// <summary>Playing back what the customer said ("So what I'm hearing is...").</summary>
    Summarising,
    /// <summary>Naming the customer's worry or feeling ("It sounds like you're worried that...").</summary>
    NamingWorry,
    /// <summary>Answering with facts, figures, case studies or references.</summary>
    Evidence,
    /// <summary>Answering with a guarantee, refund, warranty, service level or no lock-in.</summary>
    Guarantee,
    /// <summary>Answering with a comparison (against a competitor, the status quo or another cost).</summary>
    Comparison,
    /// <summary>Testing readiness without asking for the order ("If we started next month, would that fit?").</summary>
    TrialClose,
    /// <summary>Acting as if the decision is made: the next step, the order, the date.</summary>
    AssumptiveClose,
    /// <summary>Deadlines, scarcity, guilt or attacking the customer's judgement or a competitor.</summary>
    Pressure,
    /// <summary>Small talk, compliments, congratulations, shared interests.</summary>
    Rapport,
    /// <summary>None of the above: a feature list, a vague line, or a line the reader could not read with confidence.</summary>
    Other,
}

/// <summary>Names of techniques and the objection kinds they answer, in the review's words.</summary>
public static class SalesTechniques
{
    public static string Label(SalesTechnique t) => t switch
    {
        SalesTechnique.OpenQuestion => "open question",
        SalesTechnique.NeedsQuestion => "needs question",
        SalesTechnique.Summarising => "summarising",
        SalesTechnique.NamingWorry => "naming the customer's worry",
        SalesTechnique.Evidence => "answering with evidence",
        SalesTechnique.Guarantee => "answering with a guarantee",
        SalesTechnique.Comparison => "answering with a comparison",
        SalesTechnique.TrialClose => "trial close",
        SalesTechnique.AssumptiveClose => "assumptive close",
        SalesTechnique.Pressure => "pressure",
        SalesTechnique.Rapport => "small talk / rapport",
        _ => "other",
    };

    /// <summary>The objection label a reading's objection model uses: the <see cref="ObjectionType"/> name, or "-" for none.</summary>
    public const string NoObjection = "-";

    public static ObjectionType? Objection(string label) =>
        label == NoObjection ? null : Enum.Parse<ObjectionType>(label);
}
