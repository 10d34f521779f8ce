using Growth.Domain.Journeys;

namespace Growth.Domain.Training.Reading;

/// <summary>How one trainee line was read, and why.</summary>
public sealed record LineReading
{
    public required string Text { get; init; }
    public required LineLanguage Language { get; init; }
    /// <summary>The technique the line is taken to use (<see cref="SalesTechnique.Other"/> when the reader was unsure).</summary>
    public required SalesTechnique Technique { get; init; }
    /// <summary>The reader's most probable technique, even when unsure.</summary>
    public required SalesTechnique BestGuess { get; init; }
    /// <summary>0..1: the posterior probability of <see cref="BestGuess"/>.</summary>
    public required double Confidence { get; init; }
    /// <summary>The objection the line addresses, if any.</summary>
    public ObjectionType? Objection { get; init; }
    public double ObjectionConfidence { get; init; }
    /// <summary>The n-grams that pushed the line to its technique, strongest first.</summary>
    public IReadOnlyList<NgramWeight> Why { get; init; } = [];
    /// <summary>The n-grams that pushed the line to its objection.</summary>
    public IReadOnlyList<NgramWeight> ObjectionWhy { get; init; } = [];
    /// <summary>Why the line was read as other or without an objection when the reader was unsure; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>One sentence for the review: "needs question (93 %) on budget, from "budget", "how much"".</summary>
    public string Summary =>
        (Technique == BestGuess
            ? $"{SalesTechniques.Label(Technique)} ({Confidence:P0})"
            : $"{SalesTechniques.Label(Technique)} (best guess {SalesTechniques.Label(BestGuess)}, {Confidence:P0})")
        + (Objection is { } o ? $" on {TrainingPrompts.Label(o)}" : "")
        + (Why.Count > 0 ? ", from " + string.Join(", ", Why.Select(w => $"\"{w.Ngram}\"")) : "");
}

/// <summary>
/// Reads a trainee's free-text line: which <see cref="SalesTechnique"/> it uses and which objection it addresses. Two
/// multinomial naive Bayes models per language (technique; objection or none) over the n-grams of
/// <see cref="LineFeatures"/>, trained on the shipped labelled sets. Deterministic and offline; immutable once built.
/// </summary>
public sealed class LineReader
{
    /// <summary>Longest line a trainee may type, in characters.</summary>
    public const int MaxLength = 400;

    static readonly string[] TechniqueLabels = Enum.GetNames<SalesTechnique>();
    static readonly string[] ObjectionLabels = [SalesTechniques.NoObjection, .. Enum.GetNames<ObjectionType>()];
    static readonly Lazy<LineReader> shipped = new(() => Train(LabelledLines.Shipped(LineLanguage.English), LabelledLines.Shipped(LineLanguage.Chinese)));

    readonly Dictionary<LineLanguage, (NaiveBayes Technique, NaiveBayes Objection)> models;
    readonly LineReaderSettings settings;

    LineReader(Dictionary<LineLanguage, (NaiveBayes, NaiveBayes)> models, LineReaderSettings settings) => (this.models, this.settings) = (models, settings);

    public LineReaderSettings Settings => settings;

    /// <summary>The reader trained on every shipped line of both languages.</summary>
    public static LineReader Shipped => shipped.Value;

    public static LineReader Train(IReadOnlyList<LabelledLine> english, IReadOnlyList<LabelledLine> chinese, LineReaderSettings? settings = null)
    {
        var s = settings ?? LineReaderSettings.Default;
        return new(new()
        {
            [LineLanguage.English] = Models(english, LineLanguage.English, s),
            [LineLanguage.Chinese] = Models(chinese, LineLanguage.Chinese, s),
        }, s);
    }

    static (NaiveBayes, NaiveBayes) Models(IReadOnlyList<LabelledLine> lines, LineLanguage language, LineReaderSettings s)
    {
        var features = lines.Select(l => (Ngrams: LineFeatures.Of(l.Text, language, s), Line: l)).ToList();
        return (
            NaiveBayes.Train(features.Select(f => (f.Ngrams, f.Line.Technique.ToString())), TechniqueLabels, s.Alpha, s.UniformPrior),
            NaiveBayes.Train(features.Select(f => (f.Ngrams, f.Line.Objection?.ToString() ?? SalesTechniques.NoObjection)), ObjectionLabels, s.Alpha));
    }

    /// <summary>Reads a line (its language from its script). Throws <see cref="ArgumentException"/> for an empty or too long line.</summary>
    public LineReading Read(string? text)
    {
        var line = (text ?? "").Trim();
        if (line.Length == 0) throw new ArgumentException("line: is empty; type what you would say to the customer");
        if (line.Length > MaxLength) throw new ArgumentException($"line: is {line.Length} characters long; at most {MaxLength} are allowed");
        var language = LineFeatures.LanguageOf(line);
        var (techniqueModel, objectionModel) = models[language];
        var ngrams = LineFeatures.Of(line, language, settings);
        var t = techniqueModel.Classify(ngrams);
        var o = objectionModel.Classify(ngrams);
        var guess = Enum.Parse<SalesTechnique>(t.Label);
        var unsure = t.KnownNgrams < settings.MinKnownNgrams || t.Confidence < settings.MinConfidence;
        var objection = o.Confidence >= settings.MinObjectionConfidence ? SalesTechniques.Objection(o.Label) : null;
        string? message = null;
        if (t.KnownNgrams < settings.MinKnownNgrams)
            message = $"read as other: only {t.KnownNgrams} of its words are ones the reader knows from its {(language == LineLanguage.Chinese ? "Chinese" : "English")} examples";
        else if (t.Confidence < settings.MinConfidence)
            message = $"read as other: the best guess, {SalesTechniques.Label(guess)}, is only {t.Confidence:P0} likely (at least {settings.MinConfidence:P0} needed)";
        return new LineReading
        {
            Text = line, Language = language,
            Technique = unsure ? SalesTechnique.Other : guess, BestGuess = guess, Confidence = Math.Round(t.Confidence, 3),
            Objection = objection, ObjectionConfidence = Math.Round(o.Confidence, 3),
            Why = unsure ? [] : t.Evidence, ObjectionWhy = objection is null ? [] : o.Evidence,
            Message = message,
        };
    }
}
