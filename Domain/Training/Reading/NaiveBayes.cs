namespace Growth.Domain.Training.Reading;

/// <summary>An n-gram and how much it pushed a reading towards its label (log-likelihood ratio against the other labels).</summary>
public sealed record NgramWeight(string Ngram, double Weight);

/// <summary>A naive Bayes verdict: the label, its posterior probability, the runner-up, and the n-grams that decided it.</summary>
public sealed record NaiveBayesVerdict(string Label, double Confidence, string RunnerUp, IReadOnlyList<NgramWeight> Evidence, int KnownNgrams);

/// <summary>
/// A multinomial naive Bayes classifier over n-grams with Laplace (add-alpha) smoothing. Deterministic: the same
/// labelled lines give the same model, and ties go to the label listed first. Explainable: each n-gram's pull towards
/// a label is its log-likelihood there minus its mean log-likelihood under the other labels. N-grams never seen in
/// training are ignored. Immutable once trained.
/// </summary>
public sealed class NaiveBayes
{
    readonly string[] labels;
    readonly double[] logPrior;
    readonly Dictionary<string, double[]> logLikelihood;

    NaiveBayes(string[] labels, double[] logPrior, Dictionary<string, double[]> logLikelihood) =>
        (this.labels, this.logPrior, this.logLikelihood) = (labels, logPrior, logLikelihood);

    public IReadOnlyList<string> Labels => labels;
    public int Vocabulary => logLikelihood.Count;

    /// <param name="examples">Each example's n-grams (an n-gram listed twice counts twice) and its label.</param>
    /// <param name="labels">Every label, in the order ties are broken; a label without examples is never chosen.</param>
    /// <param name="alpha">Add-alpha smoothing of n-gram counts.</param>
    /// <param name="uniformPrior">Every label equally likely before the line is read (otherwise as often as in the examples).</param>
    public static NaiveBayes Train(IEnumerable<(IReadOnlyList<string> Ngrams, string Label)> examples, IReadOnlyList<string> labels, double alpha, bool uniformPrior = false)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var docs = new int[labels.Count];
        var totals = new double[labels.Count];
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (ngrams, label) in examples)
        {
            var c = index.TryGetValue(label, out var i) ? i : throw new ArgumentException($"label '{label}' is not one of {string.Join(", ", labels)}");
            docs[c]++;
            foreach (var g in ngrams)
            {
                if (!counts.TryGetValue(g, out var row)) counts[g] = row = new double[labels.Count];
                row[c]++;
                totals[c]++;
            }
        }
        var n = docs.Sum();
        var prior = docs.Select(d => d == 0 ? double.NegativeInfinity : uniformPrior ? 0 : Math.Log((double)d / n)).ToArray();
        var v = counts.Count;
        var likelihood = counts.ToDictionary(kv => kv.Key,
            kv => kv.Value.Select((count, c) => Math.Log((count + alpha) / (totals[c] + alpha * v))).ToArray(), StringComparer.Ordinal);
        return new NaiveBayes([.. labels], prior, likelihood);
    }

    /// <summary>Reads one line's n-grams: the most probable label and, at most <paramref name="evidence"/>, the n-grams that pushed it there.</summary>
    public NaiveBayesVerdict Classify(IReadOnlyList<string> ngrams, int evidence = 3)
    {
        var score = (double[])logPrior.Clone();
        var known = ngrams.Where(logLikelihood.ContainsKey).ToList();
        foreach (var g in known)
        {
            var row = logLikelihood[g];
            for (var c = 0; c < score.Length; c++) score[c] += row[c];
        }
        var best = 0;
        for (var c = 1; c < score.Length; c++) if (score[c] > score[best]) best = c;
        var second = best == 0 ? 1 : 0;
        for (var c = 0; c < score.Length; c++) if (c != best && score[c] > score[second]) second = c;
        // Posterior by the log-sum-exp trick, so long lines do not underflow.
        var sum = score.Where(double.IsFinite).Sum(s => Math.Exp(s - score[best]));
        var pulls = known.Distinct(StringComparer.Ordinal)
            .Select(g => new NgramWeight(g, Math.Round(Pull(logLikelihood[g], best), 2)))
            .Where(w => w.Weight > 0)
            .OrderByDescending(w => w.Weight).ThenBy(w => w.Ngram, StringComparer.Ordinal)
            .Take(evidence).ToList();
        return new NaiveBayesVerdict(labels[best], 1 / sum, labels[second], pulls, known.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Log-likelihood under the label minus the mean under the other labels.</summary>
    static double Pull(double[] row, int label)
    {
        var others = 0.0;
        for (var c = 0; c < row.Length; c++) if (c != label) others += row[c];
        return row[label] - others / (row.Length - 1);
    }
}
