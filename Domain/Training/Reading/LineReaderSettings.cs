namespace Growth.Domain.Training.Reading;

/// <summary>
/// The line reader's settings. The defaults were chosen by 5-fold cross-validation on the training part of each
/// shipped set only (the held-out part never took part; see README "Training: free text"), except where "assumed".
/// </summary>
public sealed record LineReaderSettings
{
    public static readonly LineReaderSettings Default = new();

    /// <summary>Add-alpha smoothing of n-gram counts (cross-validated).</summary>
    public double Alpha { get; init; } = 0.5;
    /// <summary>How many times each defined cue counts against one n-gram (cross-validated).</summary>
    public int CueWeight { get; init; } = 3;
    /// <summary>Every technique equally likely before the line is read (cross-validated).</summary>
    public bool UniformPrior { get; init; } = true;
    /// <summary>Chinese single characters count as well as character bigrams (cross-validated).</summary>
    public bool ChineseCharacters { get; init; }
    /// <summary>Below this posterior probability the line is read as other (cross-validated: 0.3 to 0.5 read alike).</summary>
    public double MinConfidence { get; init; } = 0.4;
    /// <summary>Fewer known n-grams than this and the line is read as other: too little to go on (assumed).</summary>
    public int MinKnownNgrams { get; init; } = 2;
    /// <summary>Below this posterior probability the line is taken to address no objection (assumed).</summary>
    public double MinObjectionConfidence { get; init; } = 0.5;
}
