namespace Growth.Domain.Setup;

/// <summary>Every rule a setup must meet; each problem names the field path it is about.</summary>
public static class SetupValidator
{
    /// <summary>All problems found (empty when the document is valid).</summary>
    public static IReadOnlyList<SetupProblem> Validate(SetupDocument document) => throw new NotImplementedException();

    /// <summary>Throws <see cref="InvalidSetupException"/> with every problem if there is any.</summary>
    public static void Require(SetupDocument document)
    {
        var problems = Validate(document);
        if (problems.Count > 0) throw new InvalidSetupException(problems);
    }
}
